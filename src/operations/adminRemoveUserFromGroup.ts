import { removeUserFromGroup } from "../domain/groups/groupMembers.js";
import { GroupNameType, UsernameType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

/** AdminRemoveUserFromGroup (reference §3.1): AdminRemoveUserFromGroupRequest of the model; no output shape, so `{}`. */
export const AdminRemoveUserFromGroup = defineOperation(
  "AdminRemoveUserFromGroup",
  struct({ UserPoolId: required(UserPoolIdType), Username: required(UsernameType), GroupName: required(GroupNameType) }),
  async (ctx, { UserPoolId, Username, GroupName }) => {
    await removeUserFromGroup(ctx, UserPoolId, Username, GroupName);
    return {};
  },
);
