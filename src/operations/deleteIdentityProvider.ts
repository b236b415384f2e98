import { deleteIdentityProvider } from "../domain/federation/identityProviders.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { ProviderNameType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

export const DeleteIdentityProvider = defineOperation(
  "DeleteIdentityProvider",
  struct({ UserPoolId: required(UserPoolIdType), ProviderName: required(ProviderNameType) }),
  async (ctx, { UserPoolId, ProviderName }) => {
    await deleteIdentityProvider(ctx, UserPoolId, ProviderName);
    return {};
  },
);
