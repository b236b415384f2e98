/**
 * Named types of the Cognito API model (botocore cognito-idp 2016-04-18),
 * with their constraints, shared by the operations' request shapes. Each
 * operation file composes its request from these; constraints live here once.
 */
import { EMAIL_ADDRESS, EMAIL_MESSAGE, EMAIL_MESSAGE_BY_LINK } from "./linearPatterns.js";
import { boolean, enumOf, integer, list, map, required, string, struct } from "./shape.js";

const ARN = "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?";
const PRINTABLE = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+";

export const UserPoolIdType = string({
  min: 1,
  max: 55,
  pattern: "[\\w-]+_[0-9a-zA-Z]+",
});
export const UsernameType = string({
  min: 1,
  max: 128,
  pattern: PRINTABLE,
  sensitive: true,
});
export const ClientIdType = string({
  min: 1,
  max: 128,
  pattern: "[\\w+]+",
  sensitive: true,
});
export const ClientNameType = string({
  min: 1,
  max: 128,
  pattern: "[\\w\\s+=,.@-]+",
});
export const ClientSecretType = string({
  min: 24,
  max: 64,
  pattern: "[\\w+]+",
  sensitive: true,
});
export const UserPoolNameType = string({
  min: 1,
  max: 128,
  pattern: "[\\w\\s+=,.@-]+",
});
export const GroupNameType = string({ min: 1, max: 128, pattern: PRINTABLE });
export const DescriptionType = string({ max: 2048 });
/** The model sets only a minimum; CreateGroup's documentation: "The maximum Precedence value is 2^31-1." */
export const PrecedenceType = integer({ min: 0, max: 2_147_483_647 });
export const ArnType = string({ min: 20, max: 2048, pattern: ARN });
export const PasswordType = string({
  max: 256,
  pattern: "[\\S]+",
  sensitive: true,
});
export const PaginationKeyType = string({ min: 1, pattern: "[\\S]+" });
export const PaginationKey = string({ min: 1, max: 131072, pattern: "[\\S]+" });
export const QueryLimitType = integer({ min: 0, max: 60 });
export const PoolQueryLimitType = integer({ min: 1, max: 60 });
export const StringType = string({ max: 131072 });
export const ClientMetadataType = map(StringType);

export const AttributeNameType = string({
  min: 1,
  max: 32,
  pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+",
});
export const AttributeType = struct({
  Name: required(AttributeNameType),
  Value: string({ max: 2048, sensitive: true }),
});
export const AttributeListType = list(AttributeType);
export const AttributeNameListType = list(AttributeNameType);

export const DeliveryMediumType = enumOf(["SMS", "EMAIL"]);
export const MessageActionType = enumOf(["RESEND", "SUPPRESS"]);
export const VerifiedAttributeType = enumOf(["phone_number", "email"]);
export const AliasAttributeType = enumOf(["phone_number", "email", "preferred_username"]);

export const SecretHashType = string({
  min: 1,
  max: 128,
  pattern: "[\\w+=/]+",
  sensitive: true,
});
export const ConfirmationCodeType = string({ min: 1, max: 2048, pattern: "[\\S]+" });
export const SessionType = string({ min: 20, max: 2048, sensitive: true });
export const TokenModelType = string({ pattern: "[A-Za-z0-9-_=.]+", sensitive: true });
export const AuthFlowType = enumOf([
  "USER_SRP_AUTH",
  "REFRESH_TOKEN_AUTH",
  "REFRESH_TOKEN",
  "CUSTOM_AUTH",
  "ADMIN_NO_SRP_AUTH",
  "USER_PASSWORD_AUTH",
  "ADMIN_USER_PASSWORD_AUTH",
  "USER_AUTH",
]);
export const ChallengeNameType = enumOf([
  "SMS_MFA",
  "EMAIL_OTP",
  "SOFTWARE_TOKEN_MFA",
  "SELECT_MFA_TYPE",
  "MFA_SETUP",
  "PASSWORD_VERIFIER",
  "CUSTOM_CHALLENGE",
  "SELECT_CHALLENGE",
  "DEVICE_SRP_AUTH",
  "DEVICE_PASSWORD_VERIFIER",
  "ADMIN_NO_SRP_AUTH",
  "NEW_PASSWORD_REQUIRED",
  "SMS_OTP",
  "PASSWORD",
  "WEB_AUTHN",
  "PASSWORD_SRP",
]);
/** AuthParameters and ChallengeResponses: string maps holding passwords and tokens, never echoed. */
export const SensitiveMapType = map(string({ max: 131072, sensitive: true }));

export const AnalyticsMetadataType = struct({
  AnalyticsEndpointId: StringType,
});
export const UserContextDataType = struct({
  IpAddress: StringType,
  EncodedData: StringType,
});
export const ContextDataType = struct({
  IpAddress: required(StringType),
  ServerName: required(StringType),
  ServerPath: required(StringType),
  HttpHeaders: required(list(struct({ headerName: StringType, headerValue: StringType }))),
  EncodedData: StringType,
});

// --- user pool settings -------------------------------------------------------

const SMS_TEMPLATE = string({ min: 6, max: 140, pattern: ".*\\{####\\}.*" });
const EMAIL_TEMPLATE = string({ min: 6, max: 20000, ...EMAIL_MESSAGE });
const EMAIL_SUBJECT = string({
  min: 1,
  max: 140,
  pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+",
});

export const PasswordPolicyType = struct({
  MinimumLength: integer({ min: 6, max: 99 }),
  RequireUppercase: boolean(),
  RequireLowercase: boolean(),
  RequireNumbers: boolean(),
  RequireSymbols: boolean(),
  PasswordHistorySize: integer({ min: 0, max: 24 }),
  TemporaryPasswordValidityDays: integer({ min: 0, max: 365 }),
});

export const UserPoolPolicyType = struct({
  PasswordPolicy: PasswordPolicyType,
  SignInPolicy: struct({
    AllowedFirstAuthFactors: list(enumOf(["PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN", "SOFTWARE_TOKEN"]), {
      min: 1,
      max: 5,
    }),
  }),
});

const LambdaVersionConfig = <V extends string>(versions: readonly V[]) =>
  struct({
    LambdaVersion: required(enumOf(versions)),
    LambdaArn: required(ArnType),
  });

export const LambdaConfigType = struct({
  PreSignUp: ArnType,
  CustomMessage: ArnType,
  PostConfirmation: ArnType,
  PreAuthentication: ArnType,
  PostAuthentication: ArnType,
  DefineAuthChallenge: ArnType,
  CreateAuthChallenge: ArnType,
  VerifyAuthChallengeResponse: ArnType,
  PreTokenGeneration: ArnType,
  UserMigration: ArnType,
  PreTokenGenerationConfig: LambdaVersionConfig(["V1_0", "V2_0", "V3_0"]),
  CustomSMSSender: LambdaVersionConfig(["V1_0"]),
  CustomEmailSender: LambdaVersionConfig(["V1_0"]),
  KMSKeyID: ArnType,
  InboundFederation: LambdaVersionConfig(["V1_0"]),
});

export const VerificationMessageTemplateType = struct({
  SmsMessage: SMS_TEMPLATE,
  EmailMessage: EMAIL_TEMPLATE,
  EmailSubject: EMAIL_SUBJECT,
  EmailMessageByLink: string({ min: 6, max: 20000, ...EMAIL_MESSAGE_BY_LINK }),
  EmailSubjectByLink: EMAIL_SUBJECT,
  DefaultEmailOption: enumOf(["CONFIRM_WITH_LINK", "CONFIRM_WITH_CODE"]),
});

export const MessageTemplateType = struct({
  SMSMessage: string({ min: 6, max: 140, pattern: "(?s).*" }),
  EmailMessage: string({
    min: 6,
    max: 20000,
    pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*",
  }),
  EmailSubject: EMAIL_SUBJECT,
});

export const AdminCreateUserConfigType = struct({
  AllowAdminCreateUserOnly: boolean(),
  UnusedAccountValidityDays: integer({ min: 0, max: 365 }),
  InviteMessageTemplate: MessageTemplateType,
});

export const SchemaAttributeType = struct({
  Name: string({ min: 1, max: 20, pattern: PRINTABLE }),
  AttributeDataType: enumOf(["String", "Number", "DateTime", "Boolean"]),
  DeveloperOnlyAttribute: boolean(),
  Mutable: boolean(),
  Required: boolean(),
  NumberAttributeConstraints: struct({
    MinValue: StringType,
    MaxValue: StringType,
  }),
  StringAttributeConstraints: struct({
    MinLength: StringType,
    MaxLength: StringType,
  }),
});

export const UserPoolAddOnsType = struct({
  AdvancedSecurityMode: required(enumOf(["OFF", "AUDIT", "ENFORCED"])),
  AdvancedSecurityAdditionalFlows: struct({
    CustomAuthMode: enumOf(["AUDIT", "ENFORCED"]),
  }),
});

export const AccountRecoverySettingType = struct({
  RecoveryMechanisms: list(
    struct({
      Priority: required(integer({ min: 1, max: 2 })),
      Name: required(enumOf(["verified_email", "verified_phone_number", "admin_only"])),
    }),
    { min: 1, max: 2 },
  ),
});

export const DeviceConfigurationType = struct({
  ChallengeRequiredOnNewDevice: boolean(),
  DeviceOnlyRememberedOnUserPrompt: boolean(),
});

export const EmailConfigurationType = struct({
  SourceArn: ArnType,
  // EmailAddressType: the model sets no maximum length.
  ReplyToEmailAddress: string(EMAIL_ADDRESS),
  EmailSendingAccount: enumOf(["COGNITO_DEFAULT", "DEVELOPER"]),
  From: StringType,
  ConfigurationSet: string({ min: 1, max: 64, pattern: "^[a-zA-Z0-9_-]+$" }),
});

export const SmsConfigurationType = struct({
  SnsCallerArn: string({ max: 2048, pattern: `(${ARN})?` }),
  ExternalId: StringType,
  SnsRegion: string({ min: 5, max: 32 }),
  EumsSms: struct({
    CallerArn: required(ArnType),
    ExternalId: StringType,
    OriginationIdentity: StringType,
    ConfigurationSetName: StringType,
    InEntityId: StringType,
    InTemplateId: StringType,
    Region: string({ min: 5, max: 32 }),
  }),
});

export const UserAttributeUpdateSettingsType = struct({
  AttributesRequireVerificationBeforeUpdate: list(VerifiedAttributeType),
});

export const KeyConfigurationType = struct({
  KeyType: enumOf(["AWS_OWNED_KEY", "CUSTOMER_MANAGED_KEY"]),
  KmsKeyArn: ArnType,
});

export const IssuerConfigurationType = struct({
  Type: enumOf(["ORIGINAL", "UPDATED"]),
});

// --- multi-factor authentication ------------------------------------------------

export const UserPoolMfaType = enumOf(["OFF", "ON", "OPTIONAL"]);
export const SmsMfaConfigType = struct({
  SmsAuthenticationMessage: SMS_TEMPLATE,
  SmsConfiguration: SmsConfigurationType,
});
export const SoftwareTokenMfaConfigType = struct({ Enabled: boolean() });
export const EmailMfaConfigType = struct({
  Message: EMAIL_TEMPLATE,
  Subject: string({ pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s]+" }),
});
export const WebAuthnConfigurationType = struct({
  RelyingPartyId: string({ min: 1, max: 127 }),
  UserVerification: enumOf(["required", "preferred"]),
  FactorConfiguration: enumOf(["SINGLE_FACTOR", "MULTI_FACTOR_WITH_USER_VERIFICATION"]),
});
/** SMSMfaSettingsType, SoftwareTokenMfaSettingsType and EmailMfaSettingsType have this one shape. */
export const MfaSettingsType = struct({ Enabled: boolean(), PreferredMfa: boolean() });
/** The factor settings members of AdminSetUserMFAPreference and SetUserMFAPreference. */
export const mfaPreferenceMembers = {
  SMSMfaSettings: MfaSettingsType,
  SoftwareTokenMfaSettings: MfaSettingsType,
  EmailMfaSettings: MfaSettingsType,
  WebAuthnMfaSettings: struct({ Enabled: boolean() }),
} as const;
export const MFAOptionListType = list(struct({ DeliveryMedium: DeliveryMediumType, AttributeName: AttributeNameType }));
export const SoftwareTokenMFAUserCodeType = string({ min: 6, max: 6, pattern: "[0-9]+", sensitive: true });

/** The settings members CreateUserPool and UpdateUserPool share. */
export const poolSettingsMembers = {
  Policies: UserPoolPolicyType,
  DeletionProtection: enumOf(["ACTIVE", "INACTIVE"]),
  LambdaConfig: LambdaConfigType,
  AutoVerifiedAttributes: list(VerifiedAttributeType),
  SmsVerificationMessage: SMS_TEMPLATE,
  EmailVerificationMessage: EMAIL_TEMPLATE,
  EmailVerificationSubject: EMAIL_SUBJECT,
  VerificationMessageTemplate: VerificationMessageTemplateType,
  SmsAuthenticationMessage: SMS_TEMPLATE,
  UserAttributeUpdateSettings: UserAttributeUpdateSettingsType,
  MfaConfiguration: UserPoolMfaType,
  DeviceConfiguration: DeviceConfigurationType,
  EmailConfiguration: EmailConfigurationType,
  SmsConfiguration: SmsConfigurationType,
  UserPoolTags: map(string({ max: 256 })),
  AdminCreateUserConfig: AdminCreateUserConfigType,
  UserPoolAddOns: UserPoolAddOnsType,
  AccountRecoverySetting: AccountRecoverySettingType,
  UserPoolTier: enumOf(["LITE", "ESSENTIALS", "PLUS"]),
  KeyConfiguration: KeyConfigurationType,
  IssuerConfiguration: IssuerConfigurationType,
} as const;

// --- app client settings -------------------------------------------------------

const TimeUnitsType = enumOf(["seconds", "minutes", "hours", "days"]);
const URL_LIST = list(string({ min: 1, max: 1024, pattern: PRINTABLE }), {
  max: 100,
});

/** The settings members CreateUserPoolClient and UpdateUserPoolClient share. */
export const clientSettingsMembers = {
  RefreshTokenValidity: integer({ min: 0, max: 315360000 }),
  AccessTokenValidity: integer({ min: 1, max: 86400 }),
  IdTokenValidity: integer({ min: 1, max: 86400 }),
  TokenValidityUnits: struct({
    AccessToken: TimeUnitsType,
    IdToken: TimeUnitsType,
    RefreshToken: TimeUnitsType,
  }),
  ReadAttributes: list(string({ min: 1, max: 2048 })),
  WriteAttributes: list(string({ min: 1, max: 2048 })),
  ExplicitAuthFlows: list(
    enumOf([
      "ADMIN_NO_SRP_AUTH",
      "CUSTOM_AUTH_FLOW_ONLY",
      "USER_PASSWORD_AUTH",
      "ALLOW_ADMIN_USER_PASSWORD_AUTH",
      "ALLOW_CUSTOM_AUTH",
      "ALLOW_USER_PASSWORD_AUTH",
      "ALLOW_USER_SRP_AUTH",
      "ALLOW_REFRESH_TOKEN_AUTH",
      "ALLOW_USER_AUTH",
    ]),
  ),
  SupportedIdentityProviders: list(
    string({
      min: 1,
      max: 32,
      pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\p{Z}]+",
    }),
  ),
  CallbackURLs: URL_LIST,
  LogoutURLs: URL_LIST,
  DefaultRedirectURI: string({ min: 1, max: 1024, pattern: PRINTABLE }),
  AllowedOAuthFlows: list(enumOf(["code", "implicit", "client_credentials"]), {
    max: 3,
  }),
  AllowedOAuthScopes: list(string({ min: 1, max: 256, pattern: "[\\x21\\x23-\\x5B\\x5D-\\x7E]+" }), { max: 50 }),
  AllowedOAuthFlowsUserPoolClient: boolean(),
  AnalyticsConfiguration: struct({
    ApplicationId: string({ pattern: "^[0-9a-fA-F]+$" }),
    ApplicationArn: ArnType,
    RoleArn: ArnType,
    ExternalId: StringType,
    UserDataShared: boolean(),
  }),
  PreventUserExistenceErrors: enumOf(["LEGACY", "ENABLED"]),
  EnableTokenRevocation: boolean(),
  EnablePropagateAdditionalUserContextData: boolean(),
  AuthSessionValidity: integer({ min: 3, max: 15 }),
  RefreshTokenRotation: struct({
    Feature: required(enumOf(["ENABLED", "DISABLED"])),
    RetryGracePeriodSeconds: integer({ min: 0, max: 60 }),
  }),
} as const;

/**
 * The members every client-id based self-service request has (SignUp,
 * ConfirmSignUp, ResendConfirmationCode, ForgotPassword,
 * ConfirmForgotPassword). AnalyticsMetadata, UserContextData and
 * ClientMetadata feed analytics, risk scoring and triggers; they are accepted
 * and checked until those exist.
 */
export const selfServiceMembers = {
  ClientId: required(ClientIdType),
  SecretHash: SecretHashType,
  Username: required(UsernameType),
  AnalyticsMetadata: AnalyticsMetadataType,
  UserContextData: UserContextDataType,
  ClientMetadata: ClientMetadataType,
} as const;

/** The members of CreateGroup and UpdateGroup, which the model gives the same shape. */
export const groupRequestMembers = {
  GroupName: required(GroupNameType),
  UserPoolId: required(UserPoolIdType),
  Description: DescriptionType,
  RoleArn: ArnType,
  Precedence: PrecedenceType,
} as const;
