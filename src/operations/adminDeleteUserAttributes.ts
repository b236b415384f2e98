import { deleteUserAttributes } from "../domain/flows/updateUserAttributes.js";
import { getPool } from "../domain/pools/pools.js";
import { AttributeNameListType, UsernameType, UserPoolIdType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const AdminDeleteUserAttributes = defineOperation(
  "AdminDeleteUserAttributes",
  struct({
    UserPoolId: required(UserPoolIdType),
    Username: required(UsernameType),
    UserAttributeNames: required(AttributeNameListType),
  }),
  async (ctx, { UserPoolId, Username, UserAttributeNames }) => {
    await deleteUserAttributes(ctx, await getPool(ctx, UserPoolId), Username, UserAttributeNames);
    return {};
  },
);
