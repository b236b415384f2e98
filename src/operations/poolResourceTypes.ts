/**
 * Named types of the Cognito API model (botocore cognito-idp 2016-04-18, and
 * @aws-sdk/client-cognito-identity-provider 3.1169.0 for members added since)
 * for a pool's configuration objects: domains, identity providers, resource
 * servers, UI customization, log delivery and tags.
 */
import { ArnType, StringType } from "./modelTypes.js";
import { enumOf, integer, list, map, mapWithKeys, required, string, struct } from "./shape.js";

/**
 * DomainType: 1..63. The model's pattern is not applied by the front end: a
 * custom domain is a dotted name, and a prefix is checked by Cognito with its
 * own message (domain/hostedUi/domains.ts).
 */
export const DomainType = string({ min: 1, max: 63 });
export const CustomDomainConfigType = struct({
  CertificateArn: required(ArnType),
  SecurityPolicy: enumOf(["TLS_V1", "TLS_V1_2_2021", "TLS_V1_3_2025"]),
});
export const ManagedLoginVersionType = integer();
export const RoutingType = struct({
  Failover: struct({
    SecondaryRegion: required(string({ min: 1, max: 32 })),
    PrimaryRoute53HealthCheckId: required(string({ min: 1, max: 64 })),
  }),
});

/** CreateIdentityProvider's name: no leading or trailing underscore or space. */
export const ProviderNameTypeV2 = string({
  min: 1,
  max: 32,
  pattern: "[^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+",
});
export const ProviderNameType = string({ min: 1, max: 32, pattern: "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\p{Z}]+" });
export const IdentityProviderTypeType = enumOf(["SAML", "Facebook", "Google", "LoginWithAmazon", "SignInWithApple", "OIDC"]);
export const ProviderDetailsType = map(StringType);
export const AttributeMappingType = map(StringType);
export const IdpIdentifierType = string({ min: 1, max: 40, pattern: "[\\w\\s+=.@-]+" });
export const IdpIdentifiersListType = list(IdpIdentifierType, { max: 50 });
export const ListProvidersLimitType = integer({ min: 1, max: 60 });

export const ResourceServerIdentifierType = string({ min: 1, max: 256, pattern: "[\\x21\\x23-\\x5B\\x5D-\\x7E]+" });
export const ResourceServerNameType = string({ min: 1, max: 256, pattern: "[\\w\\s+=,.@-]+" });
export const ResourceServerScopeType = struct({
  ScopeName: required(string({ min: 1, max: 256, pattern: "[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+" })),
  ScopeDescription: required(string({ min: 1, max: 256 })),
});
export const ResourceServerScopeListType = list(ResourceServerScopeType, { max: 100 });
export const ListResourceServersLimitType = integer({ min: 1, max: 50 });

export const CSSType = StringType;

export const LogConfigurationType = struct({
  LogLevel: required(enumOf(["ERROR", "INFO"])),
  EventSource: required(enumOf(["userNotification", "userAuthEvents"])),
  CloudWatchLogsConfiguration: struct({ LogGroupArn: ArnType }),
  S3Configuration: struct({
    BucketArn: string({
      min: 3,
      max: 1024,
      pattern: "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:::[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?",
    }),
  }),
  FirehoseConfiguration: struct({ StreamArn: ArnType }),
});
export const LogConfigurationListType = list(LogConfigurationType, { max: 2 });

export const TagKeysType = string({ min: 1, max: 128, pattern: "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$" });
export const TagValueType = string({ max: 256, pattern: "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$" });
/** ImageFileType: a blob, base64 on the wire. Cognito takes PNG or JPEG up to 100 kB (hosted UI customization docs). */
export const ImageFileType = string({ max: Math.ceil((100 * 1024) / 3) * 4, pattern: "[A-Za-z0-9+/]*={0,2}" });
/** UserPoolTagsType: a map of up to 50 tags (the limit is checked in the domain, which sees the pool's tags too). */
export const UserPoolTagsType = mapWithKeys(TagKeysType, TagValueType);
export const UserPoolTagsListType = list(TagKeysType);
/** ClientSecretId: the model's limits were not found; the ids this server makes are 32 hex digits (research-pool-surface.md). */
export const ClientSecretIdType = string({ min: 1, max: 128, pattern: "[\\w+-]+" });
/** ProviderUserIdentifierType: every member optional in the model; the domain says which a call needs. */
export const ProviderUserIdentifierType = struct({
  ProviderName: ProviderNameType,
  ProviderAttributeName: StringType,
  ProviderAttributeValue: StringType,
});

/** Terms documents: the enums are the SDK's; lengths were not found and are left open but for a minimum. */
export const TermsNameType = string({ min: 1, max: 128 });
export const TermsSourceType = enumOf(["LINK"]);
export const TermsEnforcementType = enumOf(["NONE"]);
export const LinksType = map(string({ min: 1, max: 1024 }));
export const TermsIdType = string({ min: 1, max: 64, pattern: "[\\w-]+" });
export const ListTermsLimitType = integer({ min: 1, max: 60 });

/** Managed login branding: the enums are the SDK's; an asset's size is bounded by the request body cap (1 MiB) only. */
export const AssetType = struct({
  Category: required(
    enumOf([
      "FAVICON_ICO",
      "FAVICON_SVG",
      "EMAIL_GRAPHIC",
      "SMS_GRAPHIC",
      "AUTH_APP_GRAPHIC",
      "PASSWORD_GRAPHIC",
      "PASSKEY_GRAPHIC",
      "PAGE_HEADER_LOGO",
      "PAGE_HEADER_BACKGROUND",
      "PAGE_FOOTER_LOGO",
      "PAGE_FOOTER_BACKGROUND",
      "PAGE_BACKGROUND",
      "FORM_BACKGROUND",
      "FORM_LOGO",
      "IDP_BUTTON_ICON",
    ]),
  ),
  ColorMode: required(enumOf(["LIGHT", "DARK", "DYNAMIC"])),
  Extension: required(enumOf(["ICO", "JPEG", "PNG", "SVG", "WEBP"])),
  Bytes: string({ pattern: "[A-Za-z0-9+/]*={0,2}" }),
  ResourceId: string({ min: 1, max: 40, pattern: "^[\\w\\- ]+$" }),
});
export const AssetListType = list(AssetType, { max: 40 });
export const ManagedLoginBrandingIdType = string({
  pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
});
