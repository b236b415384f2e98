import type { DeliveryMedium } from "../kernel/messageSender.js";
import type { RecoveryOption } from "../pools/poolSettings.js";
import type { Pool } from "../pools/pools.js";
import type { User } from "../users/user.js";
import { MEDIUM_ATTRIBUTE } from "./messages.js";

const MEDIUM_OF: Record<Exclude<RecoveryOption["Name"], "admin_only">, DeliveryMedium> = {
  verified_phone_number: "SMS",
  verified_email: "EMAIL",
};

/**
 * The mediums a pool sends password-reset codes through, preferred first.
 * AccountRecoverySetting lists them by Priority (1 first); `admin_only`
 * means users cannot recover by themselves, so none. Without the setting
 * Cognito uses its legacy rule: "SMS is preferred over email" (model
 * documentation of AccountRecoverySetting; the 2018 ForgotPassword text:
 * "If a verified phone number exists for the user, the confirmation code is
 * sent to the phone number. Otherwise, if a verified email exists, the
 * confirmation code is sent to the email"). The documented exclusion of
 * SMS for users with SMS MFA does not apply: this server has no MFA yet.
 */
function recoveryMediums(pool: Pool): DeliveryMedium[] {
  const mechanisms = pool.settings.AccountRecoverySetting?.RecoveryMechanisms;
  if (mechanisms === undefined || mechanisms.length === 0) return ["SMS", "EMAIL"];
  if (mechanisms.some((m) => m.Name === "admin_only")) return [];
  return [...mechanisms]
    .sort((a, b) => a.Priority - b.Priority)
    .flatMap((m) => (m.Name === "admin_only" ? [] : [MEDIUM_OF[m.Name]]));
}

/** Whether the user has a verified value for the contact a medium delivers to. */
function hasVerified(user: User, medium: DeliveryMedium): boolean {
  const attribute = MEDIUM_ATTRIBUTE[medium];
  return user.attributes[attribute] !== undefined && user.attributes[`${attribute}_verified`] === "true";
}

/**
 * Where a user's reset code goes: the first recovery medium for which the
 * user has a verified contact (ForgotPassword docs: "If neither a verified
 * phone number nor a verified email exists, Amazon Cognito responds with an
 * InvalidParameterException"; "Cognito sends a verification to only one of
 * the specified methods", developer guide, recovering user accounts).
 * Undefined when there is none.
 */
export function recoveryMedium(pool: Pool, user: User): DeliveryMedium | undefined {
  return recoveryMediums(pool).find((medium) => hasVerified(user, medium));
}

/**
 * The mediums a simulated reset answer (simulatedCodeDelivery) may claim.
 * A pool with AccountRecoverySetting answers through it; under the legacy
 * rule the contacts the pool auto-verifies are the ones its users have
 * verified, phone first, and email when it verifies none (a real answer
 * observed for an unknown user was an email, aws-sdk-ios#4837). Which
 * medium Cognito simulates is UNVERIFIED.
 */
export function simulatedRecoveryMediums(pool: Pool): DeliveryMedium[] {
  if (pool.settings.AccountRecoverySetting?.RecoveryMechanisms?.length) return recoveryMediums(pool);
  const auto = pool.settings.AutoVerifiedAttributes ?? [];
  const verified = recoveryMediums(pool).filter((medium) => auto.includes(MEDIUM_ATTRIBUTE[medium]));
  return verified.length > 0 ? verified : ["EMAIL"];
}
