import { getGroup } from "../domain/groups/groups.js";
import { groupType } from "./groupOutput.js";
import { GroupNameType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

/** GetGroup (reference §3.3): GetGroupRequest of the model. */
export const GetGroup = defineOperation(
  "GetGroup",
  struct({ GroupName: required(GroupNameType), UserPoolId: required(UserPoolIdType) }),
  async (ctx, { GroupName, UserPoolId }) => ({ Group: groupType(await getGroup(ctx, UserPoolId, GroupName)) }),
);
