import { type MfaFactor, offeredFactors, poolMfaFactors } from "../pools/poolMfa.js";
import type { Pool } from "../pools/pools.js";
import type { User } from "../users/user.js";

/** The MFA step a sign-in needs once the password (and a new password) is passed. */
export type MfaStep =
  | { kind: "none" }
  | { kind: "setup"; canSetUp: MfaFactor[] }
  | { kind: "choose"; factors: MfaFactor[] }
  | { kind: "factor"; factor: MfaFactor };

/** Whether the user has the contact a code factor delivers to. */
function hasContact(user: User, factor: "SMS_MFA" | "EMAIL_OTP"): boolean {
  return user.attributes[factor === "SMS_MFA" ? "phone_number" : "email"] !== undefined;
}

/**
 * Which MFA step applies (reference §4.2 step 9, cognito-2024-2026.md §6).
 * Only factors the pool still offers count. A factor turned on whose phone
 * number or address has since gone still counts (its challenge then
 * refuses the sign-in): removing a contact does not remove MFA. OPTIONAL
 * challenges users who turned a factor on; ON challenges everyone: a user who turned none on is sent a code by SMS
 * or email when the pool offers it and the user has the phone number or
 * address ("SMS and email message MFA require no additional configuration
 * after your user adds an email address or phone number to their profile",
 * developer guide, SMS and email message MFA), and otherwise must set a
 * factor up (MFA_SETUP, offering every factor of the pool). The preferred
 * factor is asked when set; with several and none preferred the user
 * chooses (SELECT_MFA_TYPE).
 */
export function mfaStepFor(pool: Pool, user: User): MfaStep {
  const mode = pool.settings.MfaConfiguration;
  if (mode === "OFF") return { kind: "none" };
  const offered = offeredFactors(poolMfaFactors(pool.settings));
  const enabled = offered.filter((f) => user.mfa.enabled.includes(f));
  const usable =
    enabled.length > 0 || mode !== "ON" ? enabled : offered.filter((f) => f !== "SOFTWARE_TOKEN_MFA" && hasContact(user, f));
  const [only] = usable;
  if (only === undefined) return mode === "ON" ? { kind: "setup", canSetUp: offered } : { kind: "none" };
  const preferred = usable.find((f) => f === user.mfa.preferred);
  if (preferred !== undefined) return { kind: "factor", factor: preferred };
  return usable.length === 1 ? { kind: "factor", factor: only } : { kind: "choose", factors: usable };
}
