import { listResourceServers } from "../domain/hostedUi/resourceServers.js";
import { compact } from "../domain/kernel/compact.js";
import { PaginationKeyType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { ListResourceServersLimitType } from "./poolResourceTypes.js";
import { resourceServerType } from "./resourceServerOutput.js";
import { required, struct } from "./shape.js";

export const ListResourceServers = defineOperation(
  "ListResourceServers",
  struct({ UserPoolId: required(UserPoolIdType), MaxResults: ListResourceServersLimitType, NextToken: PaginationKeyType }),
  async (ctx, { UserPoolId, MaxResults, NextToken }) => {
    const page = await listResourceServers(ctx, UserPoolId, MaxResults, NextToken);
    return compact({ ResourceServers: page.servers.map(resourceServerType), NextToken: page.nextToken });
  },
);
