import { deleteBranding } from "../domain/hostedUi/managedLoginBranding.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { ManagedLoginBrandingIdType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

export const DeleteManagedLoginBranding = defineOperation(
  "DeleteManagedLoginBranding",
  struct({ ManagedLoginBrandingId: required(ManagedLoginBrandingIdType), UserPoolId: required(UserPoolIdType) }),
  async (ctx, { ManagedLoginBrandingId, UserPoolId }) => {
    await deleteBranding(ctx, UserPoolId, ManagedLoginBrandingId);
    return {};
  },
);
