import assert from "node:assert/strict";
import { it } from "node:test";
import { UniqueViolation } from "../../src/store/store.js";
import { describeEachStore } from "../support/storeContract.js";
import { existingRows, newClient, newMessage, newPool, newUser, unique } from "../support/storeFixtures.js";

describeEachStore("store contract: pools", (s) => {
  const { existingPool } = existingRows(s);

  it("an inserted pool reads back as written, settings included", async () => {
    const pool = newPool();
    await s().pools.insert(pool);
    assert.deepEqual(await s().pools.get(pool.id), pool);
  });

  it("hands out pools no caller can change, settings included: one read may serve later readers", async () => {
    const pool = newPool();
    await s().pools.insert(pool);
    await s().pools.get(pool.id);
    const read = await s().pools.get(pool.id);
    assert.ok(read);
    assert.throws(() => {
      (read as { name: string }).name = "changed";
    }, TypeError);
    assert.throws(() => {
      (read.settings as Record<string, unknown>).MfaConfiguration = "ON";
    }, TypeError);
  });

  it("an unknown pool id reads as undefined", async () => {
    assert.equal(await s().pools.get(unique("pool")), undefined);
  });

  it("a second pool with the same id is a UniqueViolation", async () => {
    const pool = newPool();
    await s().pools.insert(pool);
    await assert.rejects(s().pools.insert({ ...pool, name: "again" }), UniqueViolation);
  });

  it("pools.update replaces the name, modification time and settings and returns true", async () => {
    const pool = newPool();
    await s().pools.insert(pool);
    const changed = { ...pool, name: "renamed", modifiedAt: pool.modifiedAt + 1000, settings: { MfaConfiguration: "ON" } };
    assert.equal(await s().pools.update(changed), true);
    assert.deepEqual(await s().pools.get(pool.id), changed);
  });

  it("pools.update returns false when the pool is absent", async () => {
    assert.equal(await s().pools.update(newPool()), false);
  });

  it("pools.list orders pools by id and honours the limit", async () => {
    const prefix = unique("listed");
    for (const suffix of ["c", "a", "b"]) await s().pools.insert(newPool({ id: `${prefix}-${suffix}` }));
    const page = await s().pools.list({ after: prefix, limit: 2 });
    assert.deepEqual(
      page.map((p) => p.id),
      [`${prefix}-a`, `${prefix}-b`],
    );
  });

  it("pools.list with after starts strictly after that id", async () => {
    const prefix = unique("listed");
    for (const suffix of ["a", "b", "c"]) await s().pools.insert(newPool({ id: `${prefix}-${suffix}` }));
    const page = await s().pools.list({ after: `${prefix}-a`, limit: 2 });
    assert.deepEqual(
      page.map((p) => p.id),
      [`${prefix}-b`, `${prefix}-c`],
    );
  });

  it("pools.list without after starts at the lowest id", async () => {
    await s().pools.insert(newPool({ id: `z-${unique("pool")}` }));
    await s().pools.insert(newPool({ id: `a-${unique("pool")}` }));
    const ids = (await s().pools.list({ limit: 1000 })).map((p) => p.id);
    const first = await s().pools.list({ limit: 1 });
    assert.deepEqual(ids, [...ids].sort());
    assert.deepEqual(
      first.map((p) => p.id),
      ids.slice(0, 1),
    );
  });

  it("pools.count counts every pool", async () => {
    const before = await s().pools.count();
    await s().pools.insert(newPool());
    await s().pools.insert(newPool());
    assert.equal(await s().pools.count(), before + 2);
  });

  it("pools.delete removes the pool and returns true", async () => {
    const poolId = await existingPool();
    assert.equal(await s().pools.delete(poolId), true);
    assert.equal(await s().pools.get(poolId), undefined);
  });

  it("pools.delete returns false when the pool is absent", async () => {
    assert.equal(await s().pools.delete(unique("pool")), false);
  });

  it("pools.delete removes the pool's clients, users and outbox messages", async () => {
    const poolId = await existingPool();
    const client = newClient(poolId);
    await s().clients.insert(client);
    const user = await s().users.insert(newUser(poolId));
    await s().messages.append(newMessage(poolId));
    await s().pools.delete(poolId);
    assert.equal(await s().clients.get(client.id), undefined);
    assert.equal(await s().users.find(poolId, { by: "sub", value: user.sub }), undefined);
    assert.equal(await s().users.count(poolId), 0);
    assert.deepEqual(await s().messages.list({ poolId, limit: 10 }), []);
  });

  it("pools.delete leaves other pools' clients, users and outbox messages alone", async () => {
    const doomed = await existingPool();
    const kept = await existingPool();
    const client = newClient(kept);
    await s().clients.insert(client);
    const user = await s().users.insert(newUser(kept));
    const message = await s().messages.append(newMessage(kept));
    await s().users.insert(newUser(doomed));
    await s().pools.delete(doomed);
    assert.deepEqual(await s().clients.get(client.id), client);
    assert.deepEqual(await s().users.find(kept, { by: "sub", value: user.sub }), user);
    assert.deepEqual(await s().messages.list({ poolId: kept, limit: 10 }), [message]);
  });
});
