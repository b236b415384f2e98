import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import {
  AdminGetUserCommand,
  type AdminGetUserCommandOutput,
  ConfirmSignUpCommand,
  type ConfirmSignUpCommandInput,
  type ConfirmSignUpCommandOutput,
  type CreateUserPoolClientCommandInput,
  type CreateUserPoolCommandInput,
  ResendConfirmationCodeCommand,
  type ResendConfirmationCodeCommandOutput,
  SignUpCommand,
  type SignUpCommandInput,
  type SignUpCommandOutput,
  type UserStatusType,
} from "@aws-sdk/client-cognito-identity-provider";
import type { MessageRecord } from "../../src/store/records.js";
import { createAppClient, createPool } from "./fixtures.js";
import type { TestServer } from "./testServer.js";

/** Meets the default password policy (upper, lower, number, symbol, 8+). */
export const PASSWORD = "Passw0rd!";

export interface SelfServicePool {
  poolId: string;
  clientId: string;
  clientSecret?: string;
}

/** A pool (auto-verifying email unless told otherwise) and one app client of it. */
export async function selfServicePool(
  t: TestServer,
  pool: Partial<CreateUserPoolCommandInput> = {},
  client: Partial<CreateUserPoolClientCommandInput> = {},
): Promise<SelfServicePool> {
  const poolId = await createPool(t.client, { AutoVerifiedAttributes: ["email"], ...pool });
  return { poolId, ...(await createAppClient(t.client, poolId, client)) };
}

/** SECRET_HASH as clients compute it (reference §4.9). */
export function secretHashFor(secret: string, username: string, clientId: string): string {
  return createHmac("sha256", secret).update(`${username}${clientId}`).digest("base64");
}

/** The SecretHash field a request of this client needs: none when the client has no secret. */
export function secretHashOf(pool: SelfServicePool, username: string): { SecretHash?: string } {
  return pool.clientSecret === undefined ? {} : { SecretHash: secretHashFor(pool.clientSecret, username, pool.clientId) };
}

/** Signs a user up through the public API with the default password, hashing the secret when the client has one. */
export function signUp(
  t: TestServer,
  pool: SelfServicePool,
  username: string,
  attributes: Record<string, string> = {},
  extra: Partial<SignUpCommandInput> = {},
): Promise<SignUpCommandOutput> {
  return t.client.send(
    new SignUpCommand({
      ClientId: pool.clientId,
      Username: username,
      Password: PASSWORD,
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
      ...secretHashOf(pool, username),
      ...extra,
    }),
  );
}

/** ConfirmSignUp through the public API, hashing the secret when the client has one. */
export function confirmSignUp(
  t: TestServer,
  pool: SelfServicePool,
  username: string,
  code: string,
  extra: Partial<ConfirmSignUpCommandInput> = {},
): Promise<ConfirmSignUpCommandOutput> {
  return t.client.send(
    new ConfirmSignUpCommand({
      ClientId: pool.clientId,
      Username: username,
      ConfirmationCode: code,
      ...secretHashOf(pool, username),
      ...extra,
    }),
  );
}

/** The pool's outbox, oldest first. */
export function outbox(t: TestServer, poolId: string): Promise<MessageRecord[]> {
  return t.server.domain.store.messages.list({ poolId, limit: 1000 });
}

/** The six-digit code in a message body. */
export function codeIn(message: MessageRecord | undefined): string {
  assert.ok(message, "no message in the outbox");
  const match = /\b(\d{6})\b/.exec(message.body);
  assert.ok(match?.[1], `no code in "${message.body}"`);
  return match[1];
}

/** The code in the newest message of the pool's outbox. */
export async function latestCode(t: TestServer, poolId: string): Promise<string> {
  return codeIn((await outbox(t, poolId)).at(-1));
}

/** A code that is certainly not `code`. */
export function otherThan(code: string): string {
  return code === "000000" ? "111111" : "000000";
}

export async function getUser(t: TestServer, poolId: string, username: string): Promise<AdminGetUserCommandOutput> {
  return t.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
}

/** The user's UserStatus, as AdminGetUser reports it. */
export async function statusOf(t: TestServer, poolId: string, username: string): Promise<UserStatusType | undefined> {
  return (await getUser(t, poolId, username)).UserStatus;
}

/** ResendConfirmationCode through the public API, hashing the secret when the client has one. */
export function resendCode(t: TestServer, pool: SelfServicePool, username: string): Promise<ResendConfirmationCodeCommandOutput> {
  return t.client.send(
    new ResendConfirmationCodeCommand({
      ClientId: pool.clientId,
      Username: username,
      ...secretHashOf(pool, username),
    }),
  );
}
