import assert from "node:assert/strict";
import { it } from "node:test";
import { describeEachStore } from "../support/storeContract.js";
import { existingRows, names, newPool, newUser, unique, usernames } from "../support/storeFixtures.js";

describeEachStore("store contract: memberships", (s) => {
  const { existingPool, existingGroup } = existingRows(s);

  it("memberships.add adds a user of the pool, and a second add finds the user a member", async () => {
    const poolId = await existingPool();
    const group = await existingGroup(poolId);
    const user = await s().users.insert(newUser(poolId));
    assert.equal(await s().memberships.add(poolId, group.name, user.id, 100), true);
    assert.equal(await s().memberships.add(poolId, group.name, user.id, 100), true);
    assert.deepEqual(await s().memberships.groupsOf(poolId, user.id, { limit: 10 }), [group]);
    assert.deepEqual(await s().memberships.membersOf(poolId, group.name, { limit: 10 }), [user]);
  });

  it("memberships.add refuses a missing group, a missing user, and a user or group of another pool", async () => {
    const poolId = await existingPool();
    const group = await existingGroup(poolId);
    const user = await s().users.insert(newUser(poolId));
    const elsewhere = await existingPool();
    const stranger = await s().users.insert(newUser(elsewhere));
    const foreignGroup = await existingGroup(elsewhere);
    assert.equal(await s().memberships.add(poolId, unique("group"), user.id, 100), false);
    assert.equal(await s().memberships.add(poolId, group.name, 987_654_321, 100), false);
    assert.equal(await s().memberships.add(poolId, group.name, stranger.id, 100), false);
    assert.equal(await s().memberships.add(poolId, foreignGroup.name, user.id, 100), false);
    assert.deepEqual(await s().memberships.membersOf(poolId, group.name, { limit: 10 }), []);
  });

  it("memberships.add refuses a user already in the most groups allowed, but still finds an existing membership", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    const [first, second, third] = [await existingGroup(poolId), await existingGroup(poolId), await existingGroup(poolId)];
    assert.equal(await s().memberships.add(poolId, first.name, user.id, 2), true);
    assert.equal(await s().memberships.add(poolId, second.name, user.id, 2), true);
    assert.equal(await s().memberships.add(poolId, third.name, user.id, 2), false);
    assert.equal(await s().memberships.add(poolId, first.name, user.id, 2), true);
    assert.deepEqual(names(await s().memberships.groupsOf(poolId, user.id, { limit: 10 })), [first.name, second.name]);
  });

  it("concurrent adds for one user never take it past the limit", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    const groups = await Promise.all(Array.from({ length: 12 }, () => existingGroup(poolId)));
    const outcomes = await Promise.all(groups.map((g) => s().memberships.add(poolId, g.name, user.id, 5)));
    assert.equal(outcomes.filter((o) => o).length, 5);
    assert.equal((await s().memberships.groupsOf(poolId, user.id, { limit: 100 })).length, 5);
  });

  it("memberships.remove removes a membership and returns true; false for a non-member", async () => {
    const poolId = await existingPool();
    const group = await existingGroup(poolId);
    const [member, other] = [await s().users.insert(newUser(poolId)), await s().users.insert(newUser(poolId))];
    await s().memberships.add(poolId, group.name, member.id, 100);
    await s().memberships.add(poolId, group.name, other.id, 100);
    assert.equal(await s().memberships.remove(poolId, group.name, member.id), true);
    assert.equal(await s().memberships.remove(poolId, group.name, member.id), false);
    assert.deepEqual(await s().memberships.membersOf(poolId, group.name, { limit: 10 }), [other]);
    assert.deepEqual(await s().memberships.groupsOf(poolId, member.id, { limit: 10 }), []);
  });

  it("memberships.membersOf orders members by username key, after a key, honouring the limit", async () => {
    const poolId = await existingPool();
    const group = await existingGroup(poolId);
    const prefix = unique("member");
    for (const suffix of ["d", "b", "a", "c", "e"]) {
      const user = await s().users.insert(newUser(poolId, { username: `${prefix}-${suffix}` }));
      await s().memberships.add(poolId, group.name, user.id, 100);
    }
    const all = usernames(await s().memberships.membersOf(poolId, group.name, { limit: 10 }));
    assert.deepEqual(
      all,
      ["a", "b", "c", "d", "e"].map((x) => `${prefix}-${x}`),
    );
    const page = await s().memberships.membersOf(poolId, group.name, { after: `${prefix}-b`, limit: 2 });
    assert.deepEqual(usernames(page), [`${prefix}-c`, `${prefix}-d`]);
  });

  it("memberships.groupsOf orders a user's groups by name, after a name, honouring the limit", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    for (const name of ["c", "a", "d", "b"]) {
      await existingGroup(poolId, { name });
      await s().memberships.add(poolId, name, user.id, 100);
    }
    assert.deepEqual(names(await s().memberships.groupsOf(poolId, user.id, { limit: 10 })), ["a", "b", "c", "d"]);
    assert.deepEqual(names(await s().memberships.groupsOf(poolId, user.id, { after: "a", limit: 2 })), ["b", "c"]);
  });

  it("a group's members and a member's groups come from the same pool only", async () => {
    const [poolA, poolB] = [await existingPool(), await existingPool()];
    const name = unique("group");
    await existingGroup(poolA, { name });
    await existingGroup(poolB, { name });
    const [a, b] = [await s().users.insert(newUser(poolA)), await s().users.insert(newUser(poolB))];
    await s().memberships.add(poolA, name, a.id, 100);
    await s().memberships.add(poolB, name, b.id, 100);
    assert.deepEqual(await s().memberships.membersOf(poolA, name, { limit: 10 }), [a]);
    assert.deepEqual(
      (await s().memberships.groupsOf(poolB, b.id, { limit: 10 })).map((g) => g.poolId),
      [poolB],
    );
  });

  it("groups.delete removes its memberships; a new group of the same name starts empty", async () => {
    const poolId = await existingPool();
    const group = await existingGroup(poolId);
    const user = await s().users.insert(newUser(poolId));
    await s().memberships.add(poolId, group.name, user.id, 100);
    await s().groups.delete(poolId, group.name);
    assert.deepEqual(await s().memberships.groupsOf(poolId, user.id, { limit: 10 }), []);
    await s().groups.insert(group);
    assert.deepEqual(await s().memberships.membersOf(poolId, group.name, { limit: 10 }), []);
  });

  it("users.delete removes the user's memberships and leaves the group's other members", async () => {
    const poolId = await existingPool();
    const group = await existingGroup(poolId);
    const [gone, kept] = [await s().users.insert(newUser(poolId)), await s().users.insert(newUser(poolId))];
    await s().memberships.add(poolId, group.name, gone.id, 100);
    await s().memberships.add(poolId, group.name, kept.id, 100);
    await s().users.delete(poolId, gone.id);
    assert.deepEqual(await s().memberships.groupsOf(poolId, gone.id, { limit: 10 }), []);
    assert.deepEqual(await s().memberships.membersOf(poolId, group.name, { limit: 10 }), [kept]);
  });

  it("pools.delete removes the pool's groups and memberships and leaves other pools' alone", async () => {
    const [doomed, kept] = [await existingPool(), await existingPool()];
    const [doomedGroup, keptGroup] = [await existingGroup(doomed), await existingGroup(kept)];
    const [doomedUser, keptUser] = [await s().users.insert(newUser(doomed)), await s().users.insert(newUser(kept))];
    await s().memberships.add(doomed, doomedGroup.name, doomedUser.id, 100);
    await s().memberships.add(kept, keptGroup.name, keptUser.id, 100);
    await s().pools.delete(doomed);
    assert.equal(await s().groups.count(doomed), 0);
    assert.deepEqual(await s().memberships.groupsOf(doomed, doomedUser.id, { limit: 10 }), []);
    assert.deepEqual(await s().memberships.membersOf(kept, keptGroup.name, { limit: 10 }), [keptUser]);
    // A membership left behind would show again under a pool and group of the same names.
    await s().pools.insert(newPool({ id: doomed }));
    await s().groups.insert(doomedGroup);
    assert.deepEqual(await s().memberships.groupsOf(doomed, doomedUser.id, { limit: 10 }), []);
  });

  it("an add inside a transaction that throws is rolled back", async () => {
    const poolId = await existingPool();
    const group = await existingGroup(poolId);
    const user = await s().users.insert(newUser(poolId));
    await assert.rejects(
      s().transaction(async (tx) => {
        assert.equal(await tx.memberships.add(poolId, group.name, user.id, 100), true);
        throw new Error("boom");
      }),
      /boom/,
    );
    assert.deepEqual(await s().memberships.groupsOf(poolId, user.id, { limit: 10 }), []);
  });
});
