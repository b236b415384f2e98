import { createHash } from "node:crypto";
import { NotAuthorizedException, RefreshTokenReuseException } from "../../errors.js";
import type { RefreshTokenRecord } from "../../store/records.js";
import { groupClaims } from "../groups/groupClaims.js";
import type { DomainContext } from "../kernel/context.js";
import { equalSecrets } from "../kernel/equalSecrets.js";
import { signJwt } from "../kernel/jwt.js";
import { refreshTokenRotation, rotatesRefreshTokens, tokenLifetimes } from "../pools/clientSettings.js";
import type { AppClient } from "../pools/clients.js";
import type { Pool } from "../pools/pools.js";
import type { SchemaAttribute } from "../pools/schemaAttributes.js";
import type { User } from "../users/user.js";
import { clientMayRead } from "../users/userAttributes.js";
import { activeSigningKeys } from "./signingKeys.js";

/** AuthenticationResultType (reference §5.1). */
export interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: "Bearer";
}

/** One sign-in: what every token issued from it shares (reference §5.3). */
export interface SignInSession {
  /** The sign-in's first refresh token's id; every token from this sign-in carries it as origin_jti. */
  originJti: string;
  /** When the user authenticated, epoch ms; refreshes keep it. */
  authTime: number;
  /** The sign-in event; tokens carry it as event_id (reference §7). */
  eventId: string;
}

/** The issuer of a pool's tokens: the server's public URL and the pool id (reference §5.2). */
export function issuer(ctx: DomainContext, poolId: string): string {
  return `${ctx.publicUrl}/${poolId}`;
}

/**
 * The user's attributes as ID token claims: what the client may read
 * (ReadAttributes; all but developer-only ones by default), the *_verified
 * flags as JSON booleans, everything else as strings (reference §5.3).
 */
function attributeClaims(schema: readonly SchemaAttribute[], client: AppClient, user: User): Record<string, unknown> {
  const types = new Map(schema.map((a) => [a.Name, a.AttributeDataType]));
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(user.attributes)) {
    if (!clientMayRead(name, client.settings.ReadAttributes)) continue;
    claims[name] = types.get(name) === "Boolean" && !name.startsWith("custom:") ? value === "true" : value;
  }
  return claims;
}

/** Signs the ID and access tokens of a sign-in session. */
async function signTokens(
  ctx: DomainContext,
  pool: Pool,
  client: AppClient,
  user: User,
  session: SignInSession,
): Promise<{ idToken: string; accessToken: string; expiresIn: number }> {
  const [keys, groups] = await Promise.all([activeSigningKeys(ctx, pool.id), groupClaims(ctx, pool, user)]);
  // Group claims are left out when the user is in no group (reference §5.3).
  const inGroups = groups.groups.length > 0 ? { "cognito:groups": groups.groups } : {};
  const lifetimes = tokenLifetimes(client.settings);
  const iat = Math.floor(ctx.clock.now() / 1000);
  const authTime = Math.floor(session.authTime / 1000);
  const iss = issuer(ctx, pool.id);
  const idClaims = {
    sub: user.sub,
    ...inGroups,
    ...(groups.roles.length > 0 ? { "cognito:roles": groups.roles } : {}),
    ...(groups.preferredRole === undefined ? {} : { "cognito:preferred_role": groups.preferredRole }),
    ...attributeClaims(pool.settings.SchemaAttributes, client, user),
    iss,
    "cognito:username": user.username,
    origin_jti: session.originJti,
    aud: client.id,
    event_id: session.eventId,
    token_use: "id",
    auth_time: authTime,
    exp: iat + lifetimes.id,
    iat,
    jti: ctx.random.uuid(),
  };
  const accessClaims = {
    sub: user.sub,
    ...inGroups,
    iss,
    client_id: client.id,
    origin_jti: session.originJti,
    event_id: session.eventId,
    token_use: "access",
    scope: "aws.cognito.signin.user.admin",
    auth_time: authTime,
    exp: iat + lifetimes.access,
    iat,
    jti: ctx.random.uuid(),
    username: user.username,
  };
  const [idToken, accessToken] = await Promise.all([
    signJwt({ kid: keys.id.kid, alg: "RS256" }, idClaims, keys.id.privateKey),
    signJwt({ kid: keys.access.kid, alg: "RS256" }, accessClaims, keys.access.privateKey),
  ]);
  return { idToken, accessToken, expiresIn: lifetimes.access };
}

const secretDigest = (secret: string) => createHash("sha256").update(secret).digest("base64url");

/** A new refresh token's id and secret; the token is "<id>.<secret>" and only a hash of the secret is stored. */
function newRefreshToken(ctx: DomainContext): { id: string; secret: string; token: string } {
  const id = ctx.random.uuid();
  const secret = ctx.random.bytes(32).toString("base64url");
  return { id, secret, token: `${id}.${secret}` };
}

/**
 * Completes a sign-in: a new refresh token (the session every later token
 * comes from; the first of its family) and the first ID and access tokens.
 */
export async function issueTokens(ctx: DomainContext, pool: Pool, client: AppClient, user: User): Promise<AuthenticationResult> {
  const now = ctx.clock.now();
  const refresh = newRefreshToken(ctx);
  const session: SignInSession = { originJti: refresh.id, authTime: now, eventId: ctx.random.uuid() };
  await ctx.store.refreshTokens.insert({
    id: refresh.id,
    familyId: refresh.id,
    poolId: pool.id,
    clientId: client.id,
    userId: user.id,
    userSub: user.sub,
    secretHash: secretDigest(refresh.secret),
    authTime: now,
    createdAt: now,
    expiresAt: now + tokenLifetimes(client.settings).refresh * 1000,
    revokedAt: null,
    rotatedAt: null,
  });
  const { idToken, accessToken, expiresIn } = await signTokens(ctx, pool, client, user, session);
  return {
    AccessToken: accessToken,
    IdToken: idToken,
    RefreshToken: refresh.token,
    ExpiresIn: expiresIn,
    TokenType: "Bearer",
  };
}

/**
 * The stored record of a refresh token, if the whole token (id and secret)
 * is right; the id alone is not secret (a sign-in's first token's id is
 * every token's origin_jti).
 */
export async function findRefreshToken(ctx: DomainContext, refreshToken: string): Promise<RefreshTokenRecord | undefined> {
  const dot = refreshToken.indexOf(".");
  if (dot <= 0) return undefined;
  const record = await ctx.store.refreshTokens.get(refreshToken.slice(0, dot));
  if (record === undefined) return undefined;
  return equalSecrets(record.secretHash, secretDigest(refreshToken.slice(dot + 1))) ? record : undefined;
}

/** A refresh token presented for new tokens: its record, and the sign-in session it continues. */
export interface RefreshGrant {
  record: RefreshTokenRecord;
  session: SignInSession;
}

/** The grace period in ms during which a rotated-out token still works (reference 2024–2026 §7). */
const retryGraceMs = (client: AppClient) => refreshTokenRotation(client.settings).RetryGracePeriodSeconds * 1000;

/** UNVERIFIED wording; the type is the model's for a token "invalidated by refresh-token rotation". */
const rotatedOut = () => new RefreshTokenReuseException("Refresh Token has been rotated");

/**
 * The live session a refresh token stands for. Refusals as reference §4.7
 * words them (wording UNVERIFIED there): an unknown, altered or other
 * client's token is "Invalid Refresh Token". A token of a rotated family is
 * revoked when its family is (the first token's record says so: every
 * revocation marks it), and a rotated-out one works only for the client's
 * RetryGracePeriodSeconds after its first rotation.
 */
export async function refreshSession(ctx: DomainContext, client: AppClient, refreshToken: string): Promise<RefreshGrant> {
  const record = await findRefreshToken(ctx, refreshToken);
  if (record === undefined || record.clientId !== client.id) throw new NotAuthorizedException("Invalid Refresh Token");
  const head = record.familyId === record.id ? record : await ctx.store.refreshTokens.get(record.familyId);
  if (head === undefined) throw new NotAuthorizedException("Invalid Refresh Token");
  if (record.revokedAt !== null || head.revokedAt !== null) throw new NotAuthorizedException("Refresh Token has been revoked");
  const now = ctx.clock.now();
  if (record.expiresAt <= now) throw new NotAuthorizedException("Refresh Token has expired");
  if (record.rotatedAt !== null && record.rotatedAt <= now - retryGraceMs(client)) throw rotatedOut();
  return {
    record,
    session: { originJti: record.familyId, authTime: record.authTime, eventId: ctx.random.uuid() },
  };
}

/**
 * Rotates the presented token out for a successor of the same family, which
 * keeps the sign-in's auth_time and expires when the original would have
 * ("valid for the remaining time of the original", Cognito developer guide,
 * refresh tokens). One transaction in the store: of concurrent rotations of
 * one token only those inside the grace period succeed (see README).
 */
async function rotateRefreshToken(ctx: DomainContext, client: AppClient, old: RefreshTokenRecord): Promise<string> {
  const now = ctx.clock.now();
  const refresh = newRefreshToken(ctx);
  const successor: RefreshTokenRecord = {
    ...old,
    id: refresh.id,
    secretHash: secretDigest(refresh.secret),
    createdAt: now,
    revokedAt: null,
    rotatedAt: null,
  };
  if (await ctx.store.refreshTokens.rotate(old.id, successor, now, now - retryGraceMs(client))) return refresh.token;
  // Lost a race: to a revocation, or to a rotation longer ago than the grace period.
  const current = await ctx.store.refreshTokens.get(old.id);
  if (current?.revokedAt !== null) throw new NotAuthorizedException("Refresh Token has been revoked");
  throw rotatedOut();
}

/**
 * New ID and access tokens for a refreshed session. With rotation off, no
 * new refresh token (reference §4.7); with it on, a successor, and the
 * presented token is rotated out (reference 2024–2026 §7).
 */
export async function refreshTokens(
  ctx: DomainContext,
  pool: Pool,
  client: AppClient,
  user: User,
  grant: RefreshGrant,
): Promise<AuthenticationResult> {
  const successor = rotatesRefreshTokens(client.settings) ? await rotateRefreshToken(ctx, client, grant.record) : undefined;
  const { idToken, accessToken, expiresIn } = await signTokens(ctx, pool, client, user, grant.session);
  return {
    AccessToken: accessToken,
    IdToken: idToken,
    ...(successor === undefined ? {} : { RefreshToken: successor }),
    ExpiresIn: expiresIn,
    TokenType: "Bearer",
  };
}
