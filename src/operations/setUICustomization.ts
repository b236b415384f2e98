import { setUiCustomization } from "../domain/hostedUi/uiCustomization.js";
import { compact } from "../domain/kernel/compact.js";
import { ClientIdType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { CSSType, ImageFileType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";
import { uiCustomizationType } from "./uiCustomizationOutput.js";

export const SetUICustomization = defineOperation(
  "SetUICustomization",
  struct({ UserPoolId: required(UserPoolIdType), ClientId: ClientIdType, CSS: CSSType, ImageFile: ImageFileType }),
  async (ctx, { UserPoolId, ClientId, CSS, ImageFile }) => {
    const customization = await setUiCustomization(ctx, UserPoolId, ClientId, compact({ css: CSS, image: ImageFile }));
    return { UICustomization: uiCustomizationType(ctx, customization) };
  },
);
