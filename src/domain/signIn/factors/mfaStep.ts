import { type MfaStep, mfaStepFor } from "../../mfa/signInStep.js";
import type { MfaFactor } from "../../pools/poolMfa.js";
import type { SignInAttempt } from "../factor.js";

/** The MFA challenges; a sign-in passes at most one MFA step, besides the choice that leads to it. */
const MFA_CHALLENGES: readonly string[] = ["MFA_SETUP", "SELECT_MFA_TYPE", "SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP"];

/** A wrong MFA code (CodeMismatchException), in Cognito's words (Amplify's AuthErrorStrings INVALID_MFA_CODE). */
export const WRONG_MFA_CODE = "Invalid code received for user";

/**
 * The MFA step an attempt still needs: none once an MFA challenge has been
 * passed (a factor set up or answered), else the pool's and user's
 * (mfa/signInStep.ts), for the user as the attempt last saved them.
 */
export function mfaStepOf({ pool, user, passed }: SignInAttempt): MfaStep {
  if (passed.some((step) => MFA_CHALLENGES.includes(step))) return { kind: "none" };
  return mfaStepFor(pool, user);
}

/** A factor's isDue: the attempt's MFA step is that factor. */
export function dueAsFactor(factor: MfaFactor) {
  return async (_ctx: unknown, attempt: SignInAttempt): Promise<boolean> => {
    const step = mfaStepOf(attempt);
    return step.kind === "factor" && step.factor === factor;
  };
}
