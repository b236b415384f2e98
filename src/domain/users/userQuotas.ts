import { LimitExceededException } from "../../errors.js";
import type { DomainContext } from "../kernel/context.js";
import type { User } from "./user.js";

const HOUR_MS = 3_600_000;

/**
 * Per-user quotas, counted in the store (one conditional statement per use,
 * so every process sharing it keeps the same count), each over a window of
 * an hour that the first use opens.
 *
 * - CODE_ATTEMPTS: wrong one-time codes of every kind (sign-up, password
 *   reset, attribute verification, MFA), across codes: a fresh code from
 *   ResendConfirmationCode or ForgotPassword brings no fresh guesses. 15 an
 *   hour: Cognito allows 15 ConfirmSignUp and 15 VerifyUserAttribute calls
 *   per user per hour, and 5 to 20 ConfirmForgotPassword attempts depending
 *   on risk (reference §8, developer guide "Quotas"; the password-reset page
 *   says "In a given hour, we allow between 5 and 20 attempts").
 * - The operations Cognito documents a per-user hourly quota for (reference
 *   §8; ChangePassword's 5 is quoted from the quotas page in a public
 *   article). ForgotPassword's 5 is observed, not documented: a sixth request
 *   got LimitExceededException (amazon-cognito-identity-js#548, where AWS
 *   declined to publish the exact limits); its window is UNVERIFIED.
 *
 * Every refusal is Cognito's LimitExceededException "Attempt limit exceeded,
 * please try after some time." (reference §12 error table, observed).
 */
export const USER_QUOTAS = {
  CODE_ATTEMPTS: 15,
  ResendConfirmationCode: 5,
  ForgotPassword: 5,
  GetUserAttributeVerificationCode: 5,
  ChangePassword: 5,
  ConfirmSignUp: 15,
  VerifyUserAttribute: 15,
  ConfirmForgotPassword: 20,
} as const;

export type UserQuota = keyof typeof USER_QUOTAS;

export const USER_QUOTA_WINDOW_MS = HOUR_MS;

export function attemptLimitExceeded(): LimitExceededException {
  return new LimitExceededException("Attempt limit exceeded, please try after some time.");
}

function take(ctx: DomainContext, user: User, quota: UserQuota): Promise<boolean> {
  return ctx.store.userQuotas.take({
    userId: user.id,
    poolId: user.poolId,
    quota,
    at: ctx.clock.now(),
    windowMs: USER_QUOTA_WINDOW_MS,
    limit: USER_QUOTAS[quota],
  });
}

/** Counts one call of a per-user quota; LimitExceededException once the hour's are used up. */
export async function spendUserQuota(ctx: DomainContext, user: User, quota: Exclude<UserQuota, "CODE_ATTEMPTS">): Promise<void> {
  if (!(await take(ctx, user, quota))) throw attemptLimitExceeded();
}

/**
 * Checks a one-time code the user typed (any kind: the courier's codes and
 * the MFA factors' alike) under the user's CODE_ATTEMPTS quota. The attempt
 * is counted before `check` runs and given back when the code is right, so
 * attempts at the same time, from any process, never check more wrong codes
 * than the quota allows. Throws LimitExceededException when the quota is
 * used up, whether or not the code would have been right; otherwise returns
 * what `check` says.
 */
export async function checkCodeAttempt(
  ctx: DomainContext,
  user: User,
  check: () => boolean | Promise<boolean>,
): Promise<boolean> {
  if (!(await take(ctx, user, "CODE_ATTEMPTS"))) throw attemptLimitExceeded();
  const right = await check();
  if (right) await ctx.store.userQuotas.giveBack(user.id, "CODE_ATTEMPTS");
  return right;
}
