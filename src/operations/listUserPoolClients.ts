import { listClients } from "../domain/pools/clients.js";
import { PaginationKey, PoolQueryLimitType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const ListUserPoolClients = defineOperation(
  "ListUserPoolClients",
  struct({
    UserPoolId: required(UserPoolIdType),
    MaxResults: PoolQueryLimitType,
    NextToken: PaginationKey,
  }),
  async (ctx, { UserPoolId, MaxResults, NextToken }) => {
    const page = await listClients(ctx, UserPoolId, MaxResults ?? 60, NextToken);
    return {
      UserPoolClients: page.clients.map((c) => ({
        ClientId: c.id,
        UserPoolId: c.poolId,
        ClientName: c.name,
      })),
      ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }),
    };
  },
);
