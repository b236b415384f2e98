import { listGroupsForUser } from "../domain/groups/groupMembers.js";
import { groupType } from "./groupOutput.js";
import { PaginationKey, QueryLimitType, UsernameType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

/** AdminListGroupsForUser (reference §3.1): AdminListGroupsForUserRequest of the model; the paginator's result key is Groups. */
export const AdminListGroupsForUser = defineOperation(
  "AdminListGroupsForUser",
  struct({
    Username: required(UsernameType),
    UserPoolId: required(UserPoolIdType),
    Limit: QueryLimitType,
    NextToken: PaginationKey,
  }),
  async (ctx, { Username, UserPoolId, Limit, NextToken }) => {
    const page = await listGroupsForUser(ctx, UserPoolId, Username, Limit, NextToken);
    return {
      Groups: page.groups.map(groupType),
      ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }),
    };
  },
);
