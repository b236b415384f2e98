import { NotAuthorizedException } from "../../errors.js";
import type { DomainContext } from "../kernel/context.js";
import { equalSecrets } from "../kernel/equalSecrets.js";
import { rotatesRefreshTokens } from "../pools/clientSettings.js";
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
  const grant = await refreshSession(ctx, client, token);
  const record = await ctx.store.users.find(pool.id, { by: "sub", value: grant.record.userSub });
  if (record === undefined) throw new NotAuthorizedException("Invalid Refresh Token");
  const user = userFromRecord(record);
  proveClient(user);
  // A disabled user's refresh tokens, every one of a rotated family, stop working (reference §3.1).
  if (!user.enabled) throw userDisabled();
  return refreshTokens(ctx, pool, client, user, grant);
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
 * refreshes with: a client with a secret sends the secret itself. With
 * rotation off it is REFRESH_TOKEN_AUTH by another name (allowed by the same
 * client setting) and issues no new refresh token; with rotation on it is the
 * only way to refresh, needs no ALLOW_REFRESH_TOKEN_AUTH (Cognito tells you
 * to turn that off), and returns a successor refresh token. The refusals'
 * wording is UNVERIFIED.
 */
export async function getTokensFromRefreshToken(
  ctx: DomainContext,
  client: AppClient,
  token: string,
  clientSecret: string | undefined,
): Promise<AuthenticationResult> {
  const pool = await getPool(ctx, client.poolId);
  if (!rotatesRefreshTokens(client.settings)) {
    checkFlowAllowed({ pool, client, flow: "REFRESH_TOKEN_AUTH", parameters: {}, admin: false }, true);
  }
  return refreshed(ctx, pool, client, token, () => {
    if (client.secret === null) return;
    if (clientSecret === undefined) {
      throw new NotAuthorizedException(`Client ${client.id} is configured with secret but ClientSecret was not received`);
    }
    if (!equalSecrets(clientSecret, client.secret))
      throw new NotAuthorizedException(`Unable to verify secret for client ${client.id}`);
  });
}
