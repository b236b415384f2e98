import { updateIdentityProvider } from "../domain/federation/identityProviders.js";
import { compact } from "../domain/kernel/compact.js";
import { identityProviderType } from "./identityProviderOutput.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { AttributeMappingType, IdpIdentifiersListType, ProviderDetailsType, ProviderNameType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

export const UpdateIdentityProvider = defineOperation(
  "UpdateIdentityProvider",
  struct({
    UserPoolId: required(UserPoolIdType),
    ProviderName: required(ProviderNameType),
    ProviderDetails: ProviderDetailsType,
    AttributeMapping: AttributeMappingType,
    IdpIdentifiers: IdpIdentifiersListType,
  }),
  async (ctx, { UserPoolId, ProviderName, ProviderDetails, AttributeMapping, IdpIdentifiers }) => {
    const provider = await updateIdentityProvider(
      ctx,
      UserPoolId,
      ProviderName,
      compact({ details: ProviderDetails, attributeMapping: AttributeMapping, idpIdentifiers: IdpIdentifiers }),
    );
    return { IdentityProvider: identityProviderType(provider) };
  },
);
