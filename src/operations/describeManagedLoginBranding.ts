import { getBranding } from "../domain/hostedUi/managedLoginBranding.js";
import { managedLoginBrandingType } from "./brandingOutput.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { ManagedLoginBrandingIdType } from "./poolResourceTypes.js";
import { boolean, required, struct } from "./shape.js";

/** ReturnMergedResources would merge in Cognito's default style, which is not reproduced: the stored style is returned. */
export const DescribeManagedLoginBranding = defineOperation(
  "DescribeManagedLoginBranding",
  struct({
    UserPoolId: required(UserPoolIdType),
    ManagedLoginBrandingId: required(ManagedLoginBrandingIdType),
    ReturnMergedResources: boolean(),
  }),
  async (ctx, { UserPoolId, ManagedLoginBrandingId }) => ({
    ManagedLoginBranding: managedLoginBrandingType(await getBranding(ctx, UserPoolId, ManagedLoginBrandingId)),
  }),
);
