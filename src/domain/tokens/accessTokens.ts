import { NotAuthorizedException } from "../../errors.js";
import type { DomainContext } from "../kernel/context.js";
import { decodeJwt, verifyJwtSignature } from "../kernel/jwt.js";
import { tokenLifetimes } from "../pools/clientSettings.js";
import { type AppClient, getClient } from "../pools/clients.js";
import { getPool, type Pool } from "../pools/pools.js";
import { type User, userFromRecord } from "../users/user.js";
import { userNotFound } from "../users/userLookup.js";
import { verificationKey } from "./signingKeys.js";

/**
 * The pool and user an access token speaks for, as the access-token based
 * operations (GetUser, ChangePassword, GlobalSignOut, …) need them
 * (reference §1.7): a token this server signed for one of its pools, an
 * access token, unexpired, from a sign-in not revoked by a global sign-out,
 * for a user who still exists and is enabled, through an app client that
 * still exists. Messages as Cognito's. Beyond the signature, a token must
 * agree with what the server recorded when it issued it, so a token forged
 * with a stolen signing key gets no further than its claims allow: it lives
 * no longer than its client's access-token validity, and its origin_jti
 * names a sign-in of that same user through that same client.
 */
export async function authenticateAccessToken(
  ctx: DomainContext,
  token: string,
): Promise<{ pool: Pool; client: AppClient; user: User }> {
  const invalid = () => new NotAuthorizedException("Invalid Access Token");
  const decoded = decodeJwt(token);
  if (decoded === undefined) throw invalid();
  const { iss, token_use: use, exp, iat, sub, client_id: clientId, origin_jti: originJti } = decoded.payload;
  const kid = decoded.header.kid;
  const prefix = `${ctx.publicUrl}/`;
  if (typeof iss !== "string" || !iss.startsWith(prefix) || typeof kid !== "string") throw invalid();
  // The pool before its keys: a forged token naming a made-up pool costs one read and leaves nothing behind.
  const pool = await getPool(ctx, iss.slice(prefix.length)).catch(() => {
    throw invalid();
  });
  const key = await verificationKey(ctx, pool.id, kid);
  if (key === undefined || !(await verifyJwtSignature(decoded, key)) || use !== "access") throw invalid();
  if (typeof exp !== "number" || exp * 1000 <= ctx.clock.now()) throw new NotAuthorizedException("Access Token has expired");
  if (typeof sub !== "string" || typeof clientId !== "string" || typeof originJti !== "string" || typeof iat !== "number")
    throw invalid();
  // A deleted client's tokens have no client to act through (reference §3.3).
  const client = await getClient(ctx, pool.id, clientId).catch(() => {
    throw invalid();
  });
  if (exp - iat > tokenLifetimes(client.settings).access) throw invalid();
  const session = await ctx.store.refreshTokens.get(originJti);
  if (session !== undefined && (session.userSub !== sub || session.clientId !== client.id)) throw invalid();
  if (session === undefined || session.revokedAt !== null) throw new NotAuthorizedException("Access Token has been revoked");
  const record = await ctx.store.users.find(pool.id, { by: "sub", value: sub });
  if (record === undefined) throw userNotFound();
  const user = userFromRecord(record);
  // Disabling a user revokes the user's access tokens (reference §3.1).
  if (!user.enabled) throw new NotAuthorizedException("Access Token has been revoked");
  return { pool, client, user };
}
