import assert from "node:assert/strict";
import { it, mock } from "node:test";
import {
  AdminDisableUserCommand,
  AdminInitiateAuthCommand,
  AdminResetUserPasswordCommand,
  SignUpCommand,
  UpdateUserPoolClientCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { adminSignIn, claimsOf, confirmedUser, invitedUser, PASSWORD, signInPool, TEMPORARY_PASSWORD } from "../support/auth.js";
import { createAppClient, rejectsSecretHash, rejectsWith } from "../support/fixtures.js";
import { secretHashFor } from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

const INCORRECT = "Incorrect username or password.";

describeEachEngine("AdminInitiateAuth with the password flows", (t) => {
  it("signs a confirmed user in with ADMIN_USER_PASSWORD_AUTH and with its old name ADMIN_NO_SRP_AUTH", async () => {
    const pool = await signInPool(t().client);
    await confirmedUser(t().client, pool, "alice", { email: "alice@example.com" });
    for (const flow of ["ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"] as const) {
      const out = await t().client.send(
        new AdminInitiateAuthCommand({
          UserPoolId: pool.poolId,
          ClientId: pool.clientId,
          AuthFlow: flow,
          AuthParameters: { USERNAME: "alice", PASSWORD },
          ClientMetadata: { app: "test" },
          AnalyticsMetadata: { AnalyticsEndpointId: "endpoint" },
          ContextData: {
            IpAddress: "192.0.2.1",
            ServerName: "app",
            ServerPath: "/login",
            HttpHeaders: [{ headerName: "user-agent", headerValue: "t" }],
          },
        }),
      );
      assert.equal(out.ChallengeName, undefined);
      assert.deepEqual(out.ChallengeParameters, {});
      const result = out.AuthenticationResult;
      assert.equal(result?.TokenType, "Bearer");
      assert.equal(result?.ExpiresIn, 3600);
      assert.match(result?.RefreshToken ?? "", /^[A-Za-z0-9-_=.]+$/);
      assert.equal(claimsOf(result?.IdToken)["cognito:username"], "alice");
      assert.equal(claimsOf(result?.AccessToken).username, "alice");
    }
  });

  it("accepts an email alias as USERNAME and names the real user in the tokens", async () => {
    const pool = await signInPool(t().client, { AliasAttributes: ["email"] });
    await confirmedUser(t().client, pool, "bob", { email: "bob@example.com", email_verified: "true" });
    const out = await adminSignIn(t().client, pool, "bob@example.com");
    assert.equal(claimsOf(out.AuthenticationResult?.IdToken)["cognito:username"], "bob");
  });

  it("refuses a flow the client does not allow, and one that belongs to InitiateAuth", async () => {
    const pool = await signInPool(t().client);
    const { clientId } = await createAppClient(t().client, pool.poolId);
    await rejectsWith(
      t().client.send(
        new AdminInitiateAuthCommand({
          UserPoolId: pool.poolId,
          ClientId: clientId,
          AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME: "x", PASSWORD: "y" },
        }),
      ),
      "InvalidParameterException",
      "ADMIN_USER_PASSWORD_AUTH flow not enabled for this client",
    );
    await rejectsWith(
      t().client.send(
        new AdminInitiateAuthCommand({
          UserPoolId: pool.poolId,
          ClientId: pool.clientId,
          AuthFlow: "USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME: "x", PASSWORD: "y" },
        }),
      ),
      "InvalidParameterException",
      "Initiate Auth method not supported.",
    );
    await rejectsWith(
      t().client.send(
        new AdminInitiateAuthCommand({
          UserPoolId: pool.poolId,
          ClientId: pool.clientId,
          AuthFlow: "USER_SRP_AUTH",
          AuthParameters: { USERNAME: "x", SRP_A: "1" },
        }),
      ),
      "InvalidParameterException",
      "USER_SRP_AUTH flow not enabled for this client",
    );
  });

  it("answers missing parameters and a client of another pool", async () => {
    const pool = await signInPool(t().client);
    await rejectsWith(
      t().client.send(
        new AdminInitiateAuthCommand({
          UserPoolId: pool.poolId,
          ClientId: pool.clientId,
          AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
          AuthParameters: { USERNAME: "x" },
        }),
      ),
      "InvalidParameterException",
      "Missing required parameter PASSWORD",
    );
    const other = await signInPool(t().client);
    await rejectsWith(
      adminSignIn(t().client, { poolId: pool.poolId, clientId: other.clientId }, "x"),
      "ResourceNotFoundException",
    );
  });

  it("checks SECRET_HASH for a client with a secret", async () => {
    const pool = await signInPool(t().client, {}, { GenerateSecret: true });
    await rejectsSecretHash(
      pool.clientId,
      (hash) => adminSignIn(t().client, pool, "carol", PASSWORD, hash === undefined ? {} : { SECRET_HASH: hash }),
      "d3Jvbmc=",
    );
  });

  it("answers an unknown user with UserNotFoundException, or like a wrong password when the client prevents user existence errors", async () => {
    const pool = await signInPool(t().client);
    await rejectsWith(adminSignIn(t().client, pool, "nobody"), "UserNotFoundException", "User does not exist.");
    await t().client.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: pool.poolId,
        ClientId: pool.clientId,
        ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        PreventUserExistenceErrors: "ENABLED",
      }),
    );
    await rejectsWith(adminSignIn(t().client, pool, "nobody"), "NotAuthorizedException", INCORRECT);
  });

  it("with PreventUserExistenceErrors, answers a RESET_REQUIRED user like a wrong password, password check included", async () => {
    const pool = await signInPool(t().client, {}, { PreventUserExistenceErrors: "ENABLED" });
    await confirmedUser(t().client, pool, "kay", { email: "kay@example.com", email_verified: "true" });
    await t().client.send(new AdminResetUserPasswordCommand({ UserPoolId: pool.poolId, Username: "kay" }));
    const verify = mock.method(t().server.domain.hasher, "verify");
    try {
      await rejectsWith(adminSignIn(t().client, pool, "kay"), "NotAuthorizedException", INCORRECT);
      // As long as a wrong password takes: one hash verification.
      assert.equal(verify.mock.callCount(), 1);
    } finally {
      verify.mock.restore();
    }
  });

  it("refuses a wrong password, a disabled user, and an unconfirmed user even with a wrong password", async () => {
    const pool = await signInPool(t().client);
    await confirmedUser(t().client, pool, "dan");
    await rejectsWith(adminSignIn(t().client, pool, "dan", "Wrong-Passw0rd!"), "NotAuthorizedException", INCORRECT);
    await t().client.send(new AdminDisableUserCommand({ UserPoolId: pool.poolId, Username: "dan" }));
    await rejectsWith(adminSignIn(t().client, pool, "dan"), "NotAuthorizedException", "User is disabled.");
    await t().client.send(new SignUpCommand({ ClientId: pool.clientId, Username: "erin", Password: PASSWORD }));
    await rejectsWith(
      adminSignIn(t().client, pool, "erin", "Wrong-Passw0rd!"),
      "UserNotConfirmedException",
      "User is not confirmed.",
    );
  });

  it("answers a temporary password with NEW_PASSWORD_REQUIRED, naming the required attributes still missing", async () => {
    const pool = await signInPool(t().client, {
      Schema: [{ Name: "given_name", AttributeDataType: "String", Required: true, Mutable: true }],
    });
    await invitedUser(t().client, pool, "fay", { email: "fay@example.com" });
    const out = await adminSignIn(t().client, pool, "fay", TEMPORARY_PASSWORD);
    assert.equal(out.ChallengeName, "NEW_PASSWORD_REQUIRED");
    assert.ok((out.Session ?? "").length >= 20);
    assert.equal(out.AuthenticationResult, undefined);
    assert.deepEqual(out.ChallengeParameters, {
      USER_ID_FOR_SRP: "fay",
      requiredAttributes: '["userAttributes.given_name"]',
      userAttributes: '{"email":"fay@example.com"}',
    });
  });

  it("refuses a temporary password once TemporaryPasswordValidityDays have passed", async () => {
    const pool = await signInPool(t().client, {
      Policies: { PasswordPolicy: { MinimumLength: 8, TemporaryPasswordValidityDays: 2 } },
    });
    await invitedUser(t().client, pool, "gus");
    t().clock.advance(2 * 86_400_000 + 1);
    await rejectsWith(
      adminSignIn(t().client, pool, "gus", TEMPORARY_PASSWORD),
      "NotAuthorizedException",
      "User account has expired, it must be reset by an administrator.",
    );
  });

  it("locks a user out after five wrong passwords, doubling the lock, and lets the right password in once it expires", async () => {
    const pool = await signInPool(t().client);
    await confirmedUser(t().client, pool, "hal");
    for (let i = 0; i < 5; i++)
      await rejectsWith(adminSignIn(t().client, pool, "hal", "Wrong-Passw0rd!"), "NotAuthorizedException", INCORRECT);
    await rejectsWith(adminSignIn(t().client, pool, "hal"), "NotAuthorizedException", "Password attempts exceeded");
    t().clock.advance(1001);
    await rejectsWith(adminSignIn(t().client, pool, "hal", "Wrong-Passw0rd!"), "NotAuthorizedException", INCORRECT);
    t().clock.advance(1001);
    await rejectsWith(adminSignIn(t().client, pool, "hal"), "NotAuthorizedException", "Password attempts exceeded");
    t().clock.advance(1000);
    const out = await adminSignIn(t().client, pool, "hal");
    assert.ok(out.AuthenticationResult?.AccessToken);
    // A success resets the count: one more wrong password does not lock.
    await rejectsWith(adminSignIn(t().client, pool, "hal", "Wrong-Passw0rd!"), "NotAuthorizedException", INCORRECT);
    assert.ok((await adminSignIn(t().client, pool, "hal")).AuthenticationResult);
  });

  it("counts wrong passwords sent at once: after the fifth, the others find the user locked", async () => {
    const pool = await signInPool(t().client);
    await confirmedUser(t().client, pool, "lou");
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => adminSignIn(t().client, pool, "lou", "Wrong-Passw0rd!")),
    );
    const messages = outcomes.map((o) => (o.status === "rejected" ? (o.reason as Error).message : "signed in"));
    assert.equal(messages.filter((m) => m === INCORRECT).length, 5);
    assert.equal(messages.filter((m) => m === "Password attempts exceeded").length, 7);
  });

  it("forgets failures after 15 minutes without attempts", async () => {
    const pool = await signInPool(t().client);
    await confirmedUser(t().client, pool, "ivy");
    for (let i = 0; i < 4; i++)
      await rejectsWith(adminSignIn(t().client, pool, "ivy", "Wrong-Passw0rd!"), "NotAuthorizedException", INCORRECT);
    t().clock.advance(15 * 60_000 + 1);
    await rejectsWith(adminSignIn(t().client, pool, "ivy", "Wrong-Passw0rd!"), "NotAuthorizedException", INCORRECT);
    assert.ok((await adminSignIn(t().client, pool, "ivy")).AuthenticationResult);
  });

  it("signs in with the SECRET_HASH of the name the caller sent", async () => {
    const pool = await signInPool(t().client, {}, { GenerateSecret: true });
    const secret = pool.clientSecret;
    assert.ok(secret);
    await invitedUser(t().client, pool, "jo");
    const out = await adminSignIn(t().client, pool, "jo", TEMPORARY_PASSWORD, {
      SECRET_HASH: secretHashFor(secret, "jo", pool.clientId),
    });
    assert.equal(out.ChallengeName, "NEW_PASSWORD_REQUIRED");
  });
});
