import { getIdentityProviderByIdentifier } from "../domain/federation/identityProviders.js";
import { identityProviderType } from "./identityProviderOutput.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { IdpIdentifierType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

export const GetIdentityProviderByIdentifier = defineOperation(
  "GetIdentityProviderByIdentifier",
  struct({ UserPoolId: required(UserPoolIdType), IdpIdentifier: required(IdpIdentifierType) }),
  async (ctx, { UserPoolId, IdpIdentifier }) => ({
    IdentityProvider: identityProviderType(await getIdentityProviderByIdentifier(ctx, UserPoolId, IdpIdentifier)),
  }),
);
