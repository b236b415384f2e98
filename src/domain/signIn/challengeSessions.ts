import { NotAuthorizedException } from "../../errors.js";
import type { AuthSessionRecord, JsonObject } from "../../store/records.js";
import type { DomainContext } from "../kernel/context.js";
import type { AppClient } from "../pools/clients.js";
import type { SignInAttempt } from "./factor.js";

const expired = () => new NotAuthorizedException("Invalid session for the user, session is expired.");

/**
 * The Session handed out with a challenge (reference §4.6): an unguessable
 * id (256 random bits) for a row holding the user, client, pending
 * challenge, the steps passed so far and the pending factor's state, so it
 * is opaque and cannot be forged; it expires after the client's
 * AuthSessionValidity (default 3 minutes) and answers once: every step
 * hands out a new one.
 */
export async function openChallengeSession(
  ctx: DomainContext,
  attempt: SignInAttempt,
  challenge: string,
  state: JsonObject,
): Promise<string> {
  const now = ctx.clock.now();
  const id = ctx.random.bytes(32).toString("base64url");
  await ctx.store.sessions.insert({
    id,
    poolId: attempt.client.poolId,
    clientId: attempt.client.id,
    userId: attempt.user.id,
    challenge,
    passed: [...attempt.passed],
    state,
    failedAttempts: 0,
    createdAt: now,
    expiresAt: now + attempt.client.settings.AuthSessionValidity * 60_000,
  });
  return id;
}

/**
 * The live session an id names, whichever client it belongs to (the
 * MFA_SETUP steps, AssociateSoftwareToken and VerifySoftwareToken, name no
 * client). Wording as reference §4.5 suggests (UNVERIFIED).
 */
export async function readLiveSession(ctx: DomainContext, session: string | undefined): Promise<AuthSessionRecord> {
  if (session === undefined) throw new NotAuthorizedException("Invalid session for the user.");
  const record = await ctx.store.sessions.get(session);
  if (record === undefined) throw expired();
  if (record.expiresAt <= ctx.clock.now()) {
    await ctx.store.sessions.delete(record.id);
    throw expired();
  }
  return record;
}

/** The live session a respond call names, checked against the client. */
export async function readChallengeSession(
  ctx: DomainContext,
  client: AppClient,
  session: string | undefined,
): Promise<AuthSessionRecord> {
  const record = await readLiveSession(ctx, session);
  if (record.clientId !== client.id) throw expired();
  return record;
}

/** Uses a session up; a second answer with it is refused like an expired one. */
export async function closeChallengeSession(ctx: DomainContext, session: AuthSessionRecord): Promise<void> {
  if (!(await ctx.store.sessions.delete(session.id))) throw expired();
}

/**
 * Counts a wrong answer against the session in one conditional statement;
 * the answer that uses up the last try ends the session (reference §4.5).
 */
export async function countWrongAnswer(ctx: DomainContext, session: AuthSessionRecord, maxWrongAnswers: number): Promise<void> {
  const failed = await ctx.store.sessions.recordFailedAttempt(session.id, maxWrongAnswers);
  if (failed === undefined || failed >= maxWrongAnswers) await ctx.store.sessions.delete(session.id);
}
