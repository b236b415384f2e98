import {
  ExpiredCodeException,
  InvalidParameterException,
  NotAuthorizedException,
  UserNotConfirmedException,
} from "../../errors.js";
import { recoveryMedium, simulatedRecoveryMediums } from "../courier/accountRecovery.js";
import { type CodeDeliveryDetails, codeMessage } from "../courier/codeDelivery.js";
import { atomicallyRedeeming, issueCode, redeemCode } from "../courier/codes.js";
import { simulatedCodeDelivery } from "../courier/simulatedDelivery.js";
import { atomically, optimistically } from "../kernel/atomically.js";
import type { DomainContext } from "../kernel/context.js";
import type { DeliveryMedium } from "../kernel/messageSender.js";
import { preventsUserExistenceErrors } from "../pools/clientSettings.js";
import { getClientById } from "../pools/clients.js";
import { checkPassword } from "../pools/passwordPolicy.js";
import { getPool, type Pool } from "../pools/pools.js";
import { checkSecretHash } from "../pools/secretHash.js";
import { hashPassword, NO_PASSWORD } from "../users/passwordSecrets.js";
import { saveUser } from "../users/saveUser.js";
import type { User } from "../users/user.js";
import { findSelfServiceUser, requireUser, userDisabled } from "../users/userLookup.js";
import { spendUserQuota } from "../users/userQuotas.js";

/**
 * Password reset by code: AdminResetUserPassword and ForgotPassword send a
 * FORGOT_PASSWORD code (1 h, codes.ts) to a verified contact;
 * ConfirmForgotPassword redeems it with a new password.
 */

/** Observed for ForgotPassword (amplify-flutter#424) and the admin reset (amazon-cognito-identity-js#532). */
const CANNOT_RESET = "User password cannot be reset in the current state.";
/** Observed raw message (aws-amplify/aws-sdk-android#142, amazon-cognito-identity-js#678; research notes). */
const NO_RECOVERY_CONTACT = "Cannot reset password for the user as there is no registered/verified email or phone_number";

/**
 * Where a reset code for this user would go, or undefined when the user has
 * no verified contact the pool recovers through. Throws for the states
 * that cannot be reset. The order of the checks follows the evidence:
 * - FORCE_CHANGE_PASSWORD is refused even without a verified contact
 *   (amazon-cognito-identity-js#532: an admin-created user whose
 *   email_verified was never set got "cannot be reset in the current state"
 *   from both admin-reset-user-password and forgot-password; the re:Post
 *   article "cognito-forgot-password" says the same of ForgotPassword).
 *   EXTERNAL_PROVIDER users have no password to reset (UNVERIFIED).
 * - An UNCONFIRMED user who signed up has no verified contact, and
 *   ForgotPassword answers InvalidParameterException (aws-sdk-net#1984) or,
 *   with PreventUserExistenceErrors, a simulated delivery that sends nothing
 *   (aws-aspnet-cognito-identity-provider#179, amplify-js#7253). One whose
 *   contact an administrator verified is refused as not resettable: a reset
 *   would end in CONFIRMED without the sign-up being confirmed (moto refuses
 *   UNCONFIRMED the same way; Cognito's answer there is UNVERIFIED).
 */
function resetMedium(pool: Pool, user: User): DeliveryMedium | undefined {
  if (user.status === "FORCE_CHANGE_PASSWORD" || user.status === "EXTERNAL_PROVIDER") {
    throw new NotAuthorizedException(CANNOT_RESET);
  }
  const medium = recoveryMedium(pool, user);
  if (medium !== undefined && user.status === "UNCONFIRMED") throw new NotAuthorizedException(CANNOT_RESET);
  return medium;
}

/**
 * Issues a FORGOT_PASSWORD code (superseding an earlier one) and sends it
 * with the pool's verification template: research notes, "attribute-update
 * and password-reset emails always use the code template". The trigger
 * source Cognito reports is CustomMessage_ForgotPassword for both
 * operations (reference §3.1; UNVERIFIED for the admin call). Runs inside
 * the caller's transaction.
 */
async function sendResetCode(tx: DomainContext, pool: Pool, user: User, medium: DeliveryMedium): Promise<CodeDeliveryDetails> {
  const code = await issueCode(tx, user, "FORGOT_PASSWORD");
  const { message, details } = codeMessage(pool, user, medium, code, "CustomMessage_ForgotPassword");
  await tx.sender.send(tx, message);
  return details;
}

/**
 * AdminResetUserPassword (reference §3.1): the password stops working
 * (passwordHash null), the user becomes RESET_REQUIRED and gets a reset
 * code; the user and the code and message are written together.
 * - Disabled: NotAuthorizedException "User is disabled." (reference §2.1).
 * - No verified contact the pool recovers through (or `admin_only`):
 *   InvalidParameterException with the ForgotPassword wording, seen from
 *   the admin call in a real-pool integration test (coiney awssandbox
 *   CognitoServiceTest, ResetPassword). Nothing changes then: the docs'
 *   older text ("if ... a verified email exists ... will also result in
 *   sending a message") could suggest the password is deactivated anyway,
 *   but an error normally means nothing was done and moto agrees; whether
 *   Cognito still deactivates the password is UNVERIFIED.
 * - RESET_REQUIRED already: a new code is sent, as ForgotPassword would
 *   (moto answers without sending; UNVERIFIED).
 */
export async function adminResetUserPassword(ctx: DomainContext, poolId: string, username: string): Promise<void> {
  const pool = await getPool(ctx, poolId);
  await atomically(ctx, async (tx) => {
    const user = await requireUser(tx, pool, username);
    if (!user.enabled) throw userDisabled();
    const medium = resetMedium(pool, user);
    if (medium === undefined) throw new InvalidParameterException(NO_RECOVERY_CONTACT);
    const reset =
      user.status === "RESET_REQUIRED" && user.passwordHash === null
        ? user
        : await saveUser(tx, pool, user, { status: "RESET_REQUIRED", ...NO_PASSWORD, passwordExpiresAt: null });
    await sendResetCode(tx, pool, reset, medium);
  });
}

export interface ForgotPasswordRequest {
  clientId: string;
  secretHash?: string;
  username: string;
}

/**
 * ForgotPassword (reference §3.4): a reset code to the user's recovery
 * contact. The status does not change, so the old password keeps working
 * until the reset is confirmed (reference §2.2). With
 * PreventUserExistenceErrors an unknown or disabled user, or one without a
 * recovery contact, gets a plausible CodeDeliveryDetails and nothing is
 * sent (reference §2.7); a pool that recovers through no medium
 * (`admin_only`) has nothing to simulate and refuses everyone alike. A
 * user gets 5 reset codes an hour (users/userQuotas.ts).
 */
export async function forgotPassword(ctx: DomainContext, request: ForgotPasswordRequest): Promise<CodeDeliveryDetails> {
  const client = await getClientById(ctx, request.clientId);
  checkSecretHash(client, [request.username], request.secretHash);
  const pool = await getPool(ctx, client.poolId);
  const hideExistence = preventsUserExistenceErrors(client.settings);
  return atomically(ctx, async (tx) => {
    const user = await findSelfServiceUser(tx, pool, client, request.username);
    if (user !== undefined) {
      const medium = resetMedium(pool, user);
      if (medium !== undefined) {
        await spendUserQuota(tx, user, "ForgotPassword");
        return sendResetCode(tx, pool, user, medium);
      }
    }
    const simulated = hideExistence
      ? simulatedCodeDelivery(tx, pool, request.username, simulatedRecoveryMediums(pool))
      : undefined;
    if (simulated === undefined) throw new InvalidParameterException(NO_RECOVERY_CONTACT);
    return simulated;
  });
}

export interface ConfirmForgotPasswordRequest {
  clientId: string;
  secretHash?: string;
  username: string;
  code: string;
  password: string;
}

/**
 * Which users a reset code may complete: CONFIRMED and RESET_REQUIRED
 * (reference §2.2). No code reaches the others through this server
 * (resetMedium refuses them), but a status can change after a code went
 * out (AdminSetUserPassword with Permanent false). UNCONFIRMED answers as
 * the model's UserNotConfirmedException (listed for ConfirmForgotPassword;
 * wording of reference §2.1), the rest as ForgotPassword refuses them.
 */
function checkCompletable(user: User): void {
  if (user.status === "UNCONFIRMED") throw new UserNotConfirmedException("User is not confirmed.");
  if (user.status !== "CONFIRMED" && user.status !== "RESET_REQUIRED") throw new NotAuthorizedException(CANNOT_RESET);
}

/**
 * ConfirmForgotPassword (reference §3.4): the code and a new password make
 * the user CONFIRMED with that password (no temporary-password expiry).
 * The password is checked against the policy first, so a password the
 * policy refuses costs no attempt (the order Cognito checks in is
 * UNVERIFIED), and hashed only once the code is right: hashing is slow,
 * and a wrong guess must not buy a hash. As in ConfirmSignUp, a refused
 * code commits redeemCode's bookkeeping (the attempt toward the limits, an
 * expired code removed) and is thrown after the commit. A user gets 20
 * calls an hour (users/userQuotas.ts).
 * - Unknown user: UserNotFoundException; with PreventUserExistenceErrors
 *   what an existing user without a code gets, ExpiredCodeException
 *   (reference §2.7: "ExpiredCodeException if no code was ever requested").
 *   Cognito answers CodeMismatchException once a (simulated) code was
 *   requested for the name; this server keeps no record of simulated
 *   requests, so that case still differs (README, Security model).
 * - Disabled user: NotAuthorizedException "User is disabled." (the wording
 *   observed for disabled users; UNVERIFIED here); with
 *   PreventUserExistenceErrors answered as an unknown user, since
 *   ForgotPassword hides disabled users too. Either way the code is kept.
 */
export async function confirmForgotPassword(ctx: DomainContext, request: ConfirmForgotPasswordRequest): Promise<void> {
  const client = await getClientById(ctx, request.clientId);
  checkSecretHash(client, [request.username], request.secretHash);
  const pool = await getPool(ctx, client.poolId);
  checkPassword(request.password, pool.settings.Policies.PasswordPolicy, "change");
  const user = await atomicallyRedeeming(ctx, async (tx) => {
    const found = await findSelfServiceUser(tx, pool, client, request.username);
    if (found === undefined) throw new ExpiredCodeException("Invalid code provided, please request a code again.");
    checkCompletable(found);
    await spendUserQuota(tx, found, "ConfirmForgotPassword");
    await redeemCode(tx, found, "FORGOT_PASSWORD", request.code);
    return found;
  });
  // The code is used up; the slow hash runs outside any transaction, then the user is saved (re-read if it changed meanwhile).
  const hashed = await hashPassword(ctx, request.password);
  await optimistically(async () => {
    const current = (await findSelfServiceUser(ctx, pool, client, user.username)) ?? user;
    await saveUser(ctx, pool, current, {
      status: "CONFIRMED",
      ...hashed.secretsFor(pool, current.username),
      passwordExpiresAt: null,
    });
  });
}
