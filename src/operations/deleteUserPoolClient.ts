import { deleteClient } from "../domain/pools/clients.js";
import { ClientIdType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const DeleteUserPoolClient = defineOperation(
  "DeleteUserPoolClient",
  struct({
    UserPoolId: required(UserPoolIdType),
    ClientId: required(ClientIdType),
  }),
  async (ctx, { UserPoolId, ClientId }) => {
    await deleteClient(ctx, UserPoolId, ClientId);
    return {};
  },
);
