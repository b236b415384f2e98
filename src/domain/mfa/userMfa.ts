import { MFA_FACTORS, type MfaFactor } from "../pools/poolMfa.js";
import type { User } from "../users/user.js";

type UserMfa = User["mfa"];

/** The user's factors with one more turned on, in Cognito's order. */
export function withFactor(mfa: UserMfa, factor: MfaFactor): UserMfa {
  return { ...mfa, enabled: MFA_FACTORS.filter((f) => f === factor || mfa.enabled.includes(f)) };
}

/**
 * What AdminGetUser and GetUser report of a user's MFA (cognito-2024-2026.md
 * §6): UserMFASettingList (the factors turned on), PreferredMfaSetting, and
 * the legacy MFAOptions, which only ever describe SMS (AdminSetUserSettings).
 * Members without a value are left out, as Cognito leaves them out for a
 * user without MFA.
 */
export function mfaReport(user: User): {
  UserMFASettingList?: string[];
  PreferredMfaSetting?: string;
  MFAOptions?: { DeliveryMedium: "SMS"; AttributeName: "phone_number" }[];
} {
  const { enabled, preferred } = user.mfa;
  return {
    ...(enabled.length > 0 ? { UserMFASettingList: [...enabled] } : {}),
    ...(preferred !== null ? { PreferredMfaSetting: preferred } : {}),
    ...(enabled.includes("SMS_MFA") ? { MFAOptions: [{ DeliveryMedium: "SMS", AttributeName: "phone_number" }] } : {}),
  };
}
