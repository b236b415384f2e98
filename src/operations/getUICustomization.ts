import { getUiCustomization } from "../domain/hostedUi/uiCustomization.js";
import { ClientIdType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";
import { uiCustomizationType } from "./uiCustomizationOutput.js";

export const GetUICustomization = defineOperation(
  "GetUICustomization",
  struct({ UserPoolId: required(UserPoolIdType), ClientId: ClientIdType }),
  async (ctx, { UserPoolId, ClientId }) => ({
    UICustomization: uiCustomizationType(ctx, await getUiCustomization(ctx, UserPoolId, ClientId)),
  }),
);
