import { listPools } from "../domain/pools/pools.js";
import { PaginationKeyType, PoolQueryLimitType } from "./modelTypes.js";
import { defineOperation, epochSeconds } from "./operation.js";
import { required, struct } from "./shape.js";

export const ListUserPools = defineOperation(
  "ListUserPools",
  struct({
    NextToken: PaginationKeyType,
    MaxResults: required(PoolQueryLimitType),
  }),
  async (ctx, { NextToken, MaxResults }) => {
    const page = await listPools(ctx, MaxResults, NextToken);
    return {
      UserPools: page.pools.map((pool) => ({
        Id: pool.id,
        Name: pool.name,
        LambdaConfig: pool.settings.LambdaConfig,
        LastModifiedDate: epochSeconds(pool.modifiedAt),
        CreationDate: epochSeconds(pool.createdAt),
      })),
      ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }),
    };
  },
);
