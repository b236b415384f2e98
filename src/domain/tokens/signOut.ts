import {
  NotAuthorizedException,
  UnauthorizedException,
  UnsupportedOperationException,
  UnsupportedTokenTypeException,
} from "../../errors.js";
import type { DomainContext } from "../kernel/context.js";
import { decodeJwt } from "../kernel/jwt.js";
import type { AppClient } from "../pools/clients.js";
import { isClientSecret } from "../pools/secretHash.js";
import type { User } from "../users/user.js";
import { findRefreshToken } from "./tokens.js";

/**
 * GlobalSignOut / AdminUserGlobalSignOut (reference §5.4): every refresh
 * token of the user (rotated families included) stops working, and with them every access token issued
 * from them stops working at this server's user APIs. Tokens still verify as
 * JWTs until they expire.
 */
export async function signOutEverywhere(ctx: DomainContext, user: User): Promise<void> {
  await ctx.store.refreshTokens.revokeAllOfUser(user.id, ctx.clock.now());
}

/**
 * RevokeToken (reference §3.4): one sign-in's refresh tokens (with rotation,
 * every token of its family, whichever of them is presented), and the access
 * tokens issued from them, stop working. An unknown or already revoked token is not
 * an error (OAuth revocation's convention; UNVERIFIED for Cognito).
 */
export async function revokeRefreshToken(
  ctx: DomainContext,
  client: AppClient,
  token: string,
  clientSecret: string | undefined,
): Promise<void> {
  if (!client.settings.EnableTokenRevocation) {
    throw new UnsupportedOperationException(`Token revocation is not enabled for client ${client.id}.`);
  }
  if (client.secret !== null && (clientSecret === undefined || !isClientSecret(client, clientSecret))) {
    throw new UnauthorizedException(`Client ${client.id} is configured with a secret; the right ClientSecret is required.`);
  }
  if (decodeJwt(token) !== undefined) throw new UnsupportedTokenTypeException("Only refresh tokens can be revoked.");
  const record = await findRefreshToken(ctx, token);
  if (record === undefined) return;
  if (record.clientId !== client.id) throw new NotAuthorizedException("The refresh token was not issued to this client.");
  await ctx.store.refreshTokens.revokeFamily(record.familyId, ctx.clock.now());
}
