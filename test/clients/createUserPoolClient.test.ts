import assert from "node:assert/strict";
import { it } from "node:test";
import { CreateUserPoolClientCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("CreateUserPoolClient", (t) => {
  it("creates a public client with Cognito's defaults", async () => {
    const poolId = await createPool(t().client);
    const { UserPoolClient: c } = await t().client.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "web" }),
    );
    assert.ok(c);
    assert.match(c.ClientId ?? "", /^[0-9a-v]{26}$/);
    assert.equal(c.UserPoolId, poolId);
    assert.equal(c.ClientName, "web");
    assert.equal(c.ClientSecret, undefined);
    assert.equal(c.RefreshTokenValidity, 30);
    assert.deepEqual(c.TokenValidityUnits, {});
    assert.equal(c.AccessTokenValidity, undefined);
    assert.equal(c.AllowedOAuthFlowsUserPoolClient, false);
    assert.equal(c.EnableTokenRevocation, true);
    assert.equal(c.EnablePropagateAdditionalUserContextData, false);
    assert.equal(c.AuthSessionValidity, 3);
    assert.equal(c.ExplicitAuthFlows, undefined);
    assert.equal(c.PreventUserExistenceErrors, undefined);
    assert.ok(c.CreationDate instanceof Date);
  });

  it("generates a secret on request, or keeps the one given", async () => {
    const poolId = await createPool(t().client);
    const generated = await t().client.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "server", GenerateSecret: true }),
    );
    assert.match(generated.UserPoolClient?.ClientSecret ?? "", /^[0-9a-v]{52}$/);
    const given = await t().client.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "own", ClientSecret: "my_own_secret_of_30_chars_xxx" }),
    );
    assert.equal(given.UserPoolClient?.ClientSecret, "my_own_secret_of_30_chars_xxx");
    await rejectsWith(
      t().client.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: "both",
          GenerateSecret: true,
          ClientSecret: "x".repeat(30),
        }),
      ),
      "InvalidParameterException",
    );
  });

  it("echoes token lifetimes and their units, and refuses ones out of range", async () => {
    const poolId = await createPool(t().client);
    const { UserPoolClient: c } = await t().client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: "lifetimes",
        AccessTokenValidity: 15,
        IdTokenValidity: 2,
        RefreshTokenValidity: 7,
        TokenValidityUnits: { AccessToken: "minutes", IdToken: "hours", RefreshToken: "days" },
      }),
    );
    assert.equal(c?.AccessTokenValidity, 15);
    assert.deepEqual(c?.TokenValidityUnits, { AccessToken: "minutes", IdToken: "hours", RefreshToken: "days" });
    await rejectsWith(
      t().client.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: "short",
          AccessTokenValidity: 2,
          TokenValidityUnits: { AccessToken: "minutes" },
        }),
      ),
      "InvalidParameterException",
      "Invalid range for token validity.",
    );
    // A number without a unit is hours for access tokens: 25 hours is over the one-day limit.
    await rejectsWith(
      t().client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "long", AccessTokenValidity: 25 })),
      "InvalidParameterException",
      "Invalid range for token validity.",
    );
  });

  it("refuses legacy auth flows mixed with ALLOW_ flows", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      t().client.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: "mixed",
          ExplicitAuthFlows: ["ADMIN_NO_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        }),
      ),
      "InvalidParameterException",
    );
    const { UserPoolClient: legacy } = await t().client.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "legacy", ExplicitAuthFlows: ["ADMIN_NO_SRP_AUTH"] }),
    );
    assert.deepEqual(legacy?.ExplicitAuthFlows, ["ADMIN_NO_SRP_AUTH"]);
  });

  it("refuses read or write attributes the pool does not have", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      t().client.send(
        new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "attrs", ReadAttributes: ["email", "custom:nope"] }),
      ),
      "InvalidParameterException",
      /custom:nope/,
    );
  });

  it("answers an unknown pool with ResourceNotFoundException", async () => {
    await rejectsWith(
      t().client.send(new CreateUserPoolClientCommand({ UserPoolId: "us-east-1_000000000", ClientName: "x" })),
      "ResourceNotFoundException",
      "User pool us-east-1_000000000 does not exist.",
    );
  });
});
