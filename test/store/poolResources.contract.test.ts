import assert from "node:assert/strict";
import { it } from "node:test";
import type { PoolResourceRecord } from "../../src/store/records.js";
import { describeEachStore } from "../support/storeContract.js";
import { existingRows, names, unique } from "../support/storeFixtures.js";

function resource(poolId: string, overrides: Partial<PoolResourceRecord> = {}): PoolResourceRecord {
  return {
    poolId,
    kind: "identity-provider",
    name: unique("idp"),
    body: { ProviderType: "OIDC", nested: { list: [1, "ünïcödé"] } },
    createdAt: 1_700_000_000_000,
    modifiedAt: 1_700_000_000_000,
    ...overrides,
  };
}

describeEachStore("store contract: pool resources", (s) => {
  const { existingPool } = existingRows(s);

  it("an inserted object reads back as written; other kinds, names and pools read as undefined", async () => {
    const poolId = await existingPool();
    const r = resource(poolId);
    await s().poolResources.insert(r);
    assert.deepEqual(await s().poolResources.get(poolId, r.kind, r.name), r);
    assert.equal(await s().poolResources.get(poolId, "resource-server", r.name), undefined);
    assert.equal(await s().poolResources.get(await existingPool(), r.kind, r.name), undefined);
  });

  it("a second object of one kind and name in a pool is a UniqueViolation", async () => {
    const poolId = await existingPool();
    const r = resource(poolId);
    await s().poolResources.insert(r);
    await assert.rejects(s().poolResources.insert({ ...r, body: {} }), { name: "UniqueViolation" });
    await s().poolResources.insert({ ...r, kind: "resource-server" });
  });

  it("a domain is unique across pools, and a pool has one domain at most", async () => {
    const [a, b] = [await existingPool(), await existingPool()];
    const name = unique("domain");
    await s().poolResources.insert(resource(a, { kind: "domain", name }));
    await assert.rejects(s().poolResources.insert(resource(b, { kind: "domain", name })), { name: "UniqueViolation" });
    await assert.rejects(s().poolResources.insert(resource(a, { kind: "domain" })), { name: "UniqueViolation" });
    assert.equal((await s().poolResources.findByName("domain", name))?.poolId, a);
    assert.equal(await s().poolResources.findByName("domain", unique("domain")), undefined);
  });

  it("update replaces body and modification time; false when absent", async () => {
    const r = resource(await existingPool());
    await s().poolResources.insert(r);
    const changed = { ...r, body: { other: true }, modifiedAt: r.modifiedAt + 5 };
    assert.equal(await s().poolResources.update(changed), true);
    assert.deepEqual(await s().poolResources.get(r.poolId, r.kind, r.name), changed);
    assert.equal(await s().poolResources.update(resource(r.poolId)), false);
  });

  it("put inserts, then replaces body and modification time but keeps the creation time", async () => {
    const r = resource(await existingPool());
    await s().poolResources.put(r);
    assert.deepEqual(await s().poolResources.get(r.poolId, r.kind, r.name), r);
    await s().poolResources.put({ ...r, body: [], createdAt: 1, modifiedAt: r.modifiedAt + 9 });
    assert.deepEqual(await s().poolResources.get(r.poolId, r.kind, r.name), { ...r, body: [], modifiedAt: r.modifiedAt + 9 });
  });

  it("list orders a pool's objects of a kind by name in byte order, after a name, with a limit; count counts them", async () => {
    const poolId = await existingPool();
    for (const name of ["b", "a", "B", "é", "c"]) await s().poolResources.insert(resource(poolId, { name }));
    await s().poolResources.insert(resource(poolId, { kind: "resource-server", name: "a2" }));
    await s().poolResources.insert(resource(await existingPool(), { name: "a1" }));
    assert.deepEqual(names(await s().poolResources.list(poolId, "identity-provider", { limit: 10 })), ["B", "a", "b", "c", "é"]);
    assert.deepEqual(names(await s().poolResources.list(poolId, "identity-provider", { after: "a", limit: 2 })), ["b", "c"]);
    assert.equal(await s().poolResources.count(poolId, "identity-provider"), 5);
  });

  it("delete removes the object and returns true; false when absent; deleting the pool removes its objects", async () => {
    const poolId = await existingPool();
    const r = resource(poolId);
    await s().poolResources.insert(r);
    assert.equal(await s().poolResources.delete(poolId, r.kind, r.name), true);
    assert.equal(await s().poolResources.delete(poolId, r.kind, r.name), false);
    const kept = resource(poolId, { kind: "domain" });
    await s().poolResources.insert(kept);
    await s().pools.delete(poolId);
    assert.equal(await s().poolResources.get(poolId, kept.kind, kept.name), undefined);
  });
});
