import { InvalidParameterException, UnsupportedOperationException } from "../../errors.js";
import type { DomainContext } from "../kernel/context.js";
import { allowedAuthFlows, type ExplicitAuthFlow, rotatesRefreshTokens } from "../pools/clientSettings.js";
import type { AppClient } from "../pools/clients.js";
import type { Pool } from "../pools/pools.js";
import type { AuthOutcome, Factor, SignInAttempt } from "./factor.js";

export type AuthFlow =
  | "USER_SRP_AUTH"
  | "REFRESH_TOKEN_AUTH"
  | "REFRESH_TOKEN"
  | "CUSTOM_AUTH"
  | "ADMIN_NO_SRP_AUTH"
  | "USER_PASSWORD_AUTH"
  | "ADMIN_USER_PASSWORD_AUTH"
  | "USER_AUTH";

/** What an InitiateAuth or AdminInitiateAuth call asks for. */
export interface InitiateAuthRequest {
  /** The client's pool, as the operation already read it. */
  pool: Pool;
  client: AppClient;
  flow: AuthFlow;
  parameters: Record<string, string>;
  /** AdminInitiateAuth (SigV4) rather than InitiateAuth. */
  admin: boolean;
}

/**
 * How a flow starts: it identifies the user and passes the first factor, then
 * hands the attempt to `next`, the engine's choice of what comes after; or it
 * has `next` ask a given factor first (a first factor answered in a second
 * round trip, as SRP's PASSWORD_VERIFIER is).
 */
export type SignInFlow = (
  ctx: DomainContext,
  request: InitiateAuthRequest,
  next: (attempt: SignInAttempt, ask?: Factor) => Promise<AuthOutcome>,
) => Promise<AuthOutcome>;

/**
 * Reference §4.1: which operation takes each flow (both when `admin` is
 * absent) and the client settings that allow it (ALLOW_ name, old name).
 */
const RULES: Record<
  Exclude<AuthFlow, "REFRESH_TOKEN_AUTH" | "REFRESH_TOKEN">,
  { admin?: boolean; allowedBy: readonly ExplicitAuthFlow[] }
> = {
  ADMIN_USER_PASSWORD_AUTH: { admin: true, allowedBy: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"] },
  ADMIN_NO_SRP_AUTH: { admin: true, allowedBy: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"] },
  USER_PASSWORD_AUTH: { admin: false, allowedBy: ["ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH"] },
  USER_SRP_AUTH: { allowedBy: ["ALLOW_USER_SRP_AUTH"] },
  CUSTOM_AUTH: { allowedBy: ["ALLOW_CUSTOM_AUTH", "CUSTOM_AUTH_FLOW_ONLY"] },
  USER_AUTH: { allowedBy: ["ALLOW_USER_AUTH"] },
};
const LEGACY_FLOWS = new Set<ExplicitAuthFlow>(["ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH"]);

/** A client that predates the ALLOW_ values always allowed refresh; the others must say so (reference §3.3). */
function allowsRefresh(client: AppClient): boolean {
  const flows = allowedAuthFlows(client.settings);
  return flows.includes("ALLOW_REFRESH_TOKEN_AUTH") || flows.every((f) => LEGACY_FLOWS.has(f));
}

/**
 * Refuses a flow this server has not built (`built` is false: a valid
 * Cognito flow missing from the engine's flows), the operation does not
 * take, or the client does not allow.
 */
export function checkFlowAllowed(request: InitiateAuthRequest, built: boolean): void {
  const { client, flow, admin } = request;
  if (!built) throw new UnsupportedOperationException(`userpool does not implement the ${flow} flow yet.`);
  if (flow === "REFRESH_TOKEN_AUTH" || flow === "REFRESH_TOKEN") {
    if (!allowsRefresh(client)) throw new InvalidParameterException("Refresh Token flow not enabled for this client");
    // Reference 2024–2026 §7: rotation must go through GetTokensFromRefreshToken. Type and wording UNVERIFIED.
    if (rotatesRefreshTokens(client.settings)) {
      throw new InvalidParameterException(
        "Refresh Token flow not supported for this client: refresh token rotation is enabled, use GetTokensFromRefreshToken",
      );
    }
    return;
  }
  const rule = RULES[flow];
  if (rule.admin !== undefined && rule.admin !== admin)
    throw new InvalidParameterException("Initiate Auth method not supported.");
  const allowed = allowedAuthFlows(client.settings);
  if (!rule.allowedBy.some((f) => allowed.includes(f)))
    throw new InvalidParameterException(`${flow} flow not enabled for this client`);
}
