import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { CreateUserPoolClientCommand } from "@aws-sdk/client-cognito-identity-provider";
import { JwtRsaVerifier } from "aws-jwt-verify";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { rotateSigningKeys } from "../../src/domain/tokens/signingKeys.js";
import { adminSignIn, claimsOf, confirmedUser, PASSWORD, signInPool } from "../support/auth.js";
import { describeEachEngine, startTestServer, type TestServer } from "../support/testServer.js";

describeEachEngine("ID and access tokens", (t) => {
  const jwks = (poolId: string) => createRemoteJWKSet(new URL(`${t().url}/${poolId}/.well-known/jwks.json`));

  it("verify with jose against the pool's JWKS, with Cognito's claims", async () => {
    const pool = await signInPool(t().client, { Schema: [{ Name: "tier", AttributeDataType: "String" }] });
    const tokens = await confirmedUser(t().client, pool, "ann", {
      email: "ann@example.com",
      email_verified: "true",
      "custom:tier": "gold",
    });
    const issuer = `${t().url}/${pool.poolId}`;
    const id = await jwtVerify(tokens.IdToken ?? "", jwks(pool.poolId), {
      issuer,
      audience: pool.clientId,
      algorithms: ["RS256"],
    });
    const access = await jwtVerify(tokens.AccessToken ?? "", jwks(pool.poolId), { issuer, algorithms: ["RS256"] });

    assert.equal(id.payload.token_use, "id");
    assert.equal(id.payload["cognito:username"], "ann");
    assert.equal(id.payload.email, "ann@example.com");
    assert.equal(id.payload.email_verified, true);
    assert.equal(id.payload["custom:tier"], "gold");
    assert.match(String(id.payload.sub), /^[0-9a-f-]{36}$/);
    assert.equal(access.payload.token_use, "access");
    assert.equal(access.payload.client_id, pool.clientId);
    assert.equal(access.payload.username, "ann");
    assert.equal(access.payload.scope, "aws.cognito.signin.user.admin");
    assert.equal(access.payload.aud, undefined);
    assert.equal(access.payload.sub, id.payload.sub);
    for (const payload of [id.payload, access.payload]) {
      assert.equal((payload.exp ?? 0) - (payload.iat ?? 0), 3600);
      assert.equal(payload.auth_time, payload.iat);
      assert.match(String(payload.jti), /^[0-9a-f-]{36}$/);
      assert.match(String(payload.origin_jti), /^[0-9a-f-]{36}$/);
      assert.match(String(payload.event_id), /^[0-9a-f-]{36}$/);
    }
    assert.notEqual(id.payload.jti, access.payload.jti);
    assert.equal(id.payload.origin_jti, access.payload.origin_jti);
    assert.equal(id.payload.event_id, access.payload.event_id);
    assert.equal(id.protectedHeader.alg, "RS256");
    assert.notEqual(id.protectedHeader.kid, access.protectedHeader.kid, "ID and access tokens are signed with different keys");
  });

  it("verify with aws-jwt-verify's JwtRsaVerifier, given the JWKS (it fetches only over https)", async () => {
    const pool = await signInPool(t().client);
    const tokens = await confirmedUser(t().client, pool, "bob");
    const issuer = `${t().url}/${pool.poolId}`;
    const jwksUri = `${issuer}/.well-known/jwks.json`;
    const keys = (await (await fetch(jwksUri)).json()) as Parameters<ReturnType<typeof JwtRsaVerifier.create>["cacheJwks"]>[0];
    const idVerifier = JwtRsaVerifier.create({ issuer, audience: pool.clientId, jwksUri });
    idVerifier.cacheJwks(keys);
    assert.equal((await idVerifier.verify(tokens.IdToken ?? "")).token_use, "id");
    const accessVerifier = JwtRsaVerifier.create({ issuer, audience: null, jwksUri });
    accessVerifier.cacheJwks(keys);
    assert.equal((await accessVerifier.verify(tokens.AccessToken ?? "")).token_use, "access");
    await assert.rejects(idVerifier.verify(`${tokens.IdToken?.slice(0, -4)}AAAA`));
  });

  it("last as long as the app client says", async () => {
    const pool = await signInPool(t().client);
    const { UserPoolClient } = await t().client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool.poolId,
        ClientName: "short",
        ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        AccessTokenValidity: 5,
        IdTokenValidity: 2,
        TokenValidityUnits: { AccessToken: "minutes", IdToken: "hours" },
      }),
    );
    await confirmedUser(t().client, pool, "cy");
    const out = await adminSignIn(t().client, { poolId: pool.poolId, clientId: UserPoolClient?.ClientId ?? "" }, "cy");
    assert.equal(out.AuthenticationResult?.ExpiresIn, 300);
    const access = claimsOf(out.AuthenticationResult?.AccessToken);
    const id = claimsOf(out.AuthenticationResult?.IdToken);
    assert.equal(Number(access.exp) - Number(access.iat), 300);
    assert.equal(Number(id.exp) - Number(id.iat), 7200);
  });

  it("carry only the attributes the client may read", async () => {
    const pool = await signInPool(t().client);
    await confirmedUser(t().client, pool, "di", { email: "di@example.com", name: "Di" });
    const { UserPoolClient } = await t().client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool.poolId,
        ClientName: "narrow",
        ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH"],
        ReadAttributes: ["name"],
      }),
    );
    const out = await adminSignIn(t().client, { poolId: pool.poolId, clientId: UserPoolClient?.ClientId ?? "" }, "di", PASSWORD);
    const id = claimsOf(out.AuthenticationResult?.IdToken);
    assert.equal(id.name, "Di");
    assert.equal(id.email, undefined);
  });

  it("publish the JWKS and OIDC discovery; an unknown pool is 404", async () => {
    const pool = await signInPool(t().client);
    const keys = (await (await fetch(`${t().url}/${pool.poolId}/.well-known/jwks.json`)).json()) as {
      keys: Record<string, string>[];
    };
    assert.equal(keys.keys.length, 2);
    for (const key of keys.keys) {
      assert.deepEqual(Object.keys(key).sort(), ["alg", "e", "kid", "kty", "n", "use"]);
      assert.equal(key.alg, "RS256");
      assert.equal(key.kty, "RSA");
      assert.equal(key.use, "sig");
    }
    const discovery = (await (await fetch(`${t().url}/${pool.poolId}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    assert.equal(discovery.issuer, `${t().url}/${pool.poolId}`);
    assert.equal(discovery.jwks_uri, `${t().url}/${pool.poolId}/.well-known/jwks.json`);
    assert.deepEqual(discovery.id_token_signing_alg_values_supported, ["RS256"]);
    const missing = await fetch(`${t().url}/us-east-1_000000000/.well-known/jwks.json`);
    assert.equal(missing.status, 404);
    assert.deepEqual(await missing.json(), { message: "User pool us-east-1_000000000 does not exist." });
  });

  it("after a key rotation are signed with the new keys, while the old tokens still verify", async () => {
    const pool = await signInPool(t().client);
    const before = await confirmedUser(t().client, pool, "ed");
    await rotateSigningKeys(t().server.domain, pool.poolId);
    const after = (await adminSignIn(t().client, pool, "ed")).AuthenticationResult;
    assert.notEqual(decodeProtectedHeader(after?.IdToken ?? "").kid, decodeProtectedHeader(before.IdToken ?? "").kid);
    const keys = jwks(pool.poolId);
    const issuer = `${t().url}/${pool.poolId}`;
    await jwtVerify(before.IdToken ?? "", keys, { issuer, audience: pool.clientId });
    await jwtVerify(after?.IdToken ?? "", keys, { issuer, audience: pool.clientId });
    // Published: the new pair and the retired one, until a day has passed.
    assert.equal(((await (await fetch(`${issuer}/.well-known/jwks.json`)).json()) as { keys: unknown[] }).keys.length, 4);
    t().clock.advance(24 * 3_600_000 + 1);
    assert.equal(((await (await fetch(`${issuer}/.well-known/jwks.json`)).json()) as { keys: unknown[] }).keys.length, 2);
  });
});

describe("a configured public URL", () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer("sqlite", { publicUrl: "https://idp.example.com/" });
  });
  after(async () => {
    await t.close();
  });

  it("is the issuer of tokens and discovery", async () => {
    const pool = await signInPool(t.client);
    const tokens = await confirmedUser(t.client, pool, "fay");
    assert.equal(claimsOf(tokens.IdToken).iss, `https://idp.example.com/${pool.poolId}`);
    const discovery = (await (await fetch(`${t.url}/${pool.poolId}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    assert.equal(discovery.jwks_uri, `https://idp.example.com/${pool.poolId}/.well-known/jwks.json`);
  });
});
