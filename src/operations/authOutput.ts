import type { AuthOutcome } from "../domain/signIn/factor.js";

/**
 * A sign-in step as the auth operations answer it (reference §4.0): either
 * AuthenticationResult (with empty ChallengeParameters, as Cognito sends)
 * or ChallengeName, Session and ChallengeParameters.
 */
export function authOutput(outcome: AuthOutcome) {
  if ("result" in outcome) return { ChallengeParameters: {}, AuthenticationResult: outcome.result };
  return { ChallengeName: outcome.challenge, Session: outcome.session, ChallengeParameters: outcome.parameters };
}
