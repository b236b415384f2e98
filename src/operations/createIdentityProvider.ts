import { createIdentityProvider } from "../domain/federation/identityProviders.js";
import { compact } from "../domain/kernel/compact.js";
import { identityProviderType } from "./identityProviderOutput.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import {
  AttributeMappingType,
  IdentityProviderTypeType,
  IdpIdentifiersListType,
  ProviderDetailsType,
  ProviderNameTypeV2,
} from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

export const CreateIdentityProvider = defineOperation(
  "CreateIdentityProvider",
  struct({
    UserPoolId: required(UserPoolIdType),
    ProviderName: required(ProviderNameTypeV2),
    ProviderType: required(IdentityProviderTypeType),
    ProviderDetails: required(ProviderDetailsType),
    AttributeMapping: AttributeMappingType,
    IdpIdentifiers: IdpIdentifiersListType,
  }),
  async (ctx, { UserPoolId, ProviderName, ProviderType, ProviderDetails, AttributeMapping, IdpIdentifiers }) => {
    const provider = await createIdentityProvider(
      ctx,
      UserPoolId,
      ProviderName,
      ProviderType,
      compact({ details: ProviderDetails, attributeMapping: AttributeMapping, idpIdentifiers: IdpIdentifiers }),
    );
    return { IdentityProvider: identityProviderType(provider) };
  },
);
