import assert from "node:assert/strict";
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  type CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  type CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";

let poolCounter = 0;

/** Creates a pool and returns its id. */
export async function createPool(
  client: CognitoIdentityProviderClient,
  input: Partial<CreateUserPoolCommandInput> = {},
): Promise<string> {
  const out = await client.send(new CreateUserPoolCommand({ PoolName: `test-pool-${++poolCounter}`, ...input }));
  const id = out.UserPool?.Id;
  assert.ok(id);
  return id;
}

export async function createAppClient(
  client: CognitoIdentityProviderClient,
  poolId: string,
  input: Partial<CreateUserPoolClientCommandInput> = {},
): Promise<{ clientId: string; clientSecret?: string }> {
  const out = await client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "test-client", ...input }));
  const clientId = out.UserPoolClient?.ClientId;
  assert.ok(clientId);
  const secret = out.UserPoolClient?.ClientSecret;
  return secret === undefined ? { clientId } : { clientId, clientSecret: secret };
}

/** Asserts that a promise rejects with the AWS error `name` (the wire __type), optionally matching the message. */
export async function rejectsWith(promise: Promise<unknown>, name: string, message?: RegExp | string): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof Error, "rejected with a non-Error");
    assert.equal(error.name, name, `expected ${name}, got ${error.name}: ${error.message}`);
    if (message !== undefined) {
      if (typeof message === "string") assert.equal(error.message, message);
      else assert.match(error.message, message);
    }
    return error;
  }
  assert.fail(`expected ${name}, but the call succeeded`);
}

/**
 * Asserts the two refusals a client with a secret gives every operation that
 * takes SECRET_HASH: none sent, then `wrongHash`. `send` makes the call with
 * the hash it is given (undefined: none).
 */
export async function rejectsSecretHash(
  clientId: string,
  send: (secretHash: string | undefined) => Promise<unknown>,
  wrongHash: string,
): Promise<void> {
  await rejectsWith(
    send(undefined),
    "NotAuthorizedException",
    `Client ${clientId} is configured with secret but SECRET_HASH was not received`,
  );
  await rejectsWith(send(wrongHash), "NotAuthorizedException", `Unable to verify secret hash for client ${clientId}`);
}

/** Creates a user with MessageAction SUPPRESS and returns its sub. */
export async function createUser(
  client: CognitoIdentityProviderClient,
  poolId: string,
  username: string,
  attributes: Record<string, string> = {},
): Promise<string> {
  const out = await client.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: username,
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
      MessageAction: "SUPPRESS",
    }),
  );
  const sub = out.User?.Attributes?.find((a) => a.Name === "sub")?.Value;
  assert.ok(sub);
  return sub;
}

/** A user's attributes as a map, read with AdminGetUser. */
export async function attributesOf(
  client: CognitoIdentityProviderClient,
  poolId: string,
  username: string,
): Promise<Record<string, string>> {
  const user = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
  return Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name ?? "", a.Value ?? ""]));
}
