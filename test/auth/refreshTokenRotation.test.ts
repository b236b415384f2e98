import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminInitiateAuthCommand,
  AdminUserGlobalSignOutCommand,
  type AuthenticationResultType,
  CreateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  RevokeTokenCommand,
  UpdateUserPoolClientCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { claimsOf, confirmedUser, getTokensFromRefreshToken, refresh, type SignInPool, signInPool } from "../support/auth.js";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("Refresh-token rotation", (t) => {
  /** A pool whose client rotates refresh tokens; it still lists ALLOW_REFRESH_TOKEN_AUTH, so refusals are rotation's. */
  const rotatingPool = (RetryGracePeriodSeconds = 0, app: Parameters<typeof signInPool>[2] = {}) =>
    signInPool(t().client, {}, { RefreshTokenRotation: { Feature: "ENABLED", RetryGracePeriodSeconds }, ...app });
  const getTokens = async (pool: SignInPool, token: string | undefined): Promise<AuthenticationResultType> => {
    const out = await getTokensFromRefreshToken(t().client, pool, token);
    assert.ok(out.AuthenticationResult);
    return out.AuthenticationResult;
  };
  const getUser = (accessToken: string | undefined) => t().client.send(new GetUserCommand({ AccessToken: accessToken }));
  const reused = (pool: SignInPool, token: string | undefined) =>
    rejectsWith(
      getTokensFromRefreshToken(t().client, pool, token),
      "RefreshTokenReuseException",
      "Refresh Token has been rotated",
    );
  const revoked = async (pool: SignInPool, refreshToken: string | undefined, accessToken: string | undefined) => {
    await rejectsWith(
      getTokensFromRefreshToken(t().client, pool, refreshToken),
      "NotAuthorizedException",
      "Refresh Token has been revoked",
    );
    await rejectsWith(getUser(accessToken), "NotAuthorizedException", "Access Token has been revoked");
  };

  it("echoes RefreshTokenRotation on create, describe and update: DISABLED with a 0 s grace period unless set", async () => {
    const poolId = await createPool(t().client);
    const created = await t().client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "plain" }));
    assert.deepEqual(created.UserPoolClient?.RefreshTokenRotation, { Feature: "DISABLED", RetryGracePeriodSeconds: 0 });
    const ClientId = created.UserPoolClient?.ClientId;
    const describe = async () =>
      (await t().client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId }))).UserPoolClient
        ?.RefreshTokenRotation;
    const updated = await t().client.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientId,
        RefreshTokenRotation: { Feature: "ENABLED", RetryGracePeriodSeconds: 45 },
      }),
    );
    assert.deepEqual(updated.UserPoolClient?.RefreshTokenRotation, { Feature: "ENABLED", RetryGracePeriodSeconds: 45 });
    assert.deepEqual(await describe(), { Feature: "ENABLED", RetryGracePeriodSeconds: 45 });
    await t().client.send(
      new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId, RefreshTokenRotation: { Feature: "ENABLED" } }),
    );
    assert.deepEqual(await describe(), { Feature: "ENABLED", RetryGracePeriodSeconds: 0 });
    // UpdateUserPoolClient replaces: a setting left out goes back to its default (reference §3.3).
    await t().client.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId }));
    assert.deepEqual(await describe(), { Feature: "DISABLED", RetryGracePeriodSeconds: 0 });
  });

  it("refuses a grace period outside 0–60 s and a rotation without Feature, changing nothing", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      t().client.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: "bad",
          RefreshTokenRotation: { Feature: "ENABLED", RetryGracePeriodSeconds: 61 },
        }),
      ),
      "InvalidParameterException",
    );
    const { UserPoolClient } = await t().client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "ok" }));
    await rejectsWith(
      t().client.send(
        new UpdateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientId: UserPoolClient?.ClientId,
          RefreshTokenRotation: { Feature: undefined, RetryGracePeriodSeconds: 10 },
        }),
      ),
      "InvalidParameterException",
    );
    const after = await t().client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: UserPoolClient?.ClientId }),
    );
    assert.deepEqual(after.UserPoolClient?.RefreshTokenRotation, { Feature: "DISABLED", RetryGracePeriodSeconds: 0 });
  });

  it("with rotation on, GetTokensFromRefreshToken returns a new refresh token of the same sign-in, which refreshes in turn", async () => {
    const pool = await rotatingPool();
    const first = await confirmedUser(t().client, pool, "ann");
    t().clock.advance(60_000);
    const second = await getTokens(pool, first.RefreshToken);
    assert.ok(second.RefreshToken);
    assert.notEqual(second.RefreshToken, first.RefreshToken);
    const third = await getTokens(pool, second.RefreshToken);
    assert.ok(third.RefreshToken);
    for (const result of [second, third]) {
      for (const token of [result.AccessToken, result.IdToken]) {
        assert.equal(claimsOf(token).origin_jti, claimsOf(first.AccessToken).origin_jti);
        assert.equal(claimsOf(token).auth_time, claimsOf(first.AccessToken).auth_time);
      }
      // Access tokens from a rotated refresh token still name a live sign-in.
      assert.equal((await getUser(result.AccessToken)).Username, "ann");
    }
  });

  it("with rotation on, refreshes without ALLOW_REFRESH_TOKEN_AUTH in the client's flows", async () => {
    const pool = await rotatingPool(0, { ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH"] });
    const first = await confirmedUser(t().client, pool, "bo");
    assert.ok((await getTokens(pool, first.RefreshToken)).RefreshToken);
  });

  it("with rotation off, returns no new refresh token and the token keeps working", async () => {
    const pool = await signInPool(t().client, {}, { RefreshTokenRotation: { Feature: "DISABLED", RetryGracePeriodSeconds: 30 } });
    const first = await confirmedUser(t().client, pool, "cy");
    assert.equal((await getTokens(pool, first.RefreshToken)).RefreshToken, undefined);
    t().clock.advance(120_000);
    assert.equal((await getTokens(pool, first.RefreshToken)).RefreshToken, undefined);
  });

  it("without a grace period, refuses the rotated-out token at once as reused", async () => {
    const pool = await rotatingPool(0);
    const first = await confirmedUser(t().client, pool, "di");
    const second = await getTokens(pool, first.RefreshToken);
    await reused(pool, first.RefreshToken);
    assert.ok((await getTokens(pool, second.RefreshToken)).RefreshToken);
  });

  it("with a grace period, the rotated-out token keeps working until the period since its first rotation has passed", async () => {
    const pool = await rotatingPool(10);
    const first = await confirmedUser(t().client, pool, "ed");
    const second = await getTokens(pool, first.RefreshToken);
    t().clock.advance(9_999);
    // A retry within the grace period gets a successor of its own; it does not extend the period.
    const retried = await getTokens(pool, first.RefreshToken);
    assert.ok(retried.RefreshToken);
    assert.notEqual(retried.RefreshToken, second.RefreshToken);
    t().clock.advance(1);
    await reused(pool, first.RefreshToken);
    assert.ok((await getTokens(pool, second.RefreshToken)).RefreshToken);
    assert.ok((await getTokens(pool, retried.RefreshToken)).RefreshToken);
  });

  it("of two concurrent refreshes with one token and no grace period, exactly one succeeds; the other is told it was reused", async () => {
    const pool = await rotatingPool(0);
    const first = await confirmedUser(t().client, pool, "fay");
    const outcomes = await Promise.allSettled([0, 1].map(() => getTokensFromRefreshToken(t().client, pool, first.RefreshToken)));
    assert.equal(outcomes.filter((o) => o.status === "fulfilled").length, 1);
    const failure = outcomes.find((o) => o.status === "rejected");
    assert.equal(failure?.status === "rejected" && (failure.reason as Error).name, "RefreshTokenReuseException");
  });

  it("of two concurrent refreshes with one token within the grace period, both succeed with different successors", async () => {
    const pool = await rotatingPool(30);
    const first = await confirmedUser(t().client, pool, "gus");
    const both = await Promise.all([0, 1].map(() => getTokens(pool, first.RefreshToken)));
    assert.notEqual(both[0]?.RefreshToken, both[1]?.RefreshToken);
  });

  it("a successor expires when the sign-in's first refresh token would have", async () => {
    const pool = await rotatingPool(0);
    const first = await confirmedUser(t().client, pool, "hal");
    t().clock.advance(29 * 86_400_000);
    const late = await getTokens(pool, first.RefreshToken);
    t().clock.advance(86_400_000);
    await rejectsWith(
      getTokensFromRefreshToken(t().client, pool, late.RefreshToken),
      "NotAuthorizedException",
      "Refresh Token has expired",
    );
  });

  it("refuses REFRESH_TOKEN_AUTH and REFRESH_TOKEN on InitiateAuth and AdminInitiateAuth for a client with rotation on", async () => {
    const pool = await rotatingPool(0);
    const first = await confirmedUser(t().client, pool, "ivy");
    const message =
      "Refresh Token flow not supported for this client: refresh token rotation is enabled, use GetTokensFromRefreshToken";
    await rejectsWith(refresh(t().client, pool, first.RefreshToken), "InvalidParameterException", message);
    for (const AuthFlow of ["REFRESH_TOKEN_AUTH", "REFRESH_TOKEN"] as const) {
      await rejectsWith(
        t().client.send(
          new AdminInitiateAuthCommand({
            UserPoolId: pool.poolId,
            ClientId: pool.clientId,
            AuthFlow,
            AuthParameters: { REFRESH_TOKEN: first.RefreshToken ?? "" },
          }),
        ),
        "InvalidParameterException",
        message,
      );
    }
    // Nothing was used up: the token still rotates.
    assert.ok((await getTokens(pool, first.RefreshToken)).RefreshToken);
  });

  it("RevokeToken of any token of a rotated family, the oldest or the newest, revokes the whole family and its access tokens", async () => {
    const pool = await rotatingPool(60);
    for (const [username, revokeOldest] of [
      ["jo", true],
      ["kim", false],
    ] as const) {
      const first = await confirmedUser(t().client, pool, username);
      const second = await getTokens(pool, first.RefreshToken);
      const third = await getTokens(pool, second.RefreshToken);
      await t().client.send(
        new RevokeTokenCommand({ ClientId: pool.clientId, Token: revokeOldest ? first.RefreshToken : third.RefreshToken }),
      );
      for (const [refreshToken, accessToken] of [
        [first.RefreshToken, first.AccessToken],
        [second.RefreshToken, second.AccessToken],
        [third.RefreshToken, third.AccessToken],
      ]) {
        await revoked(pool, refreshToken, accessToken);
      }
    }
  });

  it("GlobalSignOut and AdminUserGlobalSignOut revoke every token of a rotated family and its access tokens", async () => {
    const pool = await rotatingPool(60);
    const signOuts: [string, (accessToken: string | undefined) => Promise<unknown>][] = [
      ["lee", (accessToken) => t().client.send(new GlobalSignOutCommand({ AccessToken: accessToken }))],
      ["mo", () => t().client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: pool.poolId, Username: "mo" }))],
    ];
    for (const [username, signOut] of signOuts) {
      const first = await confirmedUser(t().client, pool, username);
      const second = await getTokens(pool, first.RefreshToken);
      // GlobalSignOut with an access token issued from the rotated refresh token.
      await signOut(second.AccessToken);
      await revoked(pool, first.RefreshToken, first.AccessToken);
      await revoked(pool, second.RefreshToken, second.AccessToken);
    }
  });

  it("disabling the user stops every token of a rotated family and its access tokens, until re-enabled", async () => {
    const pool = await rotatingPool(60);
    const first = await confirmedUser(t().client, pool, "ned");
    const second = await getTokens(pool, first.RefreshToken);
    await t().client.send(new AdminDisableUserCommand({ UserPoolId: pool.poolId, Username: "ned" }));
    for (const token of [first.RefreshToken, second.RefreshToken]) {
      await rejectsWith(getTokensFromRefreshToken(t().client, pool, token), "NotAuthorizedException", "User is disabled.");
    }
    await rejectsWith(getUser(second.AccessToken), "NotAuthorizedException", "Access Token has been revoked");
    await t().client.send(new AdminEnableUserCommand({ UserPoolId: pool.poolId, Username: "ned" }));
    assert.ok((await getTokens(pool, second.RefreshToken)).RefreshToken);
  });
});
