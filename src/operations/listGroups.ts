import { listGroups } from "../domain/groups/groups.js";
import { groupType } from "./groupOutput.js";
import { PaginationKey, QueryLimitType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

/** ListGroups (reference §3.3): ListGroupsRequest of the model; the paginator's result key is Groups. */
export const ListGroups = defineOperation(
  "ListGroups",
  struct({ UserPoolId: required(UserPoolIdType), Limit: QueryLimitType, NextToken: PaginationKey }),
  async (ctx, { UserPoolId, Limit, NextToken }) => {
    const page = await listGroups(ctx, UserPoolId, Limit, NextToken);
    return {
      Groups: page.groups.map(groupType),
      ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }),
    };
  },
);
