import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachStore } from "../support/storeContract.js";
import { existingRows, newAuthSession, newPool, newRefreshToken, newUser, unique } from "../support/storeFixtures.js";

describeEachStore("store contract: sign-in records (signing keys, refresh tokens, sessions, sign-in failures)", (s) => {
  const { existingPool } = existingRows(s);

  const jwk = { kty: "RSA", n: "abc", e: "AQAB", alg: "RS256", use: "sig" };

  it("signing keys list oldest first, and retiring marks only the active ones", async () => {
    const poolId = await existingPool();
    const old = {
      kid: unique("kid"),
      poolId,
      use: "id" as const,
      publicJwk: { ...jwk, kid: "a" },
      sealedPrivateKey: "sealed",
      createdAt: 1,
      retiredAt: 0,
    };
    const current = { ...old, kid: unique("kid"), use: "access" as const, createdAt: 2, retiredAt: null };
    await s().signingKeys.insert(current);
    await s().signingKeys.insert(old);
    assert.deepEqual(await s().signingKeys.list(poolId), [old, current]);
    await s().signingKeys.retireActive(poolId, 50);
    assert.deepEqual(
      (await s().signingKeys.list(poolId)).map((k) => k.retiredAt),
      [0, 50],
    );
    assert.deepEqual(await s().signingKeys.list(await existingPool()), []);
  });

  it("refresh tokens read back as inserted and are revoked per user", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    const other = await s().users.insert(newUser(poolId));
    const token = newRefreshToken(user, { clientId: "client", secretHash: "hash", authTime: 10, createdAt: 11, expiresAt: 12 });
    const othersId = unique("rt");
    const othersToken = { ...token, id: othersId, familyId: othersId, userId: other.id };
    await s().refreshTokens.insert(token);
    await s().refreshTokens.insert(othersToken);
    assert.deepEqual(await s().refreshTokens.get(token.id), token);
    await s().refreshTokens.revokeAllOfUser(user.id, 99);
    assert.equal((await s().refreshTokens.get(token.id))?.revokedAt, 99);
    assert.equal((await s().refreshTokens.get(othersToken.id))?.revokedAt, null);
    assert.equal(await s().refreshTokens.get("missing"), undefined);
    await s().refreshTokens.revokeFamily(othersToken.id, 100);
    assert.equal((await s().refreshTokens.get(othersToken.id))?.revokedAt, 100);
  });

  /** A user's first refresh token of a sign-in, live. */
  async function firstOfFamily(poolId: string) {
    const user = await s().users.insert(newUser(poolId));
    const token = newRefreshToken(user, {
      clientId: "client",
      secretHash: "hash",
      authTime: 10,
      createdAt: 11,
      expiresAt: 1_000,
    });
    await s().refreshTokens.insert(token);
    const successor = (createdAt: number) => ({ ...token, id: unique("rt"), secretHash: "next", createdAt });
    return { token, successor };
  }

  it("rotating marks the old token rotated and inserts its successor in the family; a rotated one rotates again only after `rotatedAfter`", async () => {
    const { token, successor } = await firstOfFamily(await existingPool());
    const second = successor(20);
    assert.equal(await s().refreshTokens.rotate(token.id, second, 20, 20), true);
    assert.deepEqual(await s().refreshTokens.get(second.id), second);
    assert.equal((await s().refreshTokens.get(token.id))?.rotatedAt, 20);
    // Outside the grace period (rotated at 20, not after 20): refused, and nothing inserted.
    const refused = successor(25);
    assert.equal(await s().refreshTokens.rotate(token.id, refused, 25, 20), false);
    assert.equal(await s().refreshTokens.get(refused.id), undefined);
    // Inside it: a second successor, and the first rotation's time is kept.
    const retried = successor(25);
    assert.equal(await s().refreshTokens.rotate(token.id, retried, 25, 15), true);
    assert.equal((await s().refreshTokens.get(retried.id))?.familyId, token.id);
    assert.equal((await s().refreshTokens.get(token.id))?.rotatedAt, 20);
  });

  it("concurrent rotations of one token without a grace period: exactly one succeeds", async () => {
    const { token, successor } = await firstOfFamily(await existingPool());
    const candidates = [successor(30), successor(30), successor(30)];
    const won = await Promise.all(candidates.map((c) => s().refreshTokens.rotate(token.id, c, 30, 30)));
    assert.deepEqual(won.filter(Boolean).length, 1);
    const stored = await Promise.all(candidates.map((c) => s().refreshTokens.get(c.id)));
    assert.equal(stored.filter((r) => r !== undefined).length, 1);
  });

  it("revoking a family revokes its first token and every successor, and no other family; a revoked token does not rotate", async () => {
    const poolId = await existingPool();
    const { token, successor } = await firstOfFamily(poolId);
    const other = await firstOfFamily(poolId);
    const second = successor(20);
    const third = successor(21);
    await s().refreshTokens.rotate(token.id, second, 20, 20);
    await s().refreshTokens.rotate(second.id, third, 21, 21);
    await s().refreshTokens.revokeFamily(token.id, 50);
    for (const id of [token.id, second.id, third.id]) assert.equal((await s().refreshTokens.get(id))?.revokedAt, 50);
    assert.equal((await s().refreshTokens.get(other.token.id))?.revokedAt, null);
    assert.equal(await s().refreshTokens.rotate(third.id, successor(60), 60, 0), false);
  });

  it("an auth session can be deleted once", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    const session = newAuthSession(user, {
      challenge: "NEW_PASSWORD_REQUIRED",
      passed: ["PASSWORD"],
      state: { codeHash: "h", nested: { n: 1 } },
    });
    await s().sessions.insert(session);
    assert.deepEqual(await s().sessions.get(session.id), session);
    const results = await Promise.all([s().sessions.delete(session.id), s().sessions.delete(session.id)]);
    assert.deepEqual(results.sort(), [false, true]);
    assert.equal(await s().sessions.get(session.id), undefined);
  });

  it("a session's wrong answers count one statement each, and none past the limit, even when sent at once", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    const session = newAuthSession(user, { challenge: "SMS_MFA" });
    await s().sessions.insert(session);
    const counts = await Promise.all(Array.from({ length: 8 }, () => s().sessions.recordFailedAttempt(session.id, 5)));
    assert.deepEqual(counts.filter((c) => c !== undefined).sort(), [1, 2, 3, 4, 5]);
    assert.equal(counts.filter((c) => c === undefined).length, 3);
    assert.equal((await s().sessions.get(session.id))?.failedAttempts, 5);
    assert.equal(await s().sessions.recordFailedAttempt("no-such-session", 5), undefined);
  });

  it("sign-in failures are upserted per user and cleared", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    await s().signInFailures.put({ userId: user.id, poolId, failures: 1, lastFailureAt: 5, lockedUntil: null });
    await s().signInFailures.put({ userId: user.id, poolId, failures: 6, lastFailureAt: 9, lockedUntil: 11 });
    assert.deepEqual(await s().signInFailures.get(user.id), {
      userId: user.id,
      poolId,
      failures: 6,
      lastFailureAt: 9,
      lockedUntil: 11,
    });
    await s().signInFailures.clear(user.id);
    assert.equal(await s().signInFailures.get(user.id), undefined);
  });

  it("sign-in attempts are claimed one by one, even at the same time, lock as told, and are forgotten when stale", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    // No lock for counts 0–2, 10 after the third, 20 after the fourth and later ones.
    const lockMs = [null, null, null, 10, 20];
    const claim = (at: number) =>
      s().signInFailures.claimAttempt({ userId: user.id, poolId, at, forgetBefore: at - 100, lockMs });
    assert.deepEqual(await claim(10), { userId: user.id, poolId, failures: 1, lastFailureAt: 10, lockedUntil: null });
    const claimed = await Promise.all([claim(20), claim(20), claim(20), claim(20)]);
    // The third failure locks until 30: the two attempts after it at 20 are refused and not counted.
    assert.deepEqual(claimed.map((r) => r?.failures ?? "refused").sort(), [2, 3, "refused", "refused"]);
    assert.equal(await claim(29), undefined);
    assert.deepEqual(await claim(30), { userId: user.id, poolId, failures: 4, lastFailureAt: 30, lockedUntil: 50 });
    assert.equal((await claim(60))?.lockedUntil, 80);
    // More than 100 after the last failure: the count starts again.
    assert.deepEqual(await claim(181), { userId: user.id, poolId, failures: 1, lastFailureAt: 181, lockedUntil: null });
  });

  it("signing keys retired before a time are deleted, active and later-retired ones kept", async () => {
    const poolId = await existingPool();
    const key = (retiredAt: number | null) => ({
      kid: unique("kid"),
      poolId,
      use: "id" as const,
      publicJwk: jwk,
      sealedPrivateKey: "sealed",
      createdAt: 1,
      retiredAt,
    });
    const [old, recent, active] = [key(10), key(20), key(null)];
    for (const k of [old, recent, active]) await s().signingKeys.insert(k);
    const othersOld = { ...key(10), poolId: await existingPool() };
    await s().signingKeys.insert(othersOld);
    await s().signingKeys.deleteRetiredBefore(poolId, 20);
    assert.deepEqual((await s().signingKeys.list(poolId)).map((k) => k.kid).sort(), [recent.kid, active.kid].sort());
    assert.deepEqual(await s().signingKeys.list(othersOld.poolId), [othersOld]);
  });

  /** Where to look for a user's sign-in records. */
  interface SignInRecords {
    userId: number;
    tokenId: string;
    sessionId: string;
  }

  /** A user of the pool with a refresh token, an auth session and sign-in failures. */
  async function userWithSignInRecords(poolId: string): Promise<SignInRecords> {
    const user = await s().users.insert(newUser(poolId));
    const [tokenId, sessionId] = [unique("rt"), unique("s")];
    await s().refreshTokens.insert(newRefreshToken(user, { id: tokenId }));
    await s().sessions.insert(newAuthSession(user, { id: sessionId }));
    await s().signInFailures.put({ userId: user.id, poolId, failures: 1, lastFailureAt: 1, lockedUntil: null });
    return { userId: user.id, tokenId, sessionId };
  }

  async function assertSignInRecordsGone(records: SignInRecords): Promise<void> {
    assert.equal(await s().refreshTokens.get(records.tokenId), undefined);
    assert.equal(await s().sessions.get(records.sessionId), undefined);
    assert.equal(await s().signInFailures.get(records.userId), undefined);
  }

  it("deleting a user or a pool deletes its sign-in records", async () => {
    const pool = newPool();
    await s().pools.insert(pool);
    const deletedUser = await userWithSignInRecords(pool.id);
    await s().users.delete(pool.id, deletedUser.userId);
    await assertSignInRecordsGone(deletedUser);
    const poolsUser = await userWithSignInRecords(pool.id);
    await s().signingKeys.insert({
      kid: unique("kid"),
      poolId: pool.id,
      use: "id",
      publicJwk: jwk,
      sealedPrivateKey: "s",
      createdAt: 1,
      retiredAt: null,
    });
    await s().pools.delete(pool.id);
    assert.deepEqual(await s().signingKeys.list(pool.id), []);
    await assertSignInRecordsGone(poolsUser);
  });
});
