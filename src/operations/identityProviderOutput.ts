import type { IdentityProvider } from "../domain/federation/identityProviders.js";
import { epochSeconds } from "./operation.js";

/** IdentityProviderType, as Create/Describe/Update/GetIdentityProviderByIdentifier return it. */
export function identityProviderType(provider: IdentityProvider) {
  return {
    UserPoolId: provider.poolId,
    ProviderName: provider.name,
    ProviderType: provider.type,
    ProviderDetails: provider.details,
    AttributeMapping: provider.attributeMapping,
    IdpIdentifiers: provider.idpIdentifiers,
    LastModifiedDate: epochSeconds(provider.modifiedAt),
    CreationDate: epochSeconds(provider.createdAt),
  };
}

/** ProviderDescription, as ListIdentityProviders returns it: no details. */
export function providerDescription(provider: IdentityProvider) {
  return {
    ProviderName: provider.name,
    ProviderType: provider.type,
    LastModifiedDate: epochSeconds(provider.modifiedAt),
    CreationDate: epochSeconds(provider.createdAt),
  };
}
