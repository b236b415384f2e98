import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminInitiateAuthCommand,
  AdminUserGlobalSignOutCommand,
  RevokeTokenCommand,
  UpdateUserPoolClientCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { adminSignIn, claimsOf, confirmedUser, refresh, signInPool } from "../support/auth.js";
import { createAppClient, rejectsWith } from "../support/fixtures.js";
import { secretHashFor } from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("REFRESH_TOKEN_AUTH, RevokeToken and global sign-out", (t) => {
  it("issues new ID and access tokens from the same sign-in, without a new refresh token, on both operations and both flow names", async () => {
    const pool = await signInPool(t().client);
    const first = await confirmedUser(t().client, pool, "ann");
    t().clock.advance(60_000);
    const viaPublic = await refresh(t().client, pool, first.RefreshToken);
    const viaAdmin = await t().client.send(
      new AdminInitiateAuthCommand({
        UserPoolId: pool.poolId,
        ClientId: pool.clientId,
        AuthFlow: "REFRESH_TOKEN",
        AuthParameters: { REFRESH_TOKEN: first.RefreshToken ?? "" },
      }),
    );
    for (const out of [viaPublic, viaAdmin]) {
      const result = out.AuthenticationResult;
      assert.equal(result?.RefreshToken, undefined);
      assert.equal(result?.ExpiresIn, 3600);
      const original = claimsOf(first.AccessToken);
      const access = claimsOf(result?.AccessToken);
      assert.equal(access.origin_jti, original.origin_jti);
      assert.equal(access.auth_time, original.auth_time);
      assert.equal(Number(access.iat) - Number(original.iat), 60);
      assert.notEqual(access.jti, original.jti);
      assert.equal(claimsOf(result?.IdToken)["cognito:username"], "ann");
    }
  });

  it("refuses a tampered token, another client's token, an expired one, and one the client may not use", async () => {
    const pool = await signInPool(t().client);
    const tokens = await confirmedUser(t().client, pool, "bob");
    const token = tokens.RefreshToken ?? "";
    await rejectsWith(refresh(t().client, pool, `${token.slice(0, -2)}xx`), "NotAuthorizedException", "Invalid Refresh Token");
    await rejectsWith(refresh(t().client, pool, token.split(".")[0]), "NotAuthorizedException", "Invalid Refresh Token");
    const { clientId } = await createAppClient(t().client, pool.poolId, { ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"] });
    await rejectsWith(
      refresh(t().client, { poolId: pool.poolId, clientId }, token),
      "NotAuthorizedException",
      "Invalid Refresh Token",
    );
    const { clientId: noRefresh } = await createAppClient(t().client, pool.poolId, {
      ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH"],
    });
    await rejectsWith(refresh(t().client, { poolId: pool.poolId, clientId: noRefresh }, token), "InvalidParameterException");
    await rejectsWith(
      refresh(t().client, pool, undefined),
      "InvalidParameterException",
      "Missing required parameter REFRESH_TOKEN",
    );
    t().clock.advance(30 * 86_400_000 + 1);
    await rejectsWith(refresh(t().client, pool, token), "NotAuthorizedException", "Refresh Token has expired");
  });

  it("stops working for a disabled user, and again once re-enabled; not at all for a deleted one", async () => {
    const pool = await signInPool(t().client);
    const tokens = await confirmedUser(t().client, pool, "cy");
    await t().client.send(new AdminDisableUserCommand({ UserPoolId: pool.poolId, Username: "cy" }));
    await rejectsWith(refresh(t().client, pool, tokens.RefreshToken), "NotAuthorizedException", "User is disabled.");
    await t().client.send(new AdminEnableUserCommand({ UserPoolId: pool.poolId, Username: "cy" }));
    assert.ok((await refresh(t().client, pool, tokens.RefreshToken)).AuthenticationResult);
    await t().client.send(new AdminDeleteUserCommand({ UserPoolId: pool.poolId, Username: "cy" }));
    await rejectsWith(refresh(t().client, pool, tokens.RefreshToken), "NotAuthorizedException", "Invalid Refresh Token");
  });

  it("is revoked by AdminUserGlobalSignOut, every session of the user", async () => {
    const pool = await signInPool(t().client);
    const first = await confirmedUser(t().client, pool, "di");
    const second = (await adminSignIn(t().client, pool, "di")).AuthenticationResult;
    await t().client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: pool.poolId, Username: "di" }));
    for (const token of [first.RefreshToken, second?.RefreshToken]) {
      await rejectsWith(refresh(t().client, pool, token), "NotAuthorizedException", "Refresh Token has been revoked");
    }
    await rejectsWith(
      t().client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: pool.poolId, Username: "nobody" })),
      "UserNotFoundException",
    );
  });

  it("is revoked by RevokeToken, that token only", async () => {
    const pool = await signInPool(t().client);
    const first = await confirmedUser(t().client, pool, "ed");
    const second = await refresh(t().client, pool, first.RefreshToken);
    assert.ok(second.AuthenticationResult);
    await t().client.send(new RevokeTokenCommand({ ClientId: pool.clientId, Token: first.RefreshToken }));
    await rejectsWith(refresh(t().client, pool, first.RefreshToken), "NotAuthorizedException", "Refresh Token has been revoked");
    // Unknown tokens are not an error; access tokens are not refresh tokens.
    await t().client.send(new RevokeTokenCommand({ ClientId: pool.clientId, Token: "unknown.token" }));
    await rejectsWith(
      t().client.send(new RevokeTokenCommand({ ClientId: pool.clientId, Token: first.AccessToken })),
      "UnsupportedTokenTypeException",
    );
    await t().client.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: pool.poolId,
        ClientId: pool.clientId,
        EnableTokenRevocation: false,
        ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"],
      }),
    );
    await rejectsWith(
      t().client.send(new RevokeTokenCommand({ ClientId: pool.clientId, Token: first.RefreshToken })),
      "UnsupportedOperationException",
    );
  });

  it("takes the SECRET_HASH of the username or the sub for a client with a secret", async () => {
    const pool = await signInPool(t().client, {}, { GenerateSecret: true });
    const secret = pool.clientSecret;
    assert.ok(secret);
    const hash = secretHashFor(secret, "fay", pool.clientId);
    const tokens = await confirmedUser(t().client, pool, "fay", {}, { SECRET_HASH: hash });
    const token = tokens.RefreshToken;
    const sub = String(claimsOf(tokens.AccessToken).sub);
    await rejectsWith(refresh(t().client, pool, token), "NotAuthorizedException", /SECRET_HASH was not received/);
    assert.ok((await refresh(t().client, pool, token, { SECRET_HASH: hash })).AuthenticationResult);
    assert.ok(
      (await refresh(t().client, pool, token, { SECRET_HASH: secretHashFor(secret, sub, pool.clientId) })).AuthenticationResult,
    );
    await rejectsWith(
      t().client.send(new RevokeTokenCommand({ ClientId: pool.clientId, Token: token })),
      "UnauthorizedException",
    );
    await rejectsWith(
      t().client.send(new RevokeTokenCommand({ ClientId: pool.clientId, Token: token, ClientSecret: `${secret.slice(1)}x` })),
      "UnauthorizedException",
    );
    await t().client.send(new RevokeTokenCommand({ ClientId: pool.clientId, Token: token, ClientSecret: secret }));
  });
});
