import { NotAuthorizedException, PasswordResetRequiredException, UserNotConfirmedException } from "../../errors.js";
import type { DomainContext } from "../kernel/context.js";
import { preventsUserExistenceErrors } from "../pools/clientSettings.js";
import { checkWithLockout, INCORRECT_PASSWORD, type SecretCheck } from "../users/lockout.js";
import { userDisabled } from "../users/userLookup.js";
import type { SignInAttempt } from "./factor.js";

/**
 * The steps of reference §4.2 around the first factor, shared by the
 * password flows and SRP's PASSWORD_VERIFIER: lockout, disabled,
 * unconfirmed or reset-required, the check itself (counted toward the
 * lockout), an expired temporary password. With PreventUserExistenceErrors
 * ENABLED a reset-required user, and a disabled one with a wrong password,
 * are indistinguishable from a wrong password, in words and in time (`decoy` does the work a check would). Answers
 * whether the check passed; every other refusal throws.
 */
export async function passPasswordGates(
  ctx: DomainContext,
  { client, user }: Pick<SignInAttempt, "client" | "user">,
  check: SecretCheck,
  decoy: () => Promise<void>,
): Promise<boolean> {
  const hiding = preventsUserExistenceErrors(client.settings);
  const right = await checkWithLockout(ctx, user, check, async () => {
    // Hiding, a disabled user's wrong password is any wrong password; only the right one is told
    // "User is disabled." (what Cognito answers there is UNVERIFIED; README, Security model).
    if (!user.enabled && !hiding) throw userDisabled();
    // Status before the password: a wrong password still says "not confirmed" (reference §2.1, observed).
    if (user.status === "UNCONFIRMED") throw new UserNotConfirmedException("User is not confirmed.");
    if (user.status === "RESET_REQUIRED") {
      if (!hiding) throw new PasswordResetRequiredException("Password reset required for the user");
      await decoy();
      throw new NotAuthorizedException(INCORRECT_PASSWORD);
    }
  });
  if (!right) return false;
  if (!user.enabled) throw userDisabled();
  if (user.status === "FORCE_CHANGE_PASSWORD" && user.passwordExpiresAt !== null && user.passwordExpiresAt <= ctx.clock.now()) {
    // Research notes §5: the words Cognito uses once TemporaryPasswordValidityDays have passed.
    throw new NotAuthorizedException("User account has expired, it must be reset by an administrator.");
  }
  return true;
}
