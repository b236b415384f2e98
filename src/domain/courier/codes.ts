import { createHmac } from "node:crypto";
import { CodeMismatchException, ExpiredCodeException, LimitExceededException } from "../../errors.js";
import { atomically } from "../kernel/atomically.js";
import type { DomainContext } from "../kernel/context.js";
import { equalSecrets } from "../kernel/equalSecrets.js";
import { randomString } from "../kernel/runtime.js";
import type { User } from "../users/user.js";
import { attemptLimitExceeded, checkCodeAttempt } from "../users/userQuotas.js";

/** What a one-time code is for. Attribute verification codes name the attribute. */
export type CodePurpose = "SIGN_UP" | "FORGOT_PASSWORD" | "VERIFY_email" | "VERIFY_phone_number";

const HOUR_MS = 3_600_000;

/** Reference §2.8 / §8.2: sign-up and attribute codes live 24 h, password-reset codes 1 h. */
const VALIDITY_MS: Record<CodePurpose, number> = {
  SIGN_UP: 24 * HOUR_MS,
  FORGOT_PASSWORD: HOUR_MS,
  VERIFY_email: 24 * HOUR_MS,
  VERIFY_phone_number: 24 * HOUR_MS,
};

/** Attempts a code survives; the next one is refused as Cognito refuses them (reference §2.8). */
const MAX_FAILED_ATTEMPTS = 5;

/**
 * The codes table keeps only an HMAC keyed from the master key, so it does
 * not let anyone with a copy of it try the million six-digit values
 * offline. That is the whole protection only when messages are delivered
 * elsewhere: the default sender keeps every message, code included, in the
 * outbox of the same database (outbox.ts), and a copy of that database
 * shows the codes still live in plain text. Sign-in MFA codes are kept
 * the same way in their challenge session (signIn/factors/codeFactor.ts),
 * `purpose` naming the challenge.
 */
export function codeHash(ctx: DomainContext, userId: number, purpose: string, code: string): string {
  return createHmac("sha256", ctx.sealer.deriveKey("codes")).update(`${userId}\u0000${purpose}\u0000${code}`).digest("base64url");
}

/**
 * Issues a fresh six-digit code for the user, superseding any earlier one
 * for the same purpose. `payload` is what redeeming it confirms, if anything.
 */
export async function issueCode(
  ctx: DomainContext,
  user: User,
  purpose: CodePurpose,
  payload: string | null = null,
): Promise<string> {
  const code = randomString(ctx.random, "0123456789", 6);
  const now = ctx.clock.now();
  await ctx.store.codes.put({
    poolId: user.poolId,
    userId: user.id,
    purpose,
    codeHash: codeHash(ctx, user.id, purpose, code),
    createdAt: now,
    expiresAt: now + VALIDITY_MS[purpose],
    payload,
  });
  return code;
}

/**
 * What the user's live code for `purpose` was issued to confirm, if there
 * is such a code and it carries anything: a new contact value waiting for
 * verification (AttributesRequireVerificationBeforeUpdate), which a code
 * sent again must go to.
 */
export async function pendingPayload(ctx: DomainContext, user: User, purpose: CodePurpose): Promise<string | null> {
  const code = await ctx.store.codes.get(user.id, purpose);
  return code === undefined || code.expiresAt <= ctx.clock.now() ? null : code.payload;
}

/** Removes the user's code for `purpose`, if any: what it was sent to confirm no longer holds. */
export async function discardCode(ctx: DomainContext, user: User, purpose: CodePurpose): Promise<void> {
  const code = await ctx.store.codes.get(user.id, purpose);
  if (code !== undefined) await ctx.store.codes.delete(code.id);
}

/**
 * Checks and uses up a code. Errors and messages as Cognito's (reference
 * §2.8, §10): no code, an expired one or one a resend replaced is
 * ExpiredCodeException, a wrong one CodeMismatchException. Each attempt
 * counts against the code (MAX_FAILED_ATTEMPTS, after which the code is
 * spent) and against the user's hourly CODE_ATTEMPTS quota
 * (users/userQuotas.ts), both LimitExceededException; each count is one
 * conditional statement taken before the code is compared, so concurrent
 * guesses from any number of processes get no more comparisons than that.
 * A right code works once; it returns the payload the code was issued with.
 */
export async function redeemCode(ctx: DomainContext, user: User, purpose: CodePurpose, given: string): Promise<string | null> {
  const expired = () => new ExpiredCodeException("Invalid code provided, please request a code again.");
  const code = await ctx.store.codes.get(user.id, purpose);
  if (code === undefined) throw expired();
  if (code.expiresAt <= ctx.clock.now()) {
    await ctx.store.codes.delete(code.id);
    throw expired();
  }
  const actual = codeHash(ctx, user.id, purpose, given);
  // The code a resend replaced is expired rather than wrong (reference §2.8) and costs no attempt.
  if (code.supersededHash !== null && equalSecrets(code.supersededHash, actual)) throw expired();
  const right = await checkCodeAttempt(ctx, user, async () => {
    if (!(await ctx.store.codes.recordAttempt(code.id, MAX_FAILED_ATTEMPTS))) {
      await ctx.store.codes.delete(code.id);
      throw attemptLimitExceeded();
    }
    return equalSecrets(code.codeHash, actual);
  });
  if (!right) throw new CodeMismatchException("Invalid verification code provided, please try again.");
  // Two requests with the right code: only the one that removes it succeeds.
  if (!(await ctx.store.codes.delete(code.id))) throw expired();
  return code.payload;
}

/** What redeemCode refuses a code with. */
function isCodeRejection(error: unknown): error is Error {
  return (
    error instanceof CodeMismatchException || error instanceof ExpiredCodeException || error instanceof LimitExceededException
  );
}

/**
 * Runs `work`, which redeems a code, in one transaction as `atomically`
 * does, except that a code redeemCode refuses is thrown after the commit
 * instead of rolling the transaction back: the refusal's bookkeeping (the
 * failed attempt toward the limit, an expired or spent code removed) must
 * stay. An error of the same kinds thrown before anything is written (an
 * unknown user answered as a wrong code) commits nothing and is thrown the
 * same way.
 */
export async function atomicallyRedeeming<T>(ctx: DomainContext, work: (tx: DomainContext) => Promise<T>): Promise<T> {
  const outcome = await atomically(ctx, async (tx): Promise<{ done: T } | { refused: Error }> => {
    try {
      return { done: await work(tx) };
    } catch (error) {
      if (isCodeRejection(error)) return { refused: error };
      throw error;
    }
  });
  if ("refused" in outcome) throw outcome.refused;
  return outcome.done;
}
