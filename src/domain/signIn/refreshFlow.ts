import { NotAuthorizedException } from "../../errors.js";
import type { DomainContext } from "../kernel/context.js";
import { equalSecrets } from "../kernel/equalSecrets.js";
import type { AppClient } from "../pools/clients.js";
import { getPool, type Pool } from "../pools/pools.js";
import { checkSecretHash } from "../pools/secretHash.js";
import { type AuthenticationResult, refreshSession, refreshTokens } from "../tokens/tokens.js";
import { type User, userFromRecord } from "../users/user.js";
import { userDisabled } from "../users/userLookup.js";
import { checkFlowAllowed, type SignInFlow } from "./authFlows.js";
import { requiredParameter } from "./authParameters.js";

/** New tokens from a refresh token once the caller has shown the client's secret (`proveClient`). */
async function refreshed(
  ctx: DomainContext,
  pool: Pool,
  client: AppClient,
  token: string,
  proveClient: (user: User) => void,
): Promise<AuthenticationResult> {
  const { userSub, session } = await refreshSession(ctx, client, token);
  const record = await ctx.store.users.find(pool.id, { by: "sub", value: userSub });
  if (record === undefined) throw new NotAuthorizedException("Invalid Refresh Token");
  const user = userFromRecord(record);
  proveClient(user);
  if (!user.enabled) throw userDisabled();
  return refreshTokens(ctx, pool, client, user, session);
}

/** REFRESH_TOKEN_AUTH / REFRESH_TOKEN (reference §4.7): new tokens from a sign-in session, no challenges. */
export const refreshFlow: SignInFlow = async (ctx, { pool, client, parameters }) => ({
  result: await refreshed(ctx, pool, client, requiredParameter(parameters, "REFRESH_TOKEN"), (user) =>
    // Which name the hash is over is a known pain point; the username and the sub are both accepted (reference §4.7).
    checkSecretHash(client, [user.username, user.sub], parameters.SECRET_HASH),
  ),
});

/**
 * GetTokensFromRefreshToken (reference 2024–2026 §7), the call Amplify v6
 * refreshes with: as REFRESH_TOKEN_AUTH (and allowed by the same client
 * setting), but a client with a secret sends the secret itself. Refresh-token rotation is not built, so no new refresh
 * token is issued, as Cognito does with rotation off. The refusals' wording
 * is UNVERIFIED.
 */
export async function getTokensFromRefreshToken(
  ctx: DomainContext,
  client: AppClient,
  token: string,
  clientSecret: string | undefined,
): Promise<AuthenticationResult> {
  const pool = await getPool(ctx, client.poolId);
  checkFlowAllowed({ pool, client, flow: "REFRESH_TOKEN_AUTH", parameters: {}, admin: false }, true);
  return refreshed(ctx, pool, client, token, () => {
    if (client.secret === null) return;
    if (clientSecret === undefined) {
      throw new NotAuthorizedException(`Client ${client.id} is configured with secret but ClientSecret was not received`);
    }
    if (!equalSecrets(clientSecret, client.secret))
      throw new NotAuthorizedException(`Unable to verify secret for client ${client.id}`);
  });
}
