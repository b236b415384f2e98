import { updateGroup } from "../domain/groups.js";
import { groupType } from "./groupOutput.js";
import { groupRequestMembers } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { struct } from "./shape.js";

/** UpdateGroup (reference §3.3): UpdateGroupRequest of the model; omitted members keep their values (domain/groups.ts). */
export const UpdateGroup = defineOperation(
  "UpdateGroup",
  struct(groupRequestMembers),
  async (ctx, { GroupName, UserPoolId, Description, RoleArn, Precedence }) => {
    const group = await updateGroup(ctx, UserPoolId, GroupName, {
      ...(Description === undefined ? {} : { description: Description }),
      ...(RoleArn === undefined ? {} : { roleArn: RoleArn }),
      ...(Precedence === undefined ? {} : { precedence: Precedence }),
    });
    return { Group: groupType(group) };
  },
);
