import { InvalidParameterException, UnsupportedOperationException } from "../errors.js";

/**
 * AssociateSoftwareToken and VerifySoftwareToken take an access token or the
 * Session of an MFA_SETUP challenge, "but not both" (API_VerifySoftwareToken).
 * The Session form belongs to the sign-in challenges and is not built yet.
 * Returns the access token. The messages are this server's (no Cognito
 * wording was found: docs/research/research-mfa.md).
 */
export function accessTokenOf(operation: string, input: { AccessToken?: string; Session?: string }): string {
  if (input.AccessToken !== undefined && input.Session !== undefined) {
    throw new InvalidParameterException(`${operation} takes an AccessToken or a Session, not both.`);
  }
  if (input.AccessToken !== undefined) return input.AccessToken;
  if (input.Session !== undefined) {
    throw new UnsupportedOperationException(`userpool does not implement ${operation} with a Session (MFA_SETUP) yet`);
  }
  throw new InvalidParameterException(`${operation} needs an AccessToken or a Session.`);
}
