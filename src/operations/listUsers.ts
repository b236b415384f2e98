import { compact } from "../domain/kernel/compact.js";
import { listUsers } from "../domain/users/listUsers.js";
import { AttributeNameListType, PaginationKeyType, QueryLimitType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, string, struct } from "./shape.js";
import { userType } from "./userOutput.js";

/** ListUsers (reference §3.2, §6): request members and constraints as in ListUsersRequest of the model. */
export const ListUsers = defineOperation(
  "ListUsers",
  struct({
    UserPoolId: required(UserPoolIdType),
    AttributesToGet: AttributeNameListType,
    Limit: QueryLimitType,
    PaginationToken: PaginationKeyType,
    // UserFilterType: at most 256 characters, no pattern (research notes user-lifecycle §8 shows the message).
    Filter: string({ max: 256 }),
  }),
  async (ctx, { UserPoolId, AttributesToGet, Limit, PaginationToken, Filter }) => {
    const page = await listUsers(
      ctx,
      UserPoolId,
      compact({ attributesToGet: AttributesToGet, limit: Limit, paginationToken: PaginationToken, filter: Filter }),
    );
    return compact({
      Users: page.users.map((user) => userType(user, page.attributes)),
      PaginationToken: page.nextToken,
    });
  },
);
