import { getBrandingByClient } from "../domain/hostedUi/managedLoginBranding.js";
import { managedLoginBrandingType } from "./brandingOutput.js";
import { ClientIdType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { boolean, required, struct } from "./shape.js";

export const DescribeManagedLoginBrandingByClient = defineOperation(
  "DescribeManagedLoginBrandingByClient",
  struct({ UserPoolId: required(UserPoolIdType), ClientId: required(ClientIdType), ReturnMergedResources: boolean() }),
  async (ctx, { UserPoolId, ClientId }) => ({
    ManagedLoginBranding: managedLoginBrandingType(await getBrandingByClient(ctx, UserPoolId, ClientId)),
  }),
);
