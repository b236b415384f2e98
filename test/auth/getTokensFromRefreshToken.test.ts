import assert from "node:assert/strict";
import { it } from "node:test";
import { claimsOf, confirmedUser, getTokensFromRefreshToken, type SignInPool, signInPool } from "../support/auth.js";
import { createAppClient, rejectsWith } from "../support/fixtures.js";
import { secretHashFor } from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("GetTokensFromRefreshToken", (t) => {
  const getTokens = (pool: SignInPool, token: string | undefined, clientSecret?: string) =>
    getTokensFromRefreshToken(t().client, pool, token, clientSecret);

  it("issues new ID and access tokens from the same sign-in, and no new refresh token, for a client without rotation", async () => {
    const pool = await signInPool(t().client);
    const first = await confirmedUser(t().client, pool, "ann");
    const out = await getTokens(pool, first.RefreshToken);
    assert.equal(out.AuthenticationResult?.RefreshToken, undefined);
    assert.equal(claimsOf(out.AuthenticationResult?.AccessToken).origin_jti, claimsOf(first.AccessToken).origin_jti);
    assert.equal(claimsOf(out.AuthenticationResult?.IdToken)["cognito:username"], "ann");
  });

  it("takes the client secret itself from a client with one, and refuses none or a wrong one", async () => {
    const pool = await signInPool(t().client, {}, { GenerateSecret: true });
    const secret = pool.clientSecret ?? "";
    const first = await confirmedUser(t().client, pool, "sam", {}, { SECRET_HASH: secretHashFor(secret, "sam", pool.clientId) });
    await rejectsWith(
      getTokens(pool, first.RefreshToken),
      "NotAuthorizedException",
      `Client ${pool.clientId} is configured with secret but ClientSecret was not received`,
    );
    await rejectsWith(
      getTokens(pool, first.RefreshToken, `${secret}x`),
      "NotAuthorizedException",
      `Unable to verify secret for client ${pool.clientId}`,
    );
    assert.ok((await getTokens(pool, first.RefreshToken, secret)).AuthenticationResult?.AccessToken);
  });

  it("refuses another client's token and a client that does not allow refresh", async () => {
    const pool = await signInPool(t().client);
    const first = await confirmedUser(t().client, pool, "bob");
    const other = await createAppClient(t().client, pool.poolId, { ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"] });
    await rejectsWith(
      getTokens({ poolId: pool.poolId, ...other }, first.RefreshToken),
      "NotAuthorizedException",
      "Invalid Refresh Token",
    );
    const noRefresh = await createAppClient(t().client, pool.poolId, { ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH"] });
    await rejectsWith(
      getTokens({ poolId: pool.poolId, ...noRefresh }, first.RefreshToken),
      "InvalidParameterException",
      "Refresh Token flow not enabled for this client",
    );
  });
});
