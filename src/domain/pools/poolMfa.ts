import { FeatureUnavailableInTierException, InvalidParameterException } from "../../errors.js";
import { compact } from "../kernel/compact.js";
import type { PoolSettings } from "./poolSettings.js";

/** The second factors a user may have (UserMFASettingList values), in the order Cognito's lists use. */
export const MFA_FACTORS = ["SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP"] as const;
export type MfaFactor = (typeof MFA_FACTORS)[number];

export interface EmailMfaConfiguration {
  Message?: string;
  Subject?: string;
}

/** Stored and returned; passkey sign-in itself is not built yet. */
export interface WebAuthnConfiguration {
  RelyingPartyId?: string;
  UserVerification?: "required" | "preferred";
  FactorConfiguration?: "SINGLE_FACTOR" | "MULTI_FACTOR_WITH_USER_VERIFICATION";
}

/**
 * The factors a pool offers, as SetUserPoolMfaConfig sets them. They live in
 * the settings document but are not members of UserPoolType, so
 * DescribeUserPool leaves them out and GetUserPoolMfaConfig shows them.
 */
export interface MfaFactors {
  SmsMfa: boolean;
  SoftwareTokenMfa: boolean;
  EmailMfa?: EmailMfaConfiguration;
  WebAuthn?: WebAuthnConfiguration;
}

/** A SetUserPoolMfaConfig request, member names as in the API. */
export interface PoolMfaInput {
  SmsMfaConfiguration?: { SmsAuthenticationMessage?: string; SmsConfiguration?: { [key: string]: unknown } };
  SoftwareTokenMfaConfiguration?: { Enabled?: boolean };
  EmailMfaConfiguration?: EmailMfaConfiguration;
  MfaConfiguration?: "OFF" | "ON" | "OPTIONAL";
  WebAuthnConfiguration?: WebAuthnConfiguration;
}

/**
 * The pool's factors. Pools stored before SetUserPoolMfaConfig existed here
 * could only turn MFA on with an SMS configuration (CreateUserPool's rule).
 */
export function poolMfaFactors(settings: PoolSettings): MfaFactors {
  return (
    settings.MfaFactors ?? {
      SmsMfa: settings.MfaConfiguration !== "OFF" && settings.SmsConfiguration !== undefined,
      SoftwareTokenMfa: false,
    }
  );
}

export function offeredFactors(factors: MfaFactors): MfaFactor[] {
  return MFA_FACTORS.filter((factor) =>
    factor === "SMS_MFA"
      ? factors.SmsMfa
      : factor === "SOFTWARE_TOKEN_MFA"
        ? factors.SoftwareTokenMfa
        : factors.EmailMfa !== undefined,
  );
}

/**
 * The factors after CreateUserPool or UpdateUserPool. Those requests name
 * SMS MFA only (MfaConfiguration with SmsConfiguration, reference §3.3);
 * TOTP and email MFA come from SetUserPoolMfaConfig and stay while an
 * update keeps MFA on. MFA turned OFF drops every factor, as
 * SetUserPoolMfaConfig refuses OFF together with one; WebAuthn is not an
 * MFA factor and stays (cognito-2024-2026.md §6).
 */
export function factorsAfterPoolUpdate(
  mode: PoolSettings["MfaConfiguration"],
  smsConfigured: boolean,
  current: MfaFactors | undefined,
): MfaFactors {
  if (mode === "OFF") return compact({ SmsMfa: false, SoftwareTokenMfa: false, WebAuthn: current?.WebAuthn });
  return compact({
    SmsMfa: smsConfigured,
    SoftwareTokenMfa: current?.SoftwareTokenMfa ?? false,
    EmailMfa: current?.EmailMfa,
    WebAuthn: current?.WebAuthn,
  });
}

/**
 * Features above the pool's plan (cognito-2024-2026.md §1): email MFA and
 * passwordless sign-in need Essentials or Plus, threat protection Plus.
 * Cognito names each feature in its refusal; the email MFA name is a guess
 * (docs/research/research-mfa.md).
 */
export function checkTier(settings: PoolSettings): void {
  const tier = settings.UserPoolTier;
  const above: string[] = [];
  const factors = poolMfaFactors(settings);
  if (tier === "LITE" && (settings.Policies.SignInPolicy?.AllowedFirstAuthFactors ?? []).some((f) => f !== "PASSWORD")) {
    above.push("Passwordless Sign-In");
  }
  if (tier === "LITE" && factors.EmailMfa !== undefined) above.push("Email MFA");
  if (tier !== "PLUS" && (settings.UserPoolAddOns?.AdvancedSecurityMode ?? "OFF") !== "OFF") above.push("Threat Protection");
  if (above.length > 0) {
    throw new FeatureUnavailableInTierException(
      `The following features need to be disabled for the ${tier} pricing tier configured: ${above.join(", ")}`,
    );
  }
}

/**
 * SetUserPoolMfaConfig (cognito-2024-2026.md §6). The factor blocks replace
 * the pool's factors: a block left out turns that factor off (aws/aws-sdk-js
 * #4186: ON without any block is refused although the pool had SMS).
 * MfaConfiguration left out keeps the pool's; WebAuthnConfiguration left out
 * keeps the stored one.
 */
export function withMfaConfig(settings: PoolSettings, input: PoolMfaInput): PoolSettings {
  const mode = input.MfaConfiguration ?? settings.MfaConfiguration;
  const sms = input.SmsMfaConfiguration;
  const blocks = [sms, input.SoftwareTokenMfaConfiguration, input.EmailMfaConfiguration];
  if (mode === "OFF" && blocks.some((block) => block !== undefined)) {
    // Measured against AWS: go-to-k/cdkd #1923; WebAuthn with OFF is accepted.
    throw new InvalidParameterException("Invalid MFA configuration given, can't turn off MFA and configure an MFA together.");
  }
  const factors: MfaFactors = compact({
    SmsMfa: sms !== undefined,
    SoftwareTokenMfa: input.SoftwareTokenMfaConfiguration?.Enabled === true,
    EmailMfa: input.EmailMfaConfiguration,
    WebAuthn: input.WebAuthnConfiguration ?? poolMfaFactors(settings).WebAuthn,
  });
  if (mode !== "OFF" && offeredFactors(factors).length === 0) {
    // aws/aws-sdk-js #4186, anomalyco/sst #5177.
    throw new InvalidParameterException(
      "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.",
    );
  }
  const next: PoolSettings = compact({
    ...settings,
    MfaConfiguration: mode,
    SmsAuthenticationMessage: sms?.SmsAuthenticationMessage ?? settings.SmsAuthenticationMessage,
    SmsConfiguration: sms?.SmsConfiguration ?? settings.SmsConfiguration,
    MfaFactors: factors,
  });
  checkTier(next);
  if (factors.EmailMfa !== undefined && next.EmailConfiguration.EmailSendingAccount !== "DEVELOPER") {
    // Email MFA sends through Amazon SES in DEVELOPER mode (cognito-2024-2026.md §5); the wording is a guess.
    throw new InvalidParameterException("Email MFA requires an email configuration with EmailSendingAccount set to DEVELOPER.");
  }
  return next;
}

/** GetUserPoolMfaConfig's answer (and SetUserPoolMfaConfig's). */
export function mfaConfigOf(settings: PoolSettings) {
  const factors = poolMfaFactors(settings);
  return compact({
    SmsMfaConfiguration: factors.SmsMfa
      ? compact({ SmsAuthenticationMessage: settings.SmsAuthenticationMessage, SmsConfiguration: settings.SmsConfiguration })
      : undefined,
    SoftwareTokenMfaConfiguration: { Enabled: factors.SoftwareTokenMfa },
    EmailMfaConfiguration: factors.EmailMfa,
    MfaConfiguration: settings.MfaConfiguration,
    WebAuthnConfiguration: factors.WebAuthn,
  });
}
