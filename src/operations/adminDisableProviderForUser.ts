import { disableProviderForUser } from "../domain/federation/providerLinks.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { ProviderUserIdentifierType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

export const AdminDisableProviderForUser = defineOperation(
  "AdminDisableProviderForUser",
  struct({ UserPoolId: required(UserPoolIdType), User: required(ProviderUserIdentifierType) }),
  async (ctx, { UserPoolId, User }) => {
    await disableProviderForUser(ctx, UserPoolId, User);
    return {};
  },
);
