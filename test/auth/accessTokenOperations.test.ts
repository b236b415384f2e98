import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  ChangePasswordCommand,
  DeleteUserPoolClientCommand,
  GetUserCommand,
  GlobalSignOutCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { adminSignIn, confirmedUser, PASSWORD, refresh, signInPool } from "../support/auth.js";
import { createAppClient, createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("GetUser, ChangePassword and GlobalSignOut with an access token", (t) => {
  it("GetUser answers with the token's user", async () => {
    const pool = await signInPool(t().client);
    const tokens = await confirmedUser(t().client, pool, "ann", { email: "ann@example.com" });
    const user = await t().client.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
    assert.equal(user.Username, "ann");
    assert.equal(user.UserAttributes?.[0]?.Name, "sub");
    assert.deepEqual(user.UserAttributes?.slice(1), [{ Name: "email", Value: "ann@example.com" }]);
  });

  it("GetUser returns the sub and what the token's client may read, and refuses a token of a deleted client", async () => {
    const pool = await signInPool(t().client);
    await confirmedUser(t().client, pool, "cy", { email: "cy@example.com", name: "Cy" });
    const { clientId } = await createAppClient(t().client, pool.poolId, {
      ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH"],
      ReadAttributes: ["name"],
    });
    const out = await adminSignIn(t().client, { poolId: pool.poolId, clientId }, "cy");
    const user = await t().client.send(new GetUserCommand({ AccessToken: out.AuthenticationResult?.AccessToken }));
    assert.deepEqual(
      user.UserAttributes?.map((a) => a.Name),
      ["sub", "name"],
    );
    await t().client.send(new DeleteUserPoolClientCommand({ UserPoolId: pool.poolId, ClientId: clientId }));
    await rejectsWith(
      t().client.send(new GetUserCommand({ AccessToken: out.AuthenticationResult?.AccessToken })),
      "NotAuthorizedException",
      "Invalid Access Token",
    );
  });

  it("GetUser refuses an ID token, a forged or expired token, and a deleted user", async () => {
    const pool = await signInPool(t().client);
    const tokens = await confirmedUser(t().client, pool, "bob");
    await rejectsWith(
      t().client.send(new GetUserCommand({ AccessToken: tokens.IdToken })),
      "NotAuthorizedException",
      "Invalid Access Token",
    );
    await rejectsWith(
      t().client.send(new GetUserCommand({ AccessToken: `${tokens.AccessToken?.slice(0, -4)}AAAA` })),
      "NotAuthorizedException",
      "Invalid Access Token",
    );
    await rejectsWith(
      t().client.send(new GetUserCommand({ AccessToken: "not.a.jwt" })),
      "NotAuthorizedException",
      "Invalid Access Token",
    );
    t().clock.advance(3600_000 + 1000);
    await rejectsWith(
      t().client.send(new GetUserCommand({ AccessToken: tokens.AccessToken })),
      "NotAuthorizedException",
      "Access Token has expired",
    );
    const fresh = (await adminSignIn(t().client, pool, "bob")).AuthenticationResult;
    await t().client.send(new AdminDeleteUserCommand({ UserPoolId: pool.poolId, Username: "bob" }));
    await rejectsWith(t().client.send(new GetUserCommand({ AccessToken: fresh?.AccessToken })), "NotAuthorizedException");
  });

  it("GetUser refuses a forged token naming a made-up pool, or a pool without keys, and makes no keys for either", async () => {
    const forged = (poolId: string) => {
      const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
      const exp = Math.floor(t().clock.now() / 1000) + 3600;
      const claims = { iss: `${t().url}/${poolId}`, token_use: "access", sub: "s", origin_jti: "o", exp };
      return `${part({ kid: "forged", alg: "RS256" })}.${part(claims)}.AAAA`;
    };
    const keyless = await createPool(t().client);
    for (const poolId of ["us-east-1_MadeUp123", keyless]) {
      await rejectsWith(
        t().client.send(new GetUserCommand({ AccessToken: forged(poolId) })),
        "NotAuthorizedException",
        "Invalid Access Token",
      );
      assert.deepEqual(await t().server.store.signingKeys.list(poolId), []);
    }
  });

  it("a disabled user's access tokens stop working", async () => {
    const pool = await signInPool(t().client);
    const tokens = await confirmedUser(t().client, pool, "cy");
    await t().client.send(new AdminDisableUserCommand({ UserPoolId: pool.poolId, Username: "cy" }));
    await rejectsWith(
      t().client.send(new GetUserCommand({ AccessToken: tokens.AccessToken })),
      "NotAuthorizedException",
      "Access Token has been revoked",
    );
  });

  it("GlobalSignOut revokes the user's refresh tokens and access tokens at this server", async () => {
    const pool = await signInPool(t().client);
    const tokens = await confirmedUser(t().client, pool, "di");
    await t().client.send(new GlobalSignOutCommand({ AccessToken: tokens.AccessToken }));
    await rejectsWith(
      t().client.send(new GetUserCommand({ AccessToken: tokens.AccessToken })),
      "NotAuthorizedException",
      "Access Token has been revoked",
    );
    await rejectsWith(refresh(t().client, pool, tokens.RefreshToken), "NotAuthorizedException", "Refresh Token has been revoked");
    // A new sign-in starts a new session.
    const again = (await adminSignIn(t().client, pool, "di")).AuthenticationResult;
    assert.equal((await t().client.send(new GetUserCommand({ AccessToken: again?.AccessToken }))).Username, "di");
  });

  it("ChangePassword counts wrong previous passwords sent at once toward the lockout, within its 5 calls an hour", async () => {
    const pool = await signInPool(t().client);
    const tokens = await confirmedUser(t().client, pool, "fid");
    const change = () =>
      t().client.send(
        new ChangePasswordCommand({
          AccessToken: tokens.AccessToken,
          PreviousPassword: "Wrong-Passw0rd!",
          ProposedPassword: "New-Passw0rd!",
        }),
      );
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, change));
    const messages = outcomes.map((o) => (o.status === "rejected" ? (o.reason as Error).message : "changed"));
    assert.equal(messages.filter((m) => m === "Incorrect username or password.").length, 5);
    assert.equal(messages.filter((m) => m === "Attempt limit exceeded, please try after some time.").length, 7);
    // The five failures locked the user for sign-in too.
    await rejectsWith(adminSignIn(t().client, pool, "fid"), "NotAuthorizedException", "Password attempts exceeded");
  });

  it("ChangePassword replaces the password after checking the previous one and the policy", async () => {
    const pool = await signInPool(t().client);
    const tokens = await confirmedUser(t().client, pool, "ed");
    await rejectsWith(
      t().client.send(
        new ChangePasswordCommand({
          AccessToken: tokens.AccessToken,
          PreviousPassword: "Wrong-Passw0rd!",
          ProposedPassword: "New-Passw0rd!",
        }),
      ),
      "NotAuthorizedException",
      "Incorrect username or password.",
    );
    await rejectsWith(
      t().client.send(
        new ChangePasswordCommand({
          AccessToken: tokens.AccessToken,
          PreviousPassword: PASSWORD,
          ProposedPassword: "nocapitals1!",
        }),
      ),
      "InvalidPasswordException",
      "Password does not conform to policy: Password must have uppercase characters",
    );
    await t().client.send(
      new ChangePasswordCommand({
        AccessToken: tokens.AccessToken,
        PreviousPassword: PASSWORD,
        ProposedPassword: "New-Passw0rd!",
      }),
    );
    await rejectsWith(adminSignIn(t().client, pool, "ed"), "NotAuthorizedException");
    assert.ok((await adminSignIn(t().client, pool, "ed", "New-Passw0rd!")).AuthenticationResult);
  });
});
