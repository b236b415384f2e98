import assert from "node:assert/strict";
import { it } from "node:test";
import type { NewCode } from "../../src/store/records.js";
import { describeEachStore } from "../support/storeContract.js";
import { existingRows, newPool, newUser, unique } from "../support/storeFixtures.js";

describeEachStore("store contract: codes", (s) => {
  const { existingPool } = existingRows(s);

  function newCode(poolId: string, userId: number, overrides: Partial<NewCode> = {}): NewCode {
    return {
      poolId,
      userId,
      purpose: "SIGN_UP",
      codeHash: unique("hash"),
      createdAt: 1_700_000_000_000,
      expiresAt: 1_700_086_400_000,
      payload: null,
      ...overrides,
    };
  }

  it("codes.put returns the code with an id and no failed attempts, and codes.get reads it back", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    const code = newCode(poolId, user.id);
    const stored = await s().codes.put(code);
    assert.deepEqual(stored, { ...code, id: stored.id, failedAttempts: 0, supersededHash: null });
    assert.deepEqual(await s().codes.get(user.id, "SIGN_UP"), stored);
  });

  it("a new code for the same user and purpose replaces the old one", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    await s().codes.put(newCode(poolId, user.id, { codeHash: "old" }));
    const fresh = await s().codes.put(newCode(poolId, user.id, { codeHash: "new", payload: "new@example.com" }));
    assert.equal(fresh.supersededHash, "old");
    assert.deepEqual(await s().codes.get(user.id, "SIGN_UP"), fresh);
  });

  it("codes for other purposes or users are separate", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    const other = await s().users.insert(newUser(poolId));
    const signUp = await s().codes.put(newCode(poolId, user.id));
    const reset = await s().codes.put(newCode(poolId, user.id, { purpose: "FORGOT_PASSWORD" }));
    assert.deepEqual(await s().codes.get(user.id, "SIGN_UP"), signUp);
    assert.deepEqual(await s().codes.get(user.id, "FORGOT_PASSWORD"), reset);
    assert.equal(await s().codes.get(other.id, "SIGN_UP"), undefined);
  });

  it("codes.recordAttempt counts one attempt a statement, and none past the limit, even when sent at once", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    const code = await s().codes.put(newCode(poolId, user.id));
    assert.equal(await s().codes.recordAttempt(code.id, 5), true);
    const counted = await Promise.all(Array.from({ length: 8 }, () => s().codes.recordAttempt(code.id, 5)));
    assert.equal(counted.filter((c) => c).length, 4);
    assert.equal((await s().codes.get(user.id, "SIGN_UP"))?.failedAttempts, 5);
    assert.equal(await s().codes.recordAttempt(-1, 5), false);
  });

  it("codes.delete is true for exactly one of two callers", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    const code = await s().codes.put(newCode(poolId, user.id));
    const results = await Promise.all([s().codes.delete(code.id), s().codes.delete(code.id)]);
    assert.deepEqual(results.sort(), [false, true]);
    assert.equal(await s().codes.get(user.id, "SIGN_UP"), undefined);
  });

  it("deleting a user deletes the user's codes; deleting a pool deletes its codes", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    await s().codes.put(newCode(poolId, user.id));
    await s().users.delete(poolId, user.id);
    assert.equal(await s().codes.get(user.id, "SIGN_UP"), undefined);
    const pool = newPool();
    await s().pools.insert(pool);
    const member = await s().users.insert(newUser(pool.id));
    await s().codes.put(newCode(pool.id, member.id));
    await s().pools.delete(pool.id);
    assert.equal(await s().codes.get(member.id, "SIGN_UP"), undefined);
  });
});
