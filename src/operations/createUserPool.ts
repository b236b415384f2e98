import { createPool } from "../domain/pools/pools.js";
import {
  AliasAttributeType,
  poolSettingsMembers,
  SchemaAttributeType,
  UserPoolNameType,
  VerifiedAttributeType,
} from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { userPoolType } from "./poolOutput.js";
import { boolean, list, required, struct } from "./shape.js";

export const CreateUserPool = defineOperation(
  "CreateUserPool",
  struct({
    PoolName: required(UserPoolNameType),
    ...poolSettingsMembers,
    AliasAttributes: list(AliasAttributeType),
    UsernameAttributes: list(VerifiedAttributeType),
    Schema: list(SchemaAttributeType, { min: 1, max: 50 }),
    UsernameConfiguration: struct({ CaseSensitive: required(boolean()) }),
  }),
  async (ctx, { PoolName, ...settings }) => {
    const pool = await createPool(ctx, PoolName, settings);
    return { UserPool: userPoolType(ctx, pool, 0) };
  },
);
