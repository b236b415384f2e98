import { deleteClientSecret } from "../domain/pools/clientSecrets.js";
import { ClientIdType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { ClientSecretIdType } from "./poolResourceTypes.js";
import { required, struct } from "./shape.js";

export const DeleteUserPoolClientSecret = defineOperation(
  "DeleteUserPoolClientSecret",
  struct({
    UserPoolId: required(UserPoolIdType),
    ClientId: required(ClientIdType),
    ClientSecretId: required(ClientSecretIdType),
  }),
  async (ctx, { UserPoolId, ClientId, ClientSecretId }) => {
    await deleteClientSecret(ctx, UserPoolId, ClientId, ClientSecretId);
    return {};
  },
);
