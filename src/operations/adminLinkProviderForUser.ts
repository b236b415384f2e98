import { linkProviderForUser } from "../domain/federation/providerLinks.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { ProviderUserIdentifierType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

export const AdminLinkProviderForUser = defineOperation(
  "AdminLinkProviderForUser",
  struct({
    UserPoolId: required(UserPoolIdType),
    DestinationUser: required(ProviderUserIdentifierType),
    SourceUser: required(ProviderUserIdentifierType),
  }),
  async (ctx, { UserPoolId, DestinationUser, SourceUser }) => {
    await linkProviderForUser(ctx, UserPoolId, DestinationUser, SourceUser);
    return {};
  },
);
