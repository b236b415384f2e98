import assert from "node:assert/strict";
import { it } from "node:test";
import { UniqueViolation } from "../../src/store/store.js";
import { describeEachStore } from "../support/storeContract.js";
import { existingRows, newClient, unique } from "../support/storeFixtures.js";

describeEachStore("store contract: clients", (s) => {
  const { existingPool } = existingRows(s);

  it("clients.get finds a client by its id alone", async () => {
    const client = newClient(await existingPool(), { sealedSecret: "sealed:client-secret" });
    await s().clients.insert(client);
    assert.deepEqual(await s().clients.get(client.id), client);
  });

  it("a public client reads back with a null secret", async () => {
    const client = newClient(await existingPool(), { sealedSecret: null });
    await s().clients.insert(client);
    assert.deepEqual(await s().clients.get(client.id), client);
  });

  it("an unknown client id reads as undefined", async () => {
    assert.equal(await s().clients.get(unique("client")), undefined);
  });

  it("a client id already used in another pool is a UniqueViolation", async () => {
    const client = newClient(await existingPool());
    await s().clients.insert(client);
    await assert.rejects(s().clients.insert({ ...client, poolId: await existingPool() }), UniqueViolation);
  });

  it("clients.update changes a client of the named pool (name, sealed secret, settings, time) and returns true", async () => {
    const client = newClient(await existingPool());
    await s().clients.insert(client);
    const changed = {
      ...client,
      name: "renamed",
      sealedSecret: "v1.sealed-secrets",
      modifiedAt: client.modifiedAt + 1000,
      settings: { RefreshTokenValidity: 5 },
    };
    assert.equal(await s().clients.update(changed), true);
    assert.deepEqual(await s().clients.get(client.id), changed);
  });

  it("clients.update naming another pool changes nothing and returns false", async () => {
    const client = newClient(await existingPool());
    await s().clients.insert(client);
    const elsewhere = { ...client, poolId: await existingPool(), name: "hijacked" };
    assert.equal(await s().clients.update(elsewhere), false);
    assert.deepEqual(await s().clients.get(client.id), client);
  });

  it("clients.delete removes a client of the named pool and returns true", async () => {
    const client = newClient(await existingPool());
    await s().clients.insert(client);
    assert.equal(await s().clients.delete(client.poolId, client.id), true);
    assert.equal(await s().clients.get(client.id), undefined);
  });

  it("clients.delete naming another pool keeps the client and returns false", async () => {
    const client = newClient(await existingPool());
    await s().clients.insert(client);
    assert.equal(await s().clients.delete(await existingPool(), client.id), false);
    assert.deepEqual(await s().clients.get(client.id), client);
  });

  it("clients.list lists only the pool's clients, ordered by id, honouring the limit", async () => {
    const poolId = await existingPool();
    const [a, b, c] = [newClient(poolId), newClient(poolId), newClient(poolId)];
    await s().clients.insert(newClient(await existingPool()));
    for (const client of [c, a, b]) await s().clients.insert(client);
    assert.deepEqual(await s().clients.list(poolId, { limit: 2 }), [a, b]);
  });

  it("clients.list with after starts strictly after that id", async () => {
    const poolId = await existingPool();
    const [a, b, c] = [newClient(poolId), newClient(poolId), newClient(poolId)];
    for (const client of [a, b, c]) await s().clients.insert(client);
    assert.deepEqual(await s().clients.list(poolId, { after: a.id, limit: 10 }), [b, c]);
  });

  it("clients.count counts only the pool's clients", async () => {
    const poolId = await existingPool();
    await s().clients.insert(newClient(poolId));
    await s().clients.insert(newClient(poolId));
    await s().clients.insert(newClient(await existingPool()));
    assert.equal(await s().clients.count(poolId), 2);
  });
});
