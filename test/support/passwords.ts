import assert from "node:assert/strict";
import {
  AdminSetUserPasswordCommand,
  ConfirmForgotPasswordCommand,
  type ConfirmForgotPasswordCommandInput,
  type ConfirmForgotPasswordCommandOutput,
  ForgotPasswordCommand,
  type ForgotPasswordCommandInput,
  type ForgotPasswordCommandOutput,
} from "@aws-sdk/client-cognito-identity-provider";
import type { UserRecord } from "../../src/store/records.js";
import { createUser } from "./fixtures.js";
import { PASSWORD, type SelfServicePool, secretHashOf } from "./selfService.js";
import type { TestServer } from "./testServer.js";

/** Meets the default policy and differs from PASSWORD. */
export const NEW_PASSWORD = "N3w-Passw0rd";

/** The stored user of a case-sensitive pool, read past the API (signing in is not built here). */
export async function storedUser(t: TestServer, poolId: string, username: string): Promise<UserRecord> {
  const user = await t.server.domain.store.users.find(poolId, { by: "usernameKey", value: username });
  assert.ok(user, `no user ${username}`);
  return user;
}

/** Whether the stored hash accepts `password`. */
export async function passwordWorks(t: TestServer, poolId: string, username: string, password: string): Promise<boolean> {
  const { passwordHash } = await storedUser(t, poolId, username);
  return passwordHash !== null && t.server.domain.hasher.verify(passwordHash, password);
}

/**
 * A CONFIRMED user with PASSWORD, made without signing in: AdminCreateUser
 * with the given attributes (nothing sent), then a Permanent
 * AdminSetUserPassword. (auth.ts's confirmedUser signs in instead.)
 */
export async function permanentPasswordUser(
  t: TestServer,
  poolId: string,
  username: string,
  attributes: Record<string, string> = {},
): Promise<void> {
  await createUser(t.client, poolId, username, attributes);
  await t.client.send(
    new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: PASSWORD, Permanent: true }),
  );
}

/** ForgotPassword through the public API, hashing the secret when the client has one. */
export function forgotPassword(
  t: TestServer,
  pool: SelfServicePool,
  username: string,
  extra: Partial<ForgotPasswordCommandInput> = {},
): Promise<ForgotPasswordCommandOutput> {
  return t.client.send(
    new ForgotPasswordCommand({ ClientId: pool.clientId, Username: username, ...secretHashOf(pool, username), ...extra }),
  );
}

/** ConfirmForgotPassword through the public API, hashing the secret when the client has one. */
export function confirmForgotPassword(
  t: TestServer,
  pool: SelfServicePool,
  username: string,
  code: string,
  password = NEW_PASSWORD,
  extra: Partial<ConfirmForgotPasswordCommandInput> = {},
): Promise<ConfirmForgotPasswordCommandOutput> {
  return t.client.send(
    new ConfirmForgotPasswordCommand({
      ClientId: pool.clientId,
      Username: username,
      ConfirmationCode: code,
      Password: password,
      ...secretHashOf(pool, username),
      ...extra,
    }),
  );
}
