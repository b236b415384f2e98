import assert from "node:assert/strict";
import { it } from "node:test";
import { UniqueViolation } from "../../src/store/store.js";
import { describeEachStore } from "../support/storeContract.js";
import { existingRows, names, newGroup, unique } from "../support/storeFixtures.js";

describeEachStore("store contract: groups", (s) => {
  const { existingPool, existingGroup } = existingRows(s);

  it("an inserted group reads back as written", async () => {
    const group = await existingGroup(await existingPool());
    assert.deepEqual(await s().groups.get(group.poolId, group.name), group);
  });

  it("a group without description, role or precedence reads back with nulls", async () => {
    const group = await existingGroup(await existingPool(), { description: null, roleArn: null, precedence: null });
    assert.deepEqual(await s().groups.get(group.poolId, group.name), group);
  });

  it("an unknown group, or a group of another pool, reads as undefined", async () => {
    const group = await existingGroup(await existingPool());
    assert.equal(await s().groups.get(group.poolId, unique("group")), undefined);
    assert.equal(await s().groups.get(await existingPool(), group.name), undefined);
  });

  it("a second group of the same name in a pool is a UniqueViolation; other pools and other cases are free", async () => {
    const group = await existingGroup(await existingPool());
    await assert.rejects(s().groups.insert({ ...group, description: "again" }), UniqueViolation);
    await s().groups.insert({ ...group, poolId: await existingPool() });
    await s().groups.insert({ ...group, name: group.name.toUpperCase() });
  });

  it("groups.update replaces description, role, precedence and modification time and returns true", async () => {
    const group = await existingGroup(await existingPool());
    const changed = { ...group, description: null, roleArn: null, precedence: 0, modifiedAt: group.modifiedAt + 1000 };
    assert.equal(await s().groups.update(changed), true);
    assert.deepEqual(await s().groups.get(group.poolId, group.name), changed);
  });

  it("groups.update returns false when the group is absent", async () => {
    assert.equal(await s().groups.update(newGroup(await existingPool())), false);
  });

  it("groups.list orders a pool's groups by name in byte order, after a name, honouring the limit", async () => {
    const poolId = await existingPool();
    await existingGroup(await existingPool(), { name: "a-elsewhere" });
    for (const name of ["b", "a", "B", "é", "c"]) await existingGroup(poolId, { name });
    assert.deepEqual(names(await s().groups.list(poolId, { limit: 10 })), ["B", "a", "b", "c", "é"]);
    assert.deepEqual(names(await s().groups.list(poolId, { after: "a", limit: 2 })), ["b", "c"]);
  });

  it("groups.count counts only the pool's groups", async () => {
    const poolId = await existingPool();
    await existingGroup(poolId);
    await existingGroup(poolId);
    await existingGroup(await existingPool());
    assert.equal(await s().groups.count(poolId), 2);
  });

  it("groups.delete removes the group and returns true; false when absent", async () => {
    const group = await existingGroup(await existingPool());
    assert.equal(await s().groups.delete(group.poolId, group.name), true);
    assert.equal(await s().groups.get(group.poolId, group.name), undefined);
    assert.equal(await s().groups.delete(group.poolId, group.name), false);
  });
});
