import { FeatureUnavailableInTierException, InvalidParameterException, UnsupportedOperationException } from "../../errors.js";
import { MFA_FACTORS, type MfaFactor } from "../pools/poolMfa.js";
import type { Pool } from "../pools/pools.js";
import type { User } from "../users/user.js";

/** SMSMfaSettingsType, SoftwareTokenMfaSettingsType, EmailMfaSettingsType. */
export interface FactorSetting {
  Enabled?: boolean;
  PreferredMfa?: boolean;
}

/** The members of (Admin)SetUserMFAPreference. */
export interface MfaPreferenceInput {
  SMSMfaSettings?: FactorSetting;
  SoftwareTokenMfaSettings?: FactorSetting;
  EmailMfaSettings?: FactorSetting;
  WebAuthnMfaSettings?: { Enabled?: boolean };
}

/** MFAOptionType, the legacy (Admin)SetUserSettings form. */
export interface MfaOption {
  DeliveryMedium?: "SMS" | "EMAIL";
  AttributeName?: string;
}

/**
 * What each factor needs before a user can turn it on. The TOTP and SMS
 * messages are Cognito's (aws/aws-sdk-js-v3 #4645, aws-amplify/amplify-js
 * #5766); the email one is written after the TOTP one (a guess, see
 * docs/research/research-mfa.md). Email MFA also needs the Essentials plan
 * or above (EmailMfaSettingsType documentation).
 */
function requireDeliveryFor(pool: Pool, user: User, factor: MfaFactor): void {
  if (factor === "SOFTWARE_TOKEN_MFA" && user.mfa.totpSecret === null) {
    throw new InvalidParameterException("User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA");
  }
  if (factor === "SMS_MFA" && user.attributes.phone_number === undefined) {
    throw new InvalidParameterException("User does not have a phone_number set to turn on SMS MFA");
  }
  if (factor === "EMAIL_OTP") {
    if (pool.settings.UserPoolTier === "LITE") {
      throw new FeatureUnavailableInTierException(
        "The following features need to be disabled for the LITE pricing tier configured: Email MFA",
      );
    }
    if (user.attributes.email === undefined) {
      throw new InvalidParameterException("User does not have delivery config set to turn on EMAIL_OTP");
    }
  }
}

/**
 * A user's factors after a preference request (cognito-2024-2026.md §6,
 * reference §3.1): a settings object left out leaves its factor as it is;
 * `Enabled` turns the factor on or off; `PreferredMfa: true` makes it the
 * one preferred factor (and turns it on), `false` takes the preference
 * away from it. At most one factor may be preferred. While the pool
 * requires MFA a user's last factor cannot be turned off (the
 * *MfaSettingsType documentation). Nothing is written when the request is
 * refused.
 */
export function mfaAfterPreference(pool: Pool, user: User, input: MfaPreferenceInput): User["mfa"] {
  if (input.WebAuthnMfaSettings?.Enabled === true) {
    throw new UnsupportedOperationException("userpool does not implement passkeys (WebAuthnMfaSettings) yet");
  }
  const settings: [MfaFactor, FactorSetting | undefined][] = [
    ["SMS_MFA", input.SMSMfaSettings],
    ["SOFTWARE_TOKEN_MFA", input.SoftwareTokenMfaSettings],
    ["EMAIL_OTP", input.EmailMfaSettings],
  ];
  if (settings.filter(([, setting]) => setting?.PreferredMfa === true).length > 1) {
    throw new InvalidParameterException("Only one MFA method can be set as preferred.");
  }
  const enabled = new Set(user.mfa.enabled);
  let preferred = user.mfa.preferred;
  for (const [factor, setting] of settings) {
    if (setting === undefined) continue;
    if (setting.PreferredMfa === true && setting.Enabled === false) {
      throw new InvalidParameterException(`Cannot set ${factor} as preferred while turning it off.`);
    }
    const on = setting.Enabled ?? (setting.PreferredMfa === true ? true : undefined);
    if (on === true) {
      requireDeliveryFor(pool, user, factor);
      enabled.add(factor);
    } else if (on === false) {
      enabled.delete(factor);
    }
    if (setting.PreferredMfa === true) preferred = factor;
    else if (setting.PreferredMfa === false && preferred === factor) preferred = null;
  }
  if (pool.settings.MfaConfiguration === "ON" && user.mfa.enabled.length > 0 && enabled.size === 0) {
    throw new InvalidParameterException("Cannot turn off the last MFA option of a user while the user pool requires MFA.");
  }
  return {
    ...user.mfa,
    enabled: MFA_FACTORS.filter((factor) => enabled.has(factor)),
    preferred: preferred !== null && enabled.has(preferred) ? preferred : null,
  };
}

/**
 * The legacy MFAOptions of (Admin)SetUserSettings: SMS to phone_number
 * only (API_AdminSetUserSettings: "You can use it to configure only SMS
 * MFA"); a list with that option turns SMS MFA on, an empty list turns it
 * off, as SMSMfaSettings would.
 */
export function mfaAfterOptions(pool: Pool, user: User, options: MfaOption[]): User["mfa"] {
  for (const option of options) {
    if (option.DeliveryMedium !== "SMS" || option.AttributeName !== "phone_number") {
      throw new InvalidParameterException("Only SMS MFA to phone_number can be set with MFAOptions.");
    }
  }
  return mfaAfterPreference(pool, user, { SMSMfaSettings: { Enabled: options.length > 0 } });
}
