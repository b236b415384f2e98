import { mfaConfigOf } from "../domain/pools/poolMfa.js";
import { getPool } from "../domain/pools/pools.js";
import { UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const GetUserPoolMfaConfig = defineOperation(
  "GetUserPoolMfaConfig",
  struct({ UserPoolId: required(UserPoolIdType) }),
  async (ctx, { UserPoolId }) => mfaConfigOf((await getPool(ctx, UserPoolId)).settings),
);
