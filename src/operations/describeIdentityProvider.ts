import { getIdentityProvider } from "../domain/federation/identityProviders.js";
import { identityProviderType } from "./identityProviderOutput.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { ProviderNameType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

export const DescribeIdentityProvider = defineOperation(
  "DescribeIdentityProvider",
  struct({ UserPoolId: required(UserPoolIdType), ProviderName: required(ProviderNameType) }),
  async (ctx, { UserPoolId, ProviderName }) => ({
    IdentityProvider: identityProviderType(await getIdentityProvider(ctx, UserPoolId, ProviderName)),
  }),
);
