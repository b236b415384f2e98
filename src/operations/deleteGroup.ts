import { deleteGroup } from "../domain/groups/groups.js";
import { GroupNameType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

/** DeleteGroup (reference §3.3): DeleteGroupRequest of the model; no output shape, so `{}` (reference §1.2). */
export const DeleteGroup = defineOperation(
  "DeleteGroup",
  struct({ GroupName: required(GroupNameType), UserPoolId: required(UserPoolIdType) }),
  async (ctx, { GroupName, UserPoolId }) => {
    await deleteGroup(ctx, UserPoolId, GroupName);
    return {};
  },
);
