import assert from "node:assert/strict";
import { it } from "node:test";
import { rotateSigningKeys } from "../../src/domain/tokens/signingKeys.js";
import { adminSignIn, confirmedUser, signInPool } from "../support/auth.js";
import { describeEachEngine } from "../support/testServer.js";

const DAY = 24 * 3_600_000;

/** A retired signing key is kept only while something it signed can still be valid. */
describeEachEngine("retired signing keys are deleted", (t) => {
  async function storedKids(poolId: string): Promise<string[]> {
    return (await t().server.store.signingKeys.list(poolId)).map((k) => k.kid);
  }

  async function publishedKids(poolId: string): Promise<string[]> {
    const response = await fetch(`${t().url}/${poolId}/.well-known/jwks.json`);
    const jwks = (await response.json()) as { keys: { kid: string }[] };
    return jwks.keys.map((k) => k.kid);
  }

  it("keeps a retired pair for a day, then a rotation deletes it from the table", async () => {
    const pool = await signInPool(t().client);
    await confirmedUser(t().client, pool, "signer");
    await adminSignIn(t().client, pool, "signer");
    const first = await storedKids(pool.poolId);
    assert.equal(first.length, 2);

    await rotateSigningKeys(t().server.domain, pool.poolId);
    assert.equal((await storedKids(pool.poolId)).length, 4);

    t().clock.advance(DAY - 1);
    await rotateSigningKeys(t().server.domain, pool.poolId);
    const second = await storedKids(pool.poolId);
    assert.equal(second.length, 6);
    assert.ok(first.every((kid) => second.includes(kid)));

    t().clock.advance(1);
    await rotateSigningKeys(t().server.domain, pool.poolId);
    const third = await storedKids(pool.poolId);
    assert.equal(third.length, 6);
    assert.ok(first.every((kid) => !third.includes(kid)));
    assert.deepEqual((await publishedKids(pool.poolId)).sort(), third.sort());
  });

  it("deletes keys revoked at once on the next rotation", async () => {
    const pool = await signInPool(t().client);
    await confirmedUser(t().client, pool, "leaker");
    await adminSignIn(t().client, pool, "leaker");
    const leaked = await storedKids(pool.poolId);
    await rotateSigningKeys(t().server.domain, pool.poolId, { revokeNow: true });
    const after = await storedKids(pool.poolId);
    assert.equal(after.length, 2);
    assert.ok(leaked.every((kid) => !after.includes(kid)));
  });
});
