import type { DomainContext } from "../kernel/context.js";
import type { InitiateAuthRequest } from "./authFlows.js";
import { createSignInEngine, type RespondRequest } from "./engine.js";
import type { AuthOutcome } from "./factor.js";
import { emailOtp } from "./factors/emailOtp.js";
import { mfaSetup } from "./factors/mfaSetup.js";
import { newPasswordRequired } from "./factors/newPasswordRequired.js";
import { passwordVerifier } from "./factors/passwordVerifier.js";
import { selectMfaType } from "./factors/selectMfaType.js";
import { smsMfa } from "./factors/smsMfa.js";
import { softwareTokenMfa } from "./factors/softwareTokenMfa.js";
import { passwordFlow } from "./passwordFlow.js";
import { refreshFlow } from "./refreshFlow.js";
import { srpFlow } from "./srpFlow.js";

/** The flows this server has built (reference §4.1); the others answer UnsupportedOperationException. */
export const BUILT_IN_FLOWS = {
  ADMIN_USER_PASSWORD_AUTH: passwordFlow,
  ADMIN_NO_SRP_AUTH: passwordFlow,
  USER_PASSWORD_AUTH: passwordFlow,
  USER_SRP_AUTH: srpFlow,
  REFRESH_TOKEN_AUTH: refreshFlow,
  REFRESH_TOKEN: refreshFlow,
} as const;

/**
/**
 * The challenges, in the order of reference §4.2: PASSWORD_VERIFIER, a
 * first factor that only its flow asks; then a new password, then MFA —
 * set-up, choice, or the one factor that applies (factors/mfaStep.ts
 * decides which; a sign-in passes one).
 */
export const BUILT_IN_FACTORS = [
  passwordVerifier,
  newPasswordRequired,
  mfaSetup,
  selectMfaType,
  smsMfa,
  softwareTokenMfa,
  emailOtp,
] as const;

const engine = createSignInEngine({ flows: BUILT_IN_FLOWS, factors: BUILT_IN_FACTORS });

export function initiateAuth(ctx: DomainContext, request: InitiateAuthRequest): Promise<AuthOutcome> {
  return engine.initiate(ctx, request);
}

export function respondToChallenge(ctx: DomainContext, request: RespondRequest): Promise<AuthOutcome> {
  return engine.respond(ctx, request);
}
