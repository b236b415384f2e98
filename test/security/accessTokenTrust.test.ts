import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { decodeJwt, type JwtPayload, signJwt } from "../../src/domain/kernel/jwt.js";
import { initiateAuth } from "../../src/domain/signIn/signIn.js";
import { authenticateAccessToken } from "../../src/domain/tokens/accessTokens.js";
import { activeSigningKeys, publishedKeys, rotateSigningKeys } from "../../src/domain/tokens/signingKeys.js";
import { NotAuthorizedException } from "../../src/errors.js";
import { openTestDomain, type TestDomain, userWithPassword } from "../support/domain.js";

const PASSWORD = "Passw0rd!Passw0rd";
const HOUR = 3600_000;

/**
 * What a holder of a stolen signing key can mint, and what the server still
 * refuses: tokens must agree with what it recorded when it signed in the user.
 */
describe("access tokens signed with the pool's own key, but not as the server issued them", () => {
  let d: TestDomain;

  before(async () => {
    d = await openTestDomain();
    await userWithPassword(d, "ann", PASSWORD, { permanent: true });
    await userWithPassword(d, "bob", PASSWORD, { permanent: true });
  });
  after(() => d.close());

  async function accessToken(username: string): Promise<string> {
    const outcome = await initiateAuth(d.ctx, {
      pool: d.pool,
      client: d.client,
      flow: "ADMIN_USER_PASSWORD_AUTH",
      parameters: { USERNAME: username, PASSWORD },
      admin: true,
    });
    assert.ok("result" in outcome);
    return outcome.result.AccessToken;
  }

  /** The token's claims changed, signed again with the pool's current access key. */
  async function forged(token: string, change: (claims: JwtPayload) => JwtPayload): Promise<string> {
    const decoded = decodeJwt(token);
    assert.ok(decoded);
    const { access } = await activeSigningKeys(d.ctx, d.pool.id);
    return signJwt({ kid: access.kid, alg: "RS256" }, change(decoded.payload), access.privateKey);
  }

  const refused = (token: string) =>
    assert.rejects(
      authenticateAccessToken(d.ctx, token),
      (e: unknown) => e instanceof NotAuthorizedException && e.message === "Invalid Access Token",
    );

  it("accepts the token as issued, and the same claims signed again", async () => {
    const token = await accessToken("ann");
    assert.equal((await authenticateAccessToken(d.ctx, token)).user.username, "ann");
    assert.equal((await authenticateAccessToken(d.ctx, await forged(token, (c) => c))).user.username, "ann");
  });

  it("refuses a token that would live longer than its client's access-token validity", async () => {
    const token = await accessToken("ann");
    const longLived = await forged(token, (c) => ({ ...c, exp: Number(c.exp) + 365 * 24 * 3600 }));
    await refused(longLived);
  });

  it("refuses a token whose origin_jti names another user's sign-in", async () => {
    const ann = decodeJwt(await accessToken("ann"));
    const bobToken = await accessToken("bob");
    assert.ok(ann);
    await refused(await forged(bobToken, (c) => ({ ...c, origin_jti: ann.payload.origin_jti })));
  });

  it("refuses a token naming a client of another pool, or none", async () => {
    const token = await accessToken("ann");
    await refused(await forged(token, (c) => ({ ...c, client_id: "0000000000000000000000000" })));
  });

  it("trusts a retired key for the longest token lifetime, then never, whatever the token's exp says", async () => {
    const token = await accessToken("ann");
    const early = await forged(token, (c) => ({ ...c, iat: Number(c.iat) + 25 * 3600, exp: Number(c.exp) + 25 * 3600 }));
    await rotateSigningKeys(d.ctx, d.pool.id);
    assert.equal((await authenticateAccessToken(d.ctx, token)).user.username, "ann");
    d.clock.advance(25 * HOUR + 60_000);
    // Not expired by its own claims, signed by a key retired 25 hours ago.
    await refused(early);
    const kid = decodeJwt(token)?.header.kid;
    assert.ok(!(await publishedKeys(d.ctx, d.pool.id)).some((jwk) => jwk.kid === kid));
  });

  it("with keys rotate --revoke-now, stops trusting and publishing the old keys at once", async () => {
    const token = await accessToken("bob");
    const kid = decodeJwt(token)?.header.kid;
    await rotateSigningKeys(d.ctx, d.pool.id, { revokeNow: true });
    await refused(token);
    assert.ok(!(await publishedKeys(d.ctx, d.pool.id)).some((jwk) => jwk.kid === kid));
    assert.equal((await authenticateAccessToken(d.ctx, await accessToken("bob"))).user.username, "bob");
  });
});
