import { deleteOwnAttributes } from "../domain/flows/ownUser.js";
import { AttributeNameListType, TokenModelType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const DeleteUserAttributes = defineOperation(
  "DeleteUserAttributes",
  struct({ UserAttributeNames: required(AttributeNameListType), AccessToken: required(TokenModelType) }),
  async (ctx, { UserAttributeNames, AccessToken }) => {
    await deleteOwnAttributes(ctx, AccessToken, UserAttributeNames);
    return {};
  },
);
