import { NotAuthorizedException, PasswordResetRequiredException, UserNotConfirmedException } from "../../errors.js";
import type { DomainContext } from "../kernel/context.js";
import { preventsUserExistenceErrors } from "../pools/clientSettings.js";
import type { Pool } from "../pools/pools.js";
import { checkSecretHash } from "../pools/secretHash.js";
import { INCORRECT_PASSWORD, verifyPasswordWithLockout } from "../users/lockout.js";
import { saveUser } from "../users/saveUser.js";
import type { User } from "../users/user.js";
import { findUser, userDisabled, userNotFound } from "../users/userLookup.js";
import type { SignInFlow } from "./authFlows.js";
import { requiredParameter } from "./authParameters.js";

/** The first factor's name in an attempt's passed steps. */
export const PASSWORD = "PASSWORD";

const decoys = new WeakMap<DomainContext["hasher"], Promise<string>>();

/**
 * Verifies the password against a fixed hash, so that an answer that must
 * not be told from a wrong password takes as long as one (reference §2.7).
 */
async function verifyDecoy(ctx: DomainContext, password: string): Promise<void> {
  let decoy = decoys.get(ctx.hasher);
  if (decoy === undefined) {
    decoy = ctx.hasher.hash(ctx.random.bytes(16).toString("base64url"));
    decoys.set(ctx.hasher, decoy);
  }
  await ctx.hasher.verify(await decoy, password);
}

/**
 * A hash made with older cost parameters is redone with the current ones
 * once the password is known to be right. Best effort: a user changed in
 * the meantime keeps the old hash until the next sign-in.
 */
async function upgradeHash(ctx: DomainContext, pool: Pool, user: User, password: string): Promise<void> {
  if (user.passwordHash === null || !ctx.hasher.needsRehash(user.passwordHash)) return;
  const passwordHash = await ctx.hasher.hash(password);
  await saveUser(ctx, pool, user, { passwordHash }).catch(() => undefined);
}

/**
 * USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH: the steps of reference
 * §4.2 up to the password — unknown user, lockout, disabled, unconfirmed
 * or reset-required, wrong password, expired temporary password. With
 * PreventUserExistenceErrors ENABLED an unknown user (and a reset-required
 * one) is indistinguishable from a wrong password, in words and in time.
 * What follows the password (a new password, MFA, tokens) is the engine's.
 */
export const passwordFlow: SignInFlow = async (ctx, { pool, client, parameters }, next) => {
  const username = requiredParameter(parameters, "USERNAME");
  const password = requiredParameter(parameters, "PASSWORD");
  checkSecretHash(client, [username], parameters.SECRET_HASH);
  const hiding = preventsUserExistenceErrors(client.settings);
  const user = await findUser(ctx, pool, username);
  if (user === undefined) {
    if (!hiding) throw userNotFound();
    await verifyDecoy(ctx, password);
    throw new NotAuthorizedException(INCORRECT_PASSWORD);
  }
  await verifyPasswordWithLockout(ctx, user, password, async () => {
    // Hiding, a disabled user's wrong password is any wrong password; only the right one is told
    // "User is disabled." (what Cognito answers there is UNVERIFIED; README, Security model).
    if (!user.enabled && !hiding) throw userDisabled();
    // Status before the password: a wrong password still says "not confirmed" (reference §2.1, observed).
    if (user.status === "UNCONFIRMED") throw new UserNotConfirmedException("User is not confirmed.");
    if (user.status === "RESET_REQUIRED") {
      if (!hiding) throw new PasswordResetRequiredException("Password reset required for the user");
      await verifyDecoy(ctx, password);
      throw new NotAuthorizedException(INCORRECT_PASSWORD);
    }
  });
  if (!user.enabled) throw userDisabled();
  if (user.status === "FORCE_CHANGE_PASSWORD") {
    if (user.passwordExpiresAt !== null && user.passwordExpiresAt <= ctx.clock.now()) {
      // Research notes §5: the words Cognito uses once TemporaryPasswordValidityDays have passed.
      throw new NotAuthorizedException("User account has expired, it must be reset by an administrator.");
    }
  } else {
    await upgradeHash(ctx, pool, user, password);
  }
  return next({ pool, client, user, passed: [PASSWORD] });
};
