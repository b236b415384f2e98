import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachStore } from "../support/storeContract.js";
import { existingRows, newPool, newUser } from "../support/storeFixtures.js";

describeEachStore("store contract: user quotas", (s) => {
  const { existingPool } = existingRows(s);

  const use = (userId: number, poolId: string, at: number, quota = "CODE_ATTEMPTS") =>
    s().userQuotas.take({ userId, poolId, quota, at, windowMs: 100, limit: 3 });

  it("takes at most the limit in a window, one statement each, even when taken at once", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    const taken = await Promise.all(Array.from({ length: 8 }, () => use(user.id, poolId, 10)));
    assert.equal(taken.filter((t) => t).length, 3);
    assert.equal(await use(user.id, poolId, 109), false);
  });

  it("opens a new window once the window its first use opened has passed", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    for (const at of [10, 50, 90]) assert.equal(await use(user.id, poolId, at), true);
    assert.equal(await use(user.id, poolId, 109), false);
    assert.equal(await use(user.id, poolId, 110), true);
    assert.equal(await use(user.id, poolId, 111), true);
    assert.equal(await use(user.id, poolId, 112), true);
    assert.equal(await use(user.id, poolId, 113), false);
  });

  it("keeps quotas and users apart, and gives back one use", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    const other = await s().users.insert(newUser(poolId));
    for (let i = 0; i < 3; i++) await use(user.id, poolId, 10);
    assert.equal(await use(user.id, poolId, 10), false);
    assert.equal(await use(user.id, poolId, 10, "ForgotPassword"), true);
    assert.equal(await use(other.id, poolId, 10), true);
    await s().userQuotas.giveBack(user.id, "CODE_ATTEMPTS");
    assert.equal(await use(user.id, poolId, 10), true);
    assert.equal(await use(user.id, poolId, 10), false);
  });

  it("deleting a user or a pool deletes its quota counts", async () => {
    const pool = newPool();
    await s().pools.insert(pool);
    const user = await s().users.insert(newUser(pool.id));
    const next = await s().users.insert(newUser(pool.id));
    for (let i = 0; i < 3; i++) await use(user.id, pool.id, 10);
    for (let i = 0; i < 3; i++) await use(next.id, pool.id, 10);
    await s().users.delete(pool.id, user.id);
    // Nothing counted is left under the deleted user's id.
    assert.equal(await use(user.id, pool.id, 10), true);
    assert.equal(await use(next.id, pool.id, 10), false);
    await s().pools.delete(pool.id);
    assert.equal(await use(next.id, pool.id, 10), true);
  });
});
