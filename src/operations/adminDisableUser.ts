import { setUserEnabled } from "../domain/flows/userState.js";
import { getPool } from "../domain/pools/pools.js";
import { UsernameType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const AdminDisableUser = defineOperation(
  "AdminDisableUser",
  struct({ UserPoolId: required(UserPoolIdType), Username: required(UsernameType) }),
  async (ctx, { UserPoolId, Username }) => {
    await setUserEnabled(ctx, await getPool(ctx, UserPoolId), Username, false);
    return {};
  },
);
