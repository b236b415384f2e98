import { updateGroup } from "../domain/groups/groups.js";
import { compact } from "../domain/kernel/compact.js";
import { groupType } from "./groupOutput.js";
import { groupRequestMembers } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { struct } from "./shape.js";

/** UpdateGroup (reference §3.3): UpdateGroupRequest of the model; omitted members go back to their defaults (domain/groups.ts). */
export const UpdateGroup = defineOperation(
  "UpdateGroup",
  struct(groupRequestMembers),
  async (ctx, { GroupName, UserPoolId, Description, RoleArn, Precedence }) => {
    const group = await updateGroup(
      ctx,
      UserPoolId,
      GroupName,
      compact({ description: Description, roleArn: RoleArn, precedence: Precedence }),
    );
    return { Group: groupType(group) };
  },
);
