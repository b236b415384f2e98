import { listUsersInGroup } from "../domain/groups/groupMembers.js";
import { GroupNameType, PaginationKey, QueryLimitType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";
import { userType } from "./userOutput.js";

/** ListUsersInGroup (reference §3.2): ListUsersInGroupRequest of the model; UserType items with every attribute. */
export const ListUsersInGroup = defineOperation(
  "ListUsersInGroup",
  struct({
    UserPoolId: required(UserPoolIdType),
    GroupName: required(GroupNameType),
    Limit: QueryLimitType,
    NextToken: PaginationKey,
  }),
  async (ctx, { UserPoolId, GroupName, Limit, NextToken }) => {
    const page = await listUsersInGroup(ctx, UserPoolId, GroupName, Limit, NextToken);
    return {
      Users: page.users.map((user) => userType(user)),
      ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }),
    };
  },
);
