import { InvalidParameterException } from "../../errors.js";
import { compact } from "../kernel/compact.js";
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from "./passwordPolicy.js";
import { checkTier, factorsAfterPoolUpdate, type MfaFactors, offeredFactors, poolMfaFactors } from "./poolMfa.js";
import { buildSchema, type SchemaAttribute, type SchemaAttributeInput } from "./schemaAttributes.js";

export type VerifiableAttribute = "phone_number" | "email";
export type AliasAttribute = "phone_number" | "email" | "preferred_username";

export interface MessageTemplate {
  SMSMessage?: string;
  EmailMessage?: string;
  EmailSubject?: string;
}

export interface VerificationMessageTemplate {
  SmsMessage?: string;
  EmailMessage?: string;
  EmailSubject?: string;
  EmailMessageByLink?: string;
  EmailSubjectByLink?: string;
  DefaultEmailOption?: "CONFIRM_WITH_LINK" | "CONFIRM_WITH_CODE";
}

export interface AdminCreateUserConfig {
  AllowAdminCreateUserOnly?: boolean;
  UnusedAccountValidityDays?: number;
  InviteMessageTemplate?: MessageTemplate;
}

export interface RecoveryOption {
  Priority: number;
  Name: "verified_email" | "verified_phone_number" | "admin_only";
}

/** Settings echoed back as sent; the server does not act on them (yet). */
type Opaque = { [key: string]: unknown };

/**
 * The settings of a user pool, stored as one document and returned by
 * DescribeUserPool as they are (member names as in UserPoolType).
 */
export interface PoolSettings {
  Policies: {
    PasswordPolicy: PasswordPolicy;
    SignInPolicy?: { AllowedFirstAuthFactors?: string[] };
  };
  DeletionProtection: "ACTIVE" | "INACTIVE";
  LambdaConfig: Opaque;
  SchemaAttributes: SchemaAttribute[];
  AutoVerifiedAttributes?: VerifiableAttribute[];
  AliasAttributes?: AliasAttribute[];
  UsernameAttributes?: VerifiableAttribute[];
  SmsVerificationMessage?: string;
  EmailVerificationMessage?: string;
  EmailVerificationSubject?: string;
  VerificationMessageTemplate: VerificationMessageTemplate;
  SmsAuthenticationMessage?: string;
  UserAttributeUpdateSettings: {
    AttributesRequireVerificationBeforeUpdate: VerifiableAttribute[];
  };
  MfaConfiguration: "OFF" | "ON" | "OPTIONAL";
  DeviceConfiguration?: Opaque;
  EmailConfiguration: Opaque;
  SmsConfiguration?: Opaque;
  UserPoolTags?: Record<string, string>;
  AdminCreateUserConfig: AdminCreateUserConfig;
  UserPoolAddOns?: {
    AdvancedSecurityMode: "OFF" | "AUDIT" | "ENFORCED";
    AdvancedSecurityAdditionalFlows?: Opaque;
  };
  UsernameConfiguration?: { CaseSensitive: boolean };
  AccountRecoverySetting?: { RecoveryMechanisms?: RecoveryOption[] };
  UserPoolTier: "LITE" | "ESSENTIALS" | "PLUS";
  KeyConfiguration?: Opaque;
  IssuerConfiguration?: Opaque;
  /** Not a UserPoolType member: the factors SetUserPoolMfaConfig offers (poolMfa.ts); absent in pools stored before it. */
  MfaFactors?: MfaFactors;
}

/** The settings members a CreateUserPool / UpdateUserPool request may carry. */
export interface PoolSettingsInput {
  Policies?: {
    PasswordPolicy?: Partial<PasswordPolicy>;
    SignInPolicy?: { AllowedFirstAuthFactors?: string[] };
  };
  DeletionProtection?: "ACTIVE" | "INACTIVE";
  LambdaConfig?: Opaque;
  AutoVerifiedAttributes?: VerifiableAttribute[];
  SmsVerificationMessage?: string;
  EmailVerificationMessage?: string;
  EmailVerificationSubject?: string;
  VerificationMessageTemplate?: VerificationMessageTemplate;
  SmsAuthenticationMessage?: string;
  UserAttributeUpdateSettings?: {
    AttributesRequireVerificationBeforeUpdate?: VerifiableAttribute[];
  };
  MfaConfiguration?: "OFF" | "ON" | "OPTIONAL";
  DeviceConfiguration?: Opaque;
  EmailConfiguration?: Opaque;
  SmsConfiguration?: Opaque;
  UserPoolTags?: Record<string, string>;
  AdminCreateUserConfig?: AdminCreateUserConfig;
  UserPoolAddOns?: {
    AdvancedSecurityMode: "OFF" | "AUDIT" | "ENFORCED";
    AdvancedSecurityAdditionalFlows?: Opaque;
  };
  AccountRecoverySetting?: { RecoveryMechanisms?: RecoveryOption[] };
  UserPoolTier?: "LITE" | "ESSENTIALS" | "PLUS";
  KeyConfiguration?: Opaque;
  IssuerConfiguration?: Opaque;
}

/** Members only CreateUserPool may set; they are fixed for the pool's life (reference §3.3). */
export interface PoolCreationInput extends PoolSettingsInput {
  Schema?: SchemaAttributeInput[];
  AliasAttributes?: AliasAttribute[];
  UsernameAttributes?: VerifiableAttribute[];
  UsernameConfiguration?: { CaseSensitive: boolean };
}

type Fixed = Pick<PoolSettings, "SchemaAttributes" | "AliasAttributes" | "UsernameAttributes" | "UsernameConfiguration">;

function passwordPolicy(input: Partial<PasswordPolicy> | undefined): PasswordPolicy {
  if (input === undefined) return { ...DEFAULT_PASSWORD_POLICY };
  // A policy that is sent replaces the default: unset requirements are off.
  const policy: PasswordPolicy = {
    MinimumLength: input.MinimumLength ?? DEFAULT_PASSWORD_POLICY.MinimumLength,
    RequireUppercase: input.RequireUppercase ?? false,
    RequireLowercase: input.RequireLowercase ?? false,
    RequireNumbers: input.RequireNumbers ?? false,
    RequireSymbols: input.RequireSymbols ?? false,
    // 0 means "the default" (reference §2.5).
    TemporaryPasswordValidityDays: input.TemporaryPasswordValidityDays || DEFAULT_PASSWORD_POLICY.TemporaryPasswordValidityDays,
  };
  if (input.PasswordHistorySize !== undefined) policy.PasswordHistorySize = input.PasswordHistorySize;
  return policy;
}

/**
 * The legacy top-level verification messages and VerificationMessageTemplate
 * describe the same texts; Cognito keeps them in step, so a value given in
 * either place shows up in both.
 */
function verificationMessages(input: PoolSettingsInput) {
  const template = compact({
    ...input.VerificationMessageTemplate,
    SmsMessage: input.VerificationMessageTemplate?.SmsMessage ?? input.SmsVerificationMessage,
    EmailMessage: input.VerificationMessageTemplate?.EmailMessage ?? input.EmailVerificationMessage,
    EmailSubject: input.VerificationMessageTemplate?.EmailSubject ?? input.EmailVerificationSubject,
    DefaultEmailOption: input.VerificationMessageTemplate?.DefaultEmailOption ?? "CONFIRM_WITH_CODE",
  });
  return {
    VerificationMessageTemplate: template,
    ...compact({
      SmsVerificationMessage: template.SmsMessage,
      EmailVerificationMessage: template.EmailMessage,
      EmailVerificationSubject: template.EmailSubject,
    }),
  };
}

/**
 * Settings from a create or update request. Omitted settings take their
 * defaults: UpdateUserPool has replace semantics (reference §3.3), so an
 * update is built the same way, keeping only the members fixed at creation.
 */
function settingsFrom(input: PoolSettingsInput, fixed: Fixed, currentFactors?: MfaFactors): PoolSettings {
  const mode = input.MfaConfiguration ?? "OFF";
  const factors = factorsAfterPoolUpdate(mode, input.SmsConfiguration !== undefined, currentFactors);
  if (mode !== "OFF" && offeredFactors(factors).length === 0) {
    // Reference §3.3: SMS MFA needs an SMS configuration; TOTP and email MFA are set with SetUserPoolMfaConfig.
    throw new InvalidParameterException("SMS configuration is required when MFA is ON or OPTIONAL.");
  }
  const adminCreate = input.AdminCreateUserConfig;
  const settings: PoolSettings = {
    Policies: {
      PasswordPolicy: passwordPolicy(input.Policies?.PasswordPolicy),
      SignInPolicy: input.Policies?.SignInPolicy ?? {
        AllowedFirstAuthFactors: ["PASSWORD"],
      },
    },
    DeletionProtection: input.DeletionProtection ?? "INACTIVE",
    LambdaConfig: input.LambdaConfig ?? {},
    ...fixed,
    ...verificationMessages(input),
    UserAttributeUpdateSettings: {
      AttributesRequireVerificationBeforeUpdate:
        input.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [],
    },
    MfaConfiguration: mode,
    EmailConfiguration: input.EmailConfiguration ?? {
      EmailSendingAccount: "COGNITO_DEFAULT",
    },
    AdminCreateUserConfig: {
      ...adminCreate,
      AllowAdminCreateUserOnly: adminCreate?.AllowAdminCreateUserOnly ?? false,
      UnusedAccountValidityDays: adminCreate?.UnusedAccountValidityDays ?? 7,
    },
    UserPoolTier: input.UserPoolTier ?? "ESSENTIALS",
    // Cognito answers "UserPoolTags": {} for a pool without tags (describe-user-pool output in
    // kengraf/nadialin; a 2025 DescribeUserPool answer in prowler's test fixtures).
    UserPoolTags: input.UserPoolTags ?? {},
  };
  const optional = {
    AutoVerifiedAttributes: input.AutoVerifiedAttributes,
    SmsAuthenticationMessage: input.SmsAuthenticationMessage,
    DeviceConfiguration: input.DeviceConfiguration,
    SmsConfiguration: input.SmsConfiguration,
    UserPoolAddOns: input.UserPoolAddOns,
    AccountRecoverySetting: input.AccountRecoverySetting,
    KeyConfiguration: input.KeyConfiguration,
    IssuerConfiguration: input.IssuerConfiguration,
  };
  const verifyBeforeUpdate = settings.UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate;
  for (const attribute of verifyBeforeUpdate) {
    if (!(input.AutoVerifiedAttributes ?? []).includes(attribute)) {
      throw new InvalidParameterException(
        `${attribute} must be an auto-verified attribute to be listed in AttributesRequireVerificationBeforeUpdate.`,
      );
    }
  }
  const complete: PoolSettings = { ...settings, ...compact(optional), MfaFactors: factors };
  checkTier(complete);
  return complete;
}

export function newPoolSettings(input: PoolCreationInput): PoolSettings {
  if (input.AliasAttributes !== undefined && input.UsernameAttributes !== undefined) {
    throw new InvalidParameterException("AliasAttributes and UsernameAttributes are mutually exclusive.");
  }
  const schema = buildSchema(input.Schema ?? []);
  if (
    input.AliasAttributes?.includes("preferred_username") &&
    schema.some((a) => a.Name === "preferred_username" && a.Required)
  ) {
    throw new InvalidParameterException("preferred_username cannot be both an alias and a required attribute.");
  }
  const fixed: Fixed = compact({
    SchemaAttributes: schema,
    AliasAttributes: input.AliasAttributes,
    UsernameAttributes: input.UsernameAttributes,
    UsernameConfiguration: input.UsernameConfiguration,
  });
  return settingsFrom(input, fixed);
}

export function updatedPoolSettings(current: PoolSettings, input: PoolSettingsInput): PoolSettings {
  const fixed: Fixed = compact({
    SchemaAttributes: current.SchemaAttributes,
    AliasAttributes: current.AliasAttributes,
    UsernameAttributes: current.UsernameAttributes,
    UsernameConfiguration: current.UsernameConfiguration,
  });
  return settingsFrom(input, fixed, poolMfaFactors(current));
}

/** Usernames compare case-insensitively unless the pool says otherwise; the API default is case-sensitive (reference §2.4). */
export function isCaseSensitive(settings: PoolSettings): boolean {
  return settings.UsernameConfiguration?.CaseSensitive ?? true;
}
