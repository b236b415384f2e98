import { InvalidParameterException } from "../errors.js";

/** What authorises AssociateSoftwareToken or VerifySoftwareToken. */
export type SoftwareTokenAuthority = { accessToken: string } | { session: string };

/**
 * AssociateSoftwareToken and VerifySoftwareToken take an access token (a
 * signed-in user) or the Session of an MFA_SETUP challenge, "but not both"
 * (API_VerifySoftwareToken). The messages are this server's (no Cognito
 * wording was found: docs/research/research-mfa.md).
 */
export function authorityOf(operation: string, input: { AccessToken?: string; Session?: string }): SoftwareTokenAuthority {
  if (input.AccessToken !== undefined && input.Session !== undefined) {
    throw new InvalidParameterException(`${operation} takes an AccessToken or a Session, not both.`);
  }
  if (input.AccessToken !== undefined) return { accessToken: input.AccessToken };
  if (input.Session !== undefined) return { session: input.Session };
  throw new InvalidParameterException(`${operation} needs an AccessToken or a Session.`);
}
