import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachStore } from "../support/storeContract.js";
import { existingRows, newClient, newMessage, newPool, newUser, noKeys, unique } from "../support/storeFixtures.js";

describeEachStore("store contract: transactions", (s, engine) => {
  const { existingPool } = existingRows(s);

  it("reports the engine it runs on", () => {
    assert.equal(s().engine, engine);
  });

  it("transaction returns what its function returns", async () => {
    assert.equal(await s().transaction(async () => 42), 42);
  });

  it("writes inside a transaction are visible to later steps inside it", async () => {
    const pool = newPool();
    const seen = await s().transaction(async (tx) => {
      await tx.pools.insert(pool);
      return tx.pools.get(pool.id);
    });
    assert.deepEqual(seen, pool);
  });

  it("work inside a transaction is visible after commit", async () => {
    const pool = newPool();
    const user = newUser(pool.id);
    const settingKey = unique("setting");
    const inserted = await s().transaction(async (tx) => {
      await tx.pools.insert(pool);
      await tx.settings.putIfAbsent(settingKey, "committed");
      return tx.users.insert(user);
    });
    assert.deepEqual(await s().pools.get(pool.id), pool);
    assert.deepEqual(await s().users.find(pool.id, { by: "sub", value: user.sub }), inserted);
    assert.equal(await s().settings.get(settingKey), "committed");
  });

  it("a throw rejects the transaction with that error", async () => {
    const failure = new Error("boom");
    await assert.rejects(
      s().transaction(async () => {
        throw failure;
      }),
      (error) => error === failure,
    );
  });

  it("a throw rolls back every write made inside", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    const newcomer = newPool();
    const settingKey = unique("setting");
    await assert.rejects(
      s().transaction(async (tx) => {
        await tx.pools.insert(newcomer);
        await tx.clients.insert(newClient(poolId));
        await tx.users.update({ ...user, status: "RESET_REQUIRED" }, noKeys());
        await tx.users.insert(newUser(poolId));
        await tx.messages.append(newMessage(poolId));
        await tx.settings.putIfAbsent(settingKey, "rolled back");
        throw new Error("boom");
      }),
      /boom/,
    );
    assert.equal(await s().pools.get(newcomer.id), undefined);
    assert.equal(await s().clients.count(poolId), 0);
    assert.deepEqual(await s().users.find(poolId, { by: "sub", value: user.sub }), user);
    assert.equal(await s().users.count(poolId), 1);
    assert.deepEqual(await s().messages.list({ poolId, limit: 10 }), []);
    assert.equal(await s().settings.get(settingKey), undefined);
  });

  it("a throw inside a nested transaction rolls back the outer writes too", async () => {
    const outer = newPool();
    const inner = newPool();
    await assert.rejects(
      s().transaction(async (tx) => {
        await tx.pools.insert(outer);
        await tx.transaction(async (nested) => {
          await nested.pools.insert(inner);
          throw new Error("boom");
        });
      }),
      /boom/,
    );
    assert.equal(await s().pools.get(outer.id), undefined);
    assert.equal(await s().pools.get(inner.id), undefined);
  });

  it("a throw after a nested transaction finished rolls back the nested writes", async () => {
    const inner = newPool();
    await assert.rejects(
      s().transaction(async (tx) => {
        await tx.transaction((nested) => nested.pools.insert(inner));
        throw new Error("boom");
      }),
      /boom/,
    );
    assert.equal(await s().pools.get(inner.id), undefined);
  });

  it("a pool inserted or updated, and read, inside a transaction that throws reads afterwards as before", async () => {
    const newcomer = newPool();
    await assert.rejects(
      s().transaction(async (tx) => {
        await tx.pools.insert(newcomer);
        assert.deepEqual(await tx.pools.get(newcomer.id), newcomer);
        throw new Error("boom");
      }),
      /boom/,
    );
    assert.equal(await s().pools.get(newcomer.id), undefined);
    const existing = newPool();
    await s().pools.insert(existing);
    await assert.rejects(
      s().transaction(async (tx) => {
        await tx.pools.update({ ...existing, name: "renamed" });
        assert.equal((await tx.pools.get(existing.id))?.name, "renamed");
        throw new Error("boom");
      }),
      /boom/,
    );
    assert.deepEqual(await s().pools.get(existing.id), existing);
  });

  it("a pool read while a transaction deletes or updates it reads as written inside it, and as committed after", async () => {
    const [deleted, updated] = [newPool(), newPool()];
    await s().pools.insert(deleted);
    await s().pools.insert(updated);
    let written: () => void = () => undefined;
    let release: () => void = () => undefined;
    const writesDone = new Promise<void>((resolve) => (written = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const writing = s().transaction(async (tx) => {
      await tx.pools.delete(deleted.id);
      await tx.pools.update({ ...updated, name: "renamed" });
      written();
      await held;
      assert.equal(await tx.pools.get(deleted.id), undefined);
      assert.equal((await tx.pools.get(updated.id))?.name, "renamed");
    });
    await writesDone;
    const readsDuring = Promise.all([s().pools.get(deleted.id), s().pools.get(updated.id)]);
    // On PostgreSQL the reads run on another connection and finish first, seeing the rows as they were (which the
    // store may keep); on SQLite they wait for the transaction.
    if (engine === "postgres") await readsDuring;
    release();
    await writing;
    if (engine === "postgres") assert.deepEqual(await readsDuring, [deleted, updated]);
    assert.equal(await s().pools.get(deleted.id), undefined);
    assert.equal((await s().pools.get(updated.id))?.name, "renamed");
  });

  it("a pools.delete inside a transaction that throws is rolled back", async () => {
    const poolId = await existingPool();
    const client = newClient(poolId);
    await s().clients.insert(client);
    const user = await s().users.insert(newUser(poolId));
    const message = await s().messages.append(newMessage(poolId));
    await assert.rejects(
      s().transaction(async (tx) => {
        await tx.pools.delete(poolId);
        throw new Error("boom");
      }),
      /boom/,
    );
    assert.ok(await s().pools.get(poolId));
    assert.deepEqual(await s().clients.get(client.id), client);
    assert.deepEqual(await s().users.find(poolId, { by: "sub", value: user.sub }), user);
    assert.deepEqual(await s().messages.list({ poolId, limit: 10 }), [message]);
  });
});
