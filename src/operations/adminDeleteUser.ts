import { deleteUser } from "../domain/flows/userState.js";
import { getPool } from "../domain/pools/pools.js";
import { UsernameType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const AdminDeleteUser = defineOperation(
  "AdminDeleteUser",
  struct({ UserPoolId: required(UserPoolIdType), Username: required(UsernameType) }),
  async (ctx, { UserPoolId, Username }) => {
    await deleteUser(ctx, await getPool(ctx, UserPoolId), Username);
    return {};
  },
);
