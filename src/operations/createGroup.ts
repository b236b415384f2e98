import { createGroup } from "../domain/groups/groups.js";
import { compact } from "../domain/kernel/compact.js";
import { groupType } from "./groupOutput.js";
import { groupRequestMembers } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { struct } from "./shape.js";

/** CreateGroup (reference §3.3): CreateGroupRequest of the model. */
export const CreateGroup = defineOperation(
  "CreateGroup",
  struct(groupRequestMembers),
  async (ctx, { GroupName, UserPoolId, Description, RoleArn, Precedence }) => {
    const group = await createGroup(
      ctx,
      UserPoolId,
      GroupName,
      compact({ description: Description, roleArn: RoleArn, precedence: Precedence }),
    );
    return { Group: groupType(group) };
  },
);
