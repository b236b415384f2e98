import { authenticateAccessToken } from "../domain/accessTokens.js";
import { attributeList } from "../domain/user.js";
import { TokenModelType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const GetUser = defineOperation(
  "GetUser",
  struct({ AccessToken: required(TokenModelType) }),
  async (ctx, { AccessToken }) => {
    const { user } = await authenticateAccessToken(ctx, AccessToken);
    return { Username: user.username, UserAttributes: attributeList(user) };
  },
);
