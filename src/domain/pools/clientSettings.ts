import { InvalidParameterException } from "../../errors.js";
import { compact } from "../kernel/compact.js";
import type { SchemaAttribute } from "./schemaAttributes.js";

export type TimeUnit = "seconds" | "minutes" | "hours" | "days";

export type ExplicitAuthFlow =
  | "ADMIN_NO_SRP_AUTH"
  | "CUSTOM_AUTH_FLOW_ONLY"
  | "USER_PASSWORD_AUTH"
  | "ALLOW_ADMIN_USER_PASSWORD_AUTH"
  | "ALLOW_CUSTOM_AUTH"
  | "ALLOW_USER_PASSWORD_AUTH"
  | "ALLOW_USER_SRP_AUTH"
  | "ALLOW_REFRESH_TOKEN_AUTH"
  | "ALLOW_USER_AUTH";

type Opaque = { [key: string]: unknown };

/**
 * The settings of an app client, as UserPoolClientType names them and as
 * Cognito echoes them: lifetimes, units, flows and PreventUserExistenceErrors
 * appear only when they were set (research notes, CreateUserPoolClient);
 * the effective values come from the functions below.
 */
export interface ClientSettings {
  RefreshTokenValidity: number;
  AccessTokenValidity?: number;
  IdTokenValidity?: number;
  TokenValidityUnits: {
    AccessToken?: TimeUnit;
    IdToken?: TimeUnit;
    RefreshToken?: TimeUnit;
  };
  ReadAttributes?: string[];
  WriteAttributes?: string[];
  ExplicitAuthFlows?: ExplicitAuthFlow[];
  SupportedIdentityProviders?: string[];
  CallbackURLs?: string[];
  LogoutURLs?: string[];
  DefaultRedirectURI?: string;
  AllowedOAuthFlows?: ("code" | "implicit" | "client_credentials")[];
  AllowedOAuthScopes?: string[];
  AllowedOAuthFlowsUserPoolClient: boolean;
  AnalyticsConfiguration?: Opaque;
  PreventUserExistenceErrors?: "LEGACY" | "ENABLED";
  EnableTokenRevocation: boolean;
  EnablePropagateAdditionalUserContextData: boolean;
  AuthSessionValidity: number;
  RefreshTokenRotation?: {
    Feature: "ENABLED" | "DISABLED";
    RetryGracePeriodSeconds?: number;
  };
}

/** The members of Create/UpdateUserPoolClient that become settings. */
export type ClientSettingsInput = Partial<ClientSettings>;

const SECONDS: Record<TimeUnit, number> = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86400,
};

/** Reference §3.3: the flows a client gets when ExplicitAuthFlows is omitted. */
const DEFAULT_FLOWS: ExplicitAuthFlow[] = ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"];
const LEGACY_FLOWS = new Set<ExplicitAuthFlow>(["ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH"]);

/**
 * A token lifetime in seconds. Reference §3.3 and §8.2: access and ID tokens
 * default to 60 minutes, refresh tokens to 30 days; a number given without a
 * unit is in hours (access, ID) or days (refresh); 0 refresh means default.
 */
function lifetime(
  value: number | undefined,
  unit: TimeUnit | undefined,
  fallbackSeconds: number,
  unitWithoutValue: TimeUnit,
): number {
  if (value === undefined || value === 0) return fallbackSeconds;
  return value * SECONDS[unit ?? unitWithoutValue];
}

/** Token lifetimes in seconds, as tokens need them. */
export function tokenLifetimes(settings: ClientSettingsInput): {
  access: number;
  id: number;
  refresh: number;
} {
  const units = settings.TokenValidityUnits ?? {};
  return {
    access: lifetime(settings.AccessTokenValidity, units.AccessToken, 3600, "hours"),
    id: lifetime(settings.IdTokenValidity, units.IdToken, 3600, "hours"),
    refresh: lifetime(settings.RefreshTokenValidity, units.RefreshToken, 30 * 86400, "days"),
  };
}

/** The flows a client allows; omitted means Cognito's three defaults (reference §3.3). */
export function allowedAuthFlows(settings: ClientSettings): readonly ExplicitAuthFlow[] {
  return settings.ExplicitAuthFlows ?? DEFAULT_FLOWS;
}

export type RefreshTokenRotation = Required<NonNullable<ClientSettings["RefreshTokenRotation"]>>;

/**
 * The client's refresh-token rotation (reference 2024–2026 §7) as Cognito
 * echoes it: a client that never set it answers DISABLED, and an omitted
 * grace period 0 (AWS answers both; hashicorp/terraform-provider-aws #45646
 * and #47374).
 */
export function refreshTokenRotation(settings: ClientSettings): RefreshTokenRotation {
  const rotation = settings.RefreshTokenRotation;
  return { Feature: rotation?.Feature ?? "DISABLED", RetryGracePeriodSeconds: rotation?.RetryGracePeriodSeconds ?? 0 };
}

/** Whether refreshing replaces the refresh token (GetTokensFromRefreshToken only; reference 2024–2026 §7). */
export function rotatesRefreshTokens(settings: ClientSettings): boolean {
  return refreshTokenRotation(settings).Feature === "ENABLED";
}

/** Reference §2.7: the API default is LEGACY. */
export function preventsUserExistenceErrors(settings: ClientSettings): boolean {
  return settings.PreventUserExistenceErrors === "ENABLED";
}

function checkAttributeNames(member: string, names: string[] | undefined, schema: readonly SchemaAttribute[]): void {
  if (names === undefined) return;
  const known = new Set(schema.map((a) => a.Name));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) throw new InvalidParameterException(`Invalid ${member} specified: ${unknown.join(", ")}`);
}

/**
 * Settings from a create or update request. UpdateUserPoolClient has
 * replace semantics (reference §3.3), so both build from defaults.
 */
export function clientSettingsFrom(input: ClientSettingsInput, schema: readonly SchemaAttribute[]): ClientSettings {
  const seconds = tokenLifetimes(input);
  // Reference §8.2: access and ID tokens 5 minutes to 1 day; refresh tokens 60 minutes to 3650 days.
  const inRange = (value: number, min: number, max: number) => value >= min && value <= max;
  if (!inRange(seconds.access, 300, 86400) || !inRange(seconds.id, 300, 86400) || !inRange(seconds.refresh, 3600, 315_360_000)) {
    throw new InvalidParameterException("Invalid range for token validity.");
  }
  const flows = input.ExplicitAuthFlows;
  const legacy = (flows ?? []).filter((f) => LEGACY_FLOWS.has(f));
  if (flows !== undefined && legacy.length > 0 && legacy.length < flows.length) {
    throw new InvalidParameterException("The legacy ExplicitAuthFlows values cannot be combined with ALLOW_ values.");
  }
  checkAttributeNames("read attributes", input.ReadAttributes, schema);
  checkAttributeNames("write attributes", input.WriteAttributes, schema);

  return {
    ...compact({
      AccessTokenValidity: input.AccessTokenValidity,
      IdTokenValidity: input.IdTokenValidity,
      ReadAttributes: input.ReadAttributes,
      WriteAttributes: input.WriteAttributes,
      ExplicitAuthFlows: flows === undefined ? undefined : [...new Set(flows)],
      SupportedIdentityProviders: input.SupportedIdentityProviders,
      CallbackURLs: input.CallbackURLs,
      LogoutURLs: input.LogoutURLs,
      DefaultRedirectURI: input.DefaultRedirectURI,
      AllowedOAuthFlows: input.AllowedOAuthFlows,
      AllowedOAuthScopes: input.AllowedOAuthScopes,
      AnalyticsConfiguration: input.AnalyticsConfiguration,
      PreventUserExistenceErrors: input.PreventUserExistenceErrors,
      RefreshTokenRotation: input.RefreshTokenRotation,
    }),
    RefreshTokenValidity: input.RefreshTokenValidity || 30,
    TokenValidityUnits: { ...input.TokenValidityUnits },
    AllowedOAuthFlowsUserPoolClient: input.AllowedOAuthFlowsUserPoolClient ?? false,
    EnableTokenRevocation: input.EnableTokenRevocation ?? true,
    EnablePropagateAdditionalUserContextData: input.EnablePropagateAdditionalUserContextData ?? false,
    AuthSessionValidity: input.AuthSessionValidity ?? 3,
  };
}
