import { createHmac } from "node:crypto";
import { NotAuthorizedException } from "../../errors.js";
import { equalSecrets } from "../kernel/equalSecrets.js";
import type { AppClient } from "./clients.js";

/** SECRET_HASH = Base64(HMAC-SHA256(client secret, username ‖ client id)) (reference §4.9). */
export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac("sha256", clientSecret).update(`${username}${clientId}`).digest("base64");
}

/**
 * Checks the SECRET_HASH a public call carries for a client with a secret.
 * Clients without a secret ignore one (reference §4.9). Each name in
 * `usernames` is tried: challenge responses may be hashed over the name the
 * caller typed or the canonical one.
 */
export function checkSecretHash(client: AppClient, usernames: readonly string[], given: string | undefined): void {
  if (client.secret === null) return;
  if (given === undefined || given === "") {
    throw new NotAuthorizedException(`Client ${client.id} is configured with secret but SECRET_HASH was not received`);
  }
  // Every live secret is accepted, so a rotation (AddUserPoolClientSecret) breaks no caller.
  for (const { value } of client.secrets) {
    for (const username of usernames) {
      if (equalSecrets(secretHash(value, username, client.id), given)) return;
    }
  }
  throw new NotAuthorizedException(`Unable to verify secret hash for client ${client.id}`);
}

/** Whether `given` is one of the client's live secrets (RevokeToken's ClientSecret), compared in constant time. */
export function isClientSecret(client: AppClient, given: string): boolean {
  let found = false;
  for (const { value } of client.secrets) found = equalSecrets(value, given) || found;
  return found;
}
