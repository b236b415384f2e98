import { NotAuthorizedException } from "../../errors.js";
import { checkSecretHash } from "../pools/secretHash.js";
import { refreshSession, refreshTokens } from "../tokens/tokens.js";
import { userFromRecord } from "../users/user.js";
import { userDisabled } from "../users/userLookup.js";
import type { SignInFlow } from "./authFlows.js";
import { requiredParameter } from "./authParameters.js";

/** REFRESH_TOKEN_AUTH / REFRESH_TOKEN (reference §4.7): new tokens from a sign-in session, no challenges. */
export const refreshFlow: SignInFlow = async (ctx, { pool, client, parameters }) => {
  const { userSub, session } = await refreshSession(ctx, client, requiredParameter(parameters, "REFRESH_TOKEN"));
  const record = await ctx.store.users.find(pool.id, { by: "sub", value: userSub });
  if (record === undefined) throw new NotAuthorizedException("Invalid Refresh Token");
  const user = userFromRecord(record);
  // Which name the hash is over is a known pain point; the username and the sub are both accepted (reference §4.7).
  checkSecretHash(client, [user.username, user.sub], parameters.SECRET_HASH);
  if (!user.enabled) throw userDisabled();
  return { result: await refreshTokens(ctx, pool, client, user, session) };
};
