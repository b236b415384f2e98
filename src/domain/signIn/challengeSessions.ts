import { NotAuthorizedException } from "../../errors.js";
import type { AuthSessionRecord } from "../../store/records.js";
import type { DomainContext } from "../kernel/context.js";
import type { AppClient } from "../pools/clients.js";
import type { User } from "../users/user.js";

/** Challenges a Session can stand for. */
export type ChallengeName = "NEW_PASSWORD_REQUIRED";

/**
 * The Session handed out with a challenge (reference §4.6): an unguessable
 * id (256 random bits) for a row holding the user, client and pending
 * challenge, so it is opaque and cannot be forged; it expires after the
 * client's AuthSessionValidity (default 3 minutes) and answers once.
 */
export async function openChallengeSession(
  ctx: DomainContext,
  client: AppClient,
  user: User,
  challenge: ChallengeName,
): Promise<string> {
  const now = ctx.clock.now();
  const id = ctx.random.bytes(32).toString("base64url");
  await ctx.store.sessions.insert({
    id,
    poolId: client.poolId,
    clientId: client.id,
    userId: user.id,
    challenge,
    createdAt: now,
    expiresAt: now + client.settings.AuthSessionValidity * 60_000,
  });
  return id;
}

/**
 * The live session a respond call names, checked against the client and
 * the challenge it answers. Wording as reference §4.5 suggests (UNVERIFIED).
 */
export async function readChallengeSession(
  ctx: DomainContext,
  client: AppClient,
  session: string | undefined,
  challenge: string,
): Promise<AuthSessionRecord> {
  const invalid = () => new NotAuthorizedException("Invalid session for the user, session is expired.");
  if (session === undefined) throw new NotAuthorizedException("Invalid session for the user.");
  const record = await ctx.store.sessions.get(session);
  if (record === undefined || record.clientId !== client.id) throw invalid();
  if (record.expiresAt <= ctx.clock.now()) {
    await ctx.store.sessions.delete(record.id);
    throw invalid();
  }
  if (record.challenge !== challenge)
    throw new NotAuthorizedException("Invalid session for the user, the challenge does not match.");
  return record;
}

/** Uses a session up; a second answer with it is refused like an expired one. */
export async function closeChallengeSession(ctx: DomainContext, session: AuthSessionRecord): Promise<void> {
  if (!(await ctx.store.sessions.delete(session.id))) {
    throw new NotAuthorizedException("Invalid session for the user, session is expired.");
  }
}
