import assert from "node:assert/strict";
import {
  AssociateSoftwareTokenCommand,
  type CognitoIdentityProviderClient,
  SetUserPoolMfaConfigCommand,
  type SetUserPoolMfaConfigCommandInput,
  VerifySoftwareTokenCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { Secret, TOTP } from "otpauth";
import { confirmedUser, type SignInPool, signInPool } from "./auth.js";
import type { TestServer } from "./testServer.js";

/** The code an authenticator app shows for a base-32 secret at `time` (epoch ms): RFC 6238, SHA-1, 6 digits, 30 s. */
export function authenticatorCode(secret: string, time: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: time });
}

/** Turns MFA on in a pool: OPTIONAL with TOTP unless told otherwise. */
export async function setPoolMfa(
  client: CognitoIdentityProviderClient,
  poolId: string,
  input: Partial<SetUserPoolMfaConfigCommandInput> = {},
): Promise<void> {
  await client.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: poolId,
      MfaConfiguration: "OPTIONAL",
      SoftwareTokenMfaConfiguration: { Enabled: true },
      ...input,
    }),
  );
}

/**
 * A pool whose MFA is OPTIONAL with TOTP, and a user of it signed in
 * (before any factor is on, so no MFA challenge stands in the way).
 */
export async function signedInMfaUser(
  t: TestServer,
  username: string,
  attributes: Record<string, string> = {},
): Promise<{ pool: SignInPool; accessToken: string }> {
  const pool = await signInPool(t.client);
  await setPoolMfa(t.client, pool.poolId);
  const tokens = await confirmedUser(t.client, pool, username, attributes);
  assert.ok(tokens.AccessToken);
  return { pool, accessToken: tokens.AccessToken };
}

/** AssociateSoftwareToken for the signed-in user: the secret handed out. */
export async function associate(t: TestServer, accessToken: string): Promise<string> {
  const { SecretCode } = await t.client.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
  assert.ok(SecretCode);
  return SecretCode;
}

/** Associates a software token and verifies it with the authenticator's current code; returns the secret. */
export async function enrolSoftwareToken(t: TestServer, accessToken: string, friendlyDeviceName?: string): Promise<string> {
  const secret = await associate(t, accessToken);
  const { Status } = await t.client.send(
    new VerifySoftwareTokenCommand({
      AccessToken: accessToken,
      UserCode: authenticatorCode(secret, t.clock.now()),
      FriendlyDeviceName: friendlyDeviceName,
    }),
  );
  assert.equal(Status, "SUCCESS");
  return secret;
}
