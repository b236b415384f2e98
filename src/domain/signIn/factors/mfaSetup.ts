import { EnableSoftwareTokenMFAException, NotAuthorizedException, UnsupportedOperationException } from "../../../errors.js";
import type { AuthSessionRecord } from "../../../store/records.js";
import { atomically } from "../../kernel/atomically.js";
import type { DomainContext } from "../../kernel/context.js";
import { associateSoftwareToken, requireSoftwareTokenPool, verifySoftwareToken } from "../../mfa/totp.js";
import { getClientById } from "../../pools/clients.js";
import { getPool } from "../../pools/pools.js";
import { userFromRecord } from "../../users/user.js";
import { userDisabled } from "../../users/userLookup.js";
import { closeChallengeSession, countWrongAnswer, openChallengeSession, readLiveSession } from "../challengeSessions.js";
import type { Factor, SignInAttempt } from "../factor.js";
import { mfaStepOf } from "./mfaStep.js";

const MFA_SETUP = "MFA_SETUP";
const MAX_WRONG_CODES = 5;
const invalidSession = () => new NotAuthorizedException("Invalid session for the user.");

/** How far the set-up has come, kept in the session's state. */
type SetupStep = "asked" | "associated" | "verified";

/**
 * MFA_SETUP (reference §4.5, §4.6): the pool requires MFA and the user has
 * no factor. MFAS_CAN_SETUP lists, as a JSON array, the factors the pool
 * offers. A software token is set up with the session itself:
 * AssociateSoftwareToken{Session} hands out the secret and a new session,
 * VerifySoftwareToken{Session, UserCode} another, and the MFA_SETUP answer
 * with that last one (ChallengeResponses {USERNAME}) ends the sign-in with
 * tokens: the verified token was this sign-in's second factor. Each step
 * uses its session up; a wrong code counts against it (five, then it is
 * dead) and the same session may try again (aws-amplify/amplify-flutter
 * #4490). A session from an earlier step is "Invalid session for the user."
 * (what Cognito answers a VerifySoftwareToken without the associating
 * session: aws-amplify/amplify-js #5271, #6461). SMS is set up by adding a
 * phone number and signing in again; the email set-up answer (EMAIL in
 * ChallengeResponses, as Amplify sends it) is not built.
 */
export const mfaSetup: Factor = {
  challenge: MFA_SETUP,
  maxWrongAnswers: MAX_WRONG_CODES,

  async isDue(_ctx, attempt) {
    return mfaStepOf(attempt).kind === "setup";
  },

  async ask(_ctx, attempt) {
    const step = mfaStepOf(attempt);
    const { user } = attempt;
    return {
      parameters: {
        MFAS_CAN_SETUP: JSON.stringify(step.kind === "setup" ? step.canSetUp : []),
        USER_ID_FOR_SRP: user.username,
      },
      state: { sub: user.sub, step: "asked" satisfies SetupStep },
    };
  },

  async verify(_ctx, _attempt, responses, state) {
    if (responses.EMAIL !== undefined) {
      throw new UnsupportedOperationException("userpool does not implement setting up email MFA in MFA_SETUP yet.");
    }
    if (state.step !== ("verified" satisfies SetupStep)) throw invalidSession();
    return { right: true };
  },
};

/** The MFA_SETUP session a set-up step names, with its sign-in, read in `tx`; refused unless it is at `at`. */
async function setupAttempt(
  tx: DomainContext,
  sessionId: string,
  at: readonly SetupStep[],
): Promise<{ session: AuthSessionRecord; attempt: SignInAttempt }> {
  const session = await readLiveSession(tx, sessionId);
  const { sub, step } = session.state;
  if (session.challenge !== MFA_SETUP || typeof sub !== "string" || !at.some((s) => s === step)) throw invalidSession();
  const client = await getClientById(tx, session.clientId);
  const pool = await getPool(tx, client.poolId);
  const record = await tx.store.users.find(pool.id, { by: "sub", value: sub });
  if (record === undefined || record.id !== session.userId) throw invalidSession();
  const user = userFromRecord(record);
  if (!user.enabled) throw userDisabled();
  requireSoftwareTokenPool(pool);
  return { session, attempt: { pool, client, user, passed: session.passed } };
}

/** Uses the session up and hands out the next one of the set-up, at `step`. */
async function nextSession(tx: DomainContext, session: AuthSessionRecord, attempt: SignInAttempt, step: SetupStep) {
  await closeChallengeSession(tx, session);
  return openChallengeSession(tx, attempt, MFA_SETUP, { ...session.state, step });
}

/** AssociateSoftwareToken{Session}: the new secret (base 32) and the session VerifySoftwareToken takes. */
export function associateDuringSetup(ctx: DomainContext, sessionId: string): Promise<{ secret: string; session: string }> {
  return atomically(ctx, async (tx) => {
    const { session, attempt } = await setupAttempt(tx, sessionId, ["asked", "associated"]);
    const secret = await associateSoftwareToken(tx, attempt.pool, attempt.user);
    return { secret, session: await nextSession(tx, session, attempt, "associated") };
  });
}

/** VerifySoftwareToken{Session}: the session the MFA_SETUP answer takes. */
export async function verifyDuringSetup(
  ctx: DomainContext,
  sessionId: string,
  code: string,
  friendlyDeviceName: string | undefined,
): Promise<string> {
  const outcome = await atomically(ctx, async (tx) => {
    const { session, attempt } = await setupAttempt(tx, sessionId, ["associated"]);
    try {
      await verifySoftwareToken(tx, attempt.pool, attempt.user, code, friendlyDeviceName);
    } catch (error) {
      if (error instanceof EnableSoftwareTokenMFAException) return { refused: error, session };
      throw error;
    }
    return { next: await nextSession(tx, session, attempt, "verified") };
  });
  if ("next" in outcome) return outcome.next;
  await countWrongAnswer(ctx, outcome.session, MAX_WRONG_CODES);
  throw outcome.refused;
}
