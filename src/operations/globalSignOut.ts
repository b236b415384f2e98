import { authenticateAccessToken } from "../domain/tokens/accessTokens.js";
import { signOutEverywhere } from "../domain/tokens/signOut.js";
import { TokenModelType } from "./modelTypes.js";
import { defineOperation } from "./operation.js";
import { required, struct } from "./shape.js";

export const GlobalSignOut = defineOperation(
  "GlobalSignOut",
  struct({ AccessToken: required(TokenModelType) }),
  async (ctx, { AccessToken }) => {
    const { user } = await authenticateAccessToken(ctx, AccessToken);
    await signOutEverywhere(ctx, user);
    return {};
  },
);
