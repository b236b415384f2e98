import { updatePool } from "../domain/pools/pools.js";
import { poolSettingsMembers, UserPoolIdType, UserPoolNameType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const UpdateUserPool = defineOperation(
  "UpdateUserPool",
  struct({
    UserPoolId: required(UserPoolIdType),
    PoolName: UserPoolNameType,
    ...poolSettingsMembers,
  }),
  async (ctx, { UserPoolId, PoolName, ...settings }) => {
    await updatePool(ctx, UserPoolId, PoolName, settings);
    return {};
  },
);
