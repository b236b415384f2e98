import { deleteOwnUser } from "../domain/flows/ownUser.js";
import { TokenModelType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const DeleteUser = defineOperation(
  "DeleteUser",
  struct({ AccessToken: required(TokenModelType) }),
  async (ctx, { AccessToken }) => {
    await deleteOwnUser(ctx, AccessToken);
    return {};
  },
);
