import { InvalidParameterException } from "../../errors.js";

export type ProviderType = "SAML" | "Facebook" | "Google" | "LoginWithAmazon" | "SignInWithApple" | "OIDC";

/** The social providers, whose ProviderName must be the type itself ("Provider X cannot be of type Google.", aws/aws-cli#3179). */
export const SOCIAL_TYPES: ReadonlySet<ProviderType> = new Set(["Facebook", "Google", "LoginWithAmazon", "SignInWithApple"]);

/** ProviderDetails keys that hold secrets: sealed at rest. */
export const SECRET_DETAILS: readonly string[] = ["client_secret", "private_key"];

/**
 * The keys each type requires (CreateIdentityProvider API reference,
 * ProviderDetails). SAML needs MetadataFile or MetadataURL.
 */
const REQUIRED: Record<ProviderType, readonly string[]> = {
  Google: ["client_id", "client_secret", "authorize_scopes"],
  Facebook: ["client_id", "client_secret", "authorize_scopes"],
  LoginWithAmazon: ["client_id", "client_secret", "authorize_scopes"],
  SignInWithApple: ["client_id", "team_id", "key_id", "private_key", "authorize_scopes"],
  OIDC: ["client_id", "attributes_request_method", "oidc_issuer", "authorize_scopes"],
  SAML: [],
};

/**
 * The endpoints Cognito fills in for the social providers, as Describe
 * returns them (research-pool-surface.md: recalled from Terraform threads on
 * aws_cognito_identity_provider diffs; Facebook's Graph API version follows
 * Cognito's default `api_version`).
 */
function filledIn(type: ProviderType, details: Record<string, string>): Record<string, string> {
  switch (type) {
    case "Google":
      return {
        attributes_url: "https://people.googleapis.com/v1/people/me?personFields=",
        attributes_url_add_attributes: "true",
        authorize_url: "https://accounts.google.com/o/oauth2/v2/auth",
        oidc_issuer: "https://accounts.google.com",
        token_request_method: "POST",
        token_url: "https://www.googleapis.com/oauth2/v4/token",
      };
    case "Facebook": {
      const version = details.api_version ?? "v17.0";
      return {
        api_version: version,
        attributes_url: `https://graph.facebook.com/${version}/me?fields=`,
        attributes_url_add_attributes: "true",
        authorize_url: `https://www.facebook.com/${version}/dialog/oauth`,
        token_request_method: "GET",
        token_url: `https://graph.facebook.com/${version}/oauth/access_token`,
      };
    }
    case "LoginWithAmazon":
      return {
        attributes_url: "https://api.amazon.com/user/profile",
        attributes_url_add_attributes: "false",
        authorize_url: "https://www.amazon.com/ap/oa",
        token_request_method: "POST",
        token_url: "https://api.amazon.com/auth/o2/token",
      };
    case "SignInWithApple":
      return {
        attributes_url_add_attributes: "false",
        authorize_url: "https://appleid.apple.com/auth/authorize",
        oidc_issuer: "https://appleid.apple.com",
        token_request_method: "POST",
        token_url: "https://appleid.apple.com/auth/token",
      };
    case "OIDC":
      // Without discovery (nothing is fetched here) only this default is added; the endpoints the caller gives are kept.
      return { attributes_url_add_attributes: "false" };
    case "SAML":
      return {};
  }
}

/**
 * Checks a provider's details and returns them as Cognito stores them: the
 * caller's values over the filled-in defaults. Messages for missing keys are
 * guessed (research-pool-surface.md).
 */
export function checkedDetails(type: ProviderType, details: Record<string, string>): Record<string, string> {
  for (const key of REQUIRED[type]) {
    if (details[key] === undefined || details[key] === "") {
      throw new InvalidParameterException(`${key} is required for ${type} provider.`);
    }
  }
  if (type === "SAML" && details.MetadataFile === undefined && details.MetadataURL === undefined) {
    throw new InvalidParameterException("Either MetadataFile or MetadataURL is required for SAML provider.");
  }
  if (type === "SAML" && details.MetadataFile !== undefined && details.MetadataURL !== undefined) {
    throw new InvalidParameterException("Only one of MetadataFile or MetadataURL may be given for SAML provider.");
  }
  return { ...filledIn(type, details), ...details };
}
