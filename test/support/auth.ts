import assert from "node:assert/strict";
import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  type AuthenticationResultType,
  type ChallengeNameType,
  type CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createAppClient, createPool } from "./fixtures.js";

export const TEMPORARY_PASSWORD = "Temp-Passw0rd!";
export const PASSWORD = "Final-Passw0rd!";

export interface SignInPool {
  poolId: string;
  clientId: string;
  clientSecret?: string;
}

/** A pool with an app client that allows the admin password flow (and refresh). */
export async function signInPool(
  client: CognitoIdentityProviderClient,
  pool: Parameters<typeof createPool>[1] = {},
  app: Parameters<typeof createAppClient>[2] = {},
): Promise<SignInPool> {
  const poolId = await createPool(client, pool);
  const appClient = await createAppClient(client, poolId, {
    ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    ...app,
  });
  return { poolId, ...appClient };
}

/**
 * An invited user in FORCE_CHANGE_PASSWORD: AdminCreateUser with
 * TEMPORARY_PASSWORD and the invitation suppressed.
 */
export async function invitedUser(
  client: CognitoIdentityProviderClient,
  pool: SignInPool,
  username: string,
  attributes: Record<string, string> = {},
): Promise<void> {
  await client.send(
    new AdminCreateUserCommand({
      UserPoolId: pool.poolId,
      Username: username,
      TemporaryPassword: TEMPORARY_PASSWORD,
      MessageAction: "SUPPRESS",
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    }),
  );
}

/**
 * A CONFIRMED user with PASSWORD, made the way Cognito's admins do it:
 * AdminCreateUser with a temporary password, sign-in, and the
 * NEW_PASSWORD_REQUIRED answer. Returns that sign-in's tokens. `extra`
 * goes into both the AuthParameters and the ChallengeResponses, which is
 * where a client with a secret needs its SECRET_HASH.
 */
export async function confirmedUser(
  client: CognitoIdentityProviderClient,
  pool: SignInPool,
  username: string,
  attributes: Record<string, string> = {},
  extra: Record<string, string> = {},
): Promise<AuthenticationResultType> {
  await invitedUser(client, pool, username, attributes);
  const started = await adminSignIn(client, pool, username, TEMPORARY_PASSWORD, extra);
  assert.equal(started.ChallengeName, "NEW_PASSWORD_REQUIRED");
  const done = await client.send(
    new AdminRespondToAuthChallengeCommand({
      UserPoolId: pool.poolId,
      ClientId: pool.clientId,
      ChallengeName: "NEW_PASSWORD_REQUIRED",
      Session: started.Session,
      ChallengeResponses: {
        USERNAME: started.ChallengeParameters?.USER_ID_FOR_SRP ?? username,
        NEW_PASSWORD: PASSWORD,
        ...extra,
      },
    }),
  );
  assert.ok(done.AuthenticationResult);
  return done.AuthenticationResult;
}

/** AdminRespondToAuthChallenge for the pool's client. */
export function adminRespond(
  client: CognitoIdentityProviderClient,
  pool: SignInPool,
  challenge: ChallengeNameType,
  session: string | undefined,
  responses: Record<string, string>,
) {
  return client.send(
    new AdminRespondToAuthChallengeCommand({
      UserPoolId: pool.poolId,
      ClientId: pool.clientId,
      ChallengeName: challenge,
      Session: session,
      ChallengeResponses: responses,
    }),
  );
}

/** RespondToAuthChallenge (public) for the pool's client. */
export function publicRespond(
  client: CognitoIdentityProviderClient,
  pool: SignInPool,
  challenge: ChallengeNameType,
  session: string | undefined,
  responses: Record<string, string>,
) {
  return client.send(
    new RespondToAuthChallengeCommand({
      ClientId: pool.clientId,
      ChallengeName: challenge,
      Session: session,
      ChallengeResponses: responses,
    }),
  );
}

export function adminSignIn(
  client: CognitoIdentityProviderClient,
  pool: SignInPool,
  username: string,
  password = PASSWORD,
  extra: Record<string, string> = {},
) {
  return client.send(
    new AdminInitiateAuthCommand({
      UserPoolId: pool.poolId,
      ClientId: pool.clientId,
      AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: username, PASSWORD: password, ...extra },
    }),
  );
}

/** REFRESH_TOKEN_AUTH through the public InitiateAuth; `extra` adds AuthParameters such as SECRET_HASH. */
export function refresh(
  client: CognitoIdentityProviderClient,
  pool: SignInPool,
  token: string | undefined,
  extra: Record<string, string> = {},
) {
  return client.send(
    new InitiateAuthCommand({
      ClientId: pool.clientId,
      AuthFlow: "REFRESH_TOKEN_AUTH",
      AuthParameters: { REFRESH_TOKEN: token ?? "", ...extra },
    }),
  );
}

/** GetTokensFromRefreshToken for the pool's client; `clientSecret` for a client with one. */
export function getTokensFromRefreshToken(
  client: CognitoIdentityProviderClient,
  pool: SignInPool,
  token: string | undefined,
  clientSecret?: string,
) {
  return client.send(
    new GetTokensFromRefreshTokenCommand({ ClientId: pool.clientId, RefreshToken: token ?? "", ClientSecret: clientSecret }),
  );
}

/** The claims of a JWT, unverified (tests verify signatures separately). */
export function claimsOf(token: string | undefined): Record<string, unknown> {
  assert.ok(token);
  return JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
}

/** A pool with an app client and a CONFIRMED user in it, signed in: the access token self-service operations take. */
export async function signedInUser(
  client: CognitoIdentityProviderClient,
  username: string,
  attributes: Record<string, string> = {},
  pool: Parameters<typeof createPool>[1] = {},
  app: Parameters<typeof createAppClient>[2] = {},
): Promise<SignInPool & { accessToken: string }> {
  const signIn = await signInPool(client, pool, app);
  const tokens = await confirmedUser(client, signIn, username, attributes);
  assert.ok(tokens.AccessToken);
  return { ...signIn, accessToken: tokens.AccessToken };
}
