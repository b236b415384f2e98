import { countUsers, getPool } from "../domain/pools/pools.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { userPoolType } from "./poolOutput.js";
import { required, struct } from "./shape.js";

export const DescribeUserPool = defineOperation(
  "DescribeUserPool",
  struct({ UserPoolId: required(UserPoolIdType) }),
  async (ctx, { UserPoolId }) => {
    const pool = await getPool(ctx, UserPoolId);
    return {
      UserPool: userPoolType(ctx, pool, await countUsers(ctx, UserPoolId)),
    };
  },
);
