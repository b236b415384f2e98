import { readOwnUser } from "../domain/flows/ownUser.js";
import { TokenModelType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const GetUser = defineOperation(
  "GetUser",
  struct({ AccessToken: required(TokenModelType) }),
  async (ctx, { AccessToken }) => {
    const { username, attributes, mfa } = await readOwnUser(ctx, AccessToken);
    return { Username: username, UserAttributes: attributes, ...mfa };
  },
);
