import { addUserToGroup } from "../domain/groups/groupMembers.js";
import { GroupNameType, UsernameType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

/** AdminAddUserToGroup (reference §3.1): AdminAddUserToGroupRequest of the model; no output shape, so `{}`. */
export const AdminAddUserToGroup = defineOperation(
  "AdminAddUserToGroup",
  struct({ UserPoolId: required(UserPoolIdType), Username: required(UsernameType), GroupName: required(GroupNameType) }),
  async (ctx, { UserPoolId, Username, GroupName }) => {
    await addUserToGroup(ctx, UserPoolId, Username, GroupName);
    return {};
  },
);
