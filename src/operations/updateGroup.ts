import { updateGroup } from "../domain/groups.js";
import { groupType } from "./groupOutput.js";
import { ArnType, DescriptionType, GroupNameType, PrecedenceType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

/** UpdateGroup (reference §3.3): UpdateGroupRequest of the model; omitted members keep their values (domain/groups.ts). */
export const UpdateGroup = defineOperation(
  "UpdateGroup",
  struct({
    GroupName: required(GroupNameType),
    UserPoolId: required(UserPoolIdType),
    Description: DescriptionType,
    RoleArn: ArnType,
    Precedence: PrecedenceType,
  }),
  async (ctx, { GroupName, UserPoolId, Description, RoleArn, Precedence }) => {
    const group = await updateGroup(ctx, UserPoolId, GroupName, {
      ...(Description === undefined ? {} : { description: Description }),
      ...(RoleArn === undefined ? {} : { roleArn: RoleArn }),
      ...(Precedence === undefined ? {} : { precedence: Precedence }),
    });
    return { Group: groupType(group) };
  },
);
