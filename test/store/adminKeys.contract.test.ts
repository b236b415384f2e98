import assert from "node:assert/strict";
import { it } from "node:test";
import { UniqueViolation } from "../../src/store/store.js";
import { describeEachStore } from "../support/storeContract.js";
import { newAdminKey, unique } from "../support/storeFixtures.js";

describeEachStore("store contract: admin keys", (s) => {
  it("an inserted admin key reads back as written", async () => {
    const key = newAdminKey();
    await s().adminKeys.insert(key);
    assert.deepEqual(await s().adminKeys.get(key.accessKeyId), key);
  });

  it("an admin key without a description reads back with null", async () => {
    const key = newAdminKey({ description: null });
    await s().adminKeys.insert(key);
    assert.deepEqual(await s().adminKeys.get(key.accessKeyId), key);
  });

  it("an unknown access key id reads as undefined", async () => {
    assert.equal(await s().adminKeys.get(unique("AKIA")), undefined);
  });

  it("a second admin key with the same access key id is a UniqueViolation", async () => {
    const key = newAdminKey();
    await s().adminKeys.insert(key);
    await assert.rejects(s().adminKeys.insert({ ...key, description: "again" }), UniqueViolation);
  });

  it("admin keys list oldest first, ties broken by access key id", async () => {
    const [a, b, c] = [unique("AKIA"), unique("AKIA"), unique("AKIA")];
    await s().adminKeys.insert(newAdminKey({ accessKeyId: c, createdAt: 1 }));
    await s().adminKeys.insert(newAdminKey({ accessKeyId: b, createdAt: 2 }));
    await s().adminKeys.insert(newAdminKey({ accessKeyId: a, createdAt: 2 }));
    const mine = (await s().adminKeys.list()).map((k) => k.accessKeyId).filter((id) => [a, b, c].includes(id));
    assert.deepEqual(mine, [c, a, b]);
  });

  it("adminKeys.delete removes the key and returns true", async () => {
    const key = newAdminKey();
    await s().adminKeys.insert(key);
    assert.equal(await s().adminKeys.delete(key.accessKeyId), true);
    assert.equal(await s().adminKeys.get(key.accessKeyId), undefined);
  });

  it("adminKeys.delete returns false when the key is absent", async () => {
    assert.equal(await s().adminKeys.delete(unique("AKIA")), false);
  });
});
