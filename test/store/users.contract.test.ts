import assert from "node:assert/strict";
import { it } from "node:test";
import type { UserRecord } from "../../src/store/records.js";
import { StaleWrite, UniqueViolation } from "../../src/store/store.js";
import { describeEachStore, rejectsUnique } from "../support/storeContract.js";
import { ALIASES, existingRows, newUser, noKeys, unique } from "../support/storeFixtures.js";

describeEachStore("store contract: users", (s) => {
  const { existingPool } = existingRows(s);

  it("users.insert returns the user with a new id, version 1 and no MFA state", async () => {
    const { keys: _keys, ...user } = newUser(await existingPool());
    const inserted = await s().users.insert({ ...user, keys: noKeys() });
    assert.equal(typeof inserted.id, "number");
    const noMfa = {
      enabled: [],
      preferred: null,
      totpSecret: null,
      pendingTotpSecret: null,
      totpDeviceName: null,
      totpLastStep: null,
    };
    assert.deepEqual(inserted, { ...user, id: inserted.id, version: 1, mfa: noMfa });
  });

  it("each inserted user gets a different id", async () => {
    const poolId = await existingPool();
    const first = await s().users.insert(newUser(poolId));
    const second = await s().users.insert(newUser(poolId));
    assert.notEqual(first.id, second.id);
  });

  it("a user reads back exactly as inserted, timestamps included; keys are written, not read back", async () => {
    const poolId = await existingPool();
    const inserted = await s().users.insert(
      newUser(poolId, {
        status: "FORCE_CHANGE_PASSWORD",
        enabled: false,
        passwordExpiresAt: 1_700_000_600_000,
        keys: noKeys({ email: "zoë@example.com", givenName: "zoë", familyName: "😀", aliasEmail: "zoë@example.com" }),
      }),
    );
    assert.deepEqual(await s().users.find(poolId, { by: "usernameKey", value: inserted.usernameKey }), inserted);
  });

  it("a user without a password reads back with a null hash", async () => {
    const poolId = await existingPool();
    const inserted = await s().users.insert(newUser(poolId, { passwordHash: null }));
    assert.equal((await s().users.find(poolId, { by: "sub", value: inserted.sub }))?.passwordHash, null);
  });

  it("a second user with the same username key is a UniqueViolation naming username", async () => {
    const poolId = await existingPool();
    await s().users.insert(newUser(poolId, { username: "Alice", usernameKey: "alice" }));
    await rejectsUnique(s().users.insert(newUser(poolId, { username: "ALICE", usernameKey: "alice" })), "username");
  });

  it("the same username key in another pool is allowed", async () => {
    await s().users.insert(newUser(await existingPool(), { usernameKey: "bob" }));
    const other = await s().users.insert(newUser(await existingPool(), { usernameKey: "bob" }));
    assert.equal(other.usernameKey, "bob");
  });

  it("a second user with the same sub is a UniqueViolation naming sub", async () => {
    const poolId = await existingPool();
    const first = await s().users.insert(newUser(poolId));
    await rejectsUnique(s().users.insert(newUser(poolId, { sub: first.sub })), "sub");
  });

  it("a sub already used in another pool is a UniqueViolation naming sub", async () => {
    const first = await s().users.insert(newUser(await existingPool()));
    await rejectsUnique(s().users.insert(newUser(await existingPool(), { sub: first.sub })), "sub");
  });

  for (const { column, value } of ALIASES) {
    it(`a second user with the same ${column} in the pool is a UniqueViolation naming ${column}`, async () => {
      const poolId = await existingPool();
      await s().users.insert(newUser(poolId, { keys: noKeys({ [column]: value }) }));
      await rejectsUnique(s().users.insert(newUser(poolId, { keys: noKeys({ [column]: value }) })), column);
    });

    it(`the same ${column} in another pool is allowed`, async () => {
      await s().users.insert(newUser(await existingPool(), { keys: noKeys({ [column]: value }) }));
      const otherPool = await existingPool();
      const other = await s().users.insert(newUser(otherPool, { keys: noKeys({ [column]: value }) }));
      assert.deepEqual(await s().users.find(otherPool, { by: "alias", column, value }), other);
    });

    it(`findUser finds a user by ${column}`, async () => {
      const poolId = await existingPool();
      const user = await s().users.insert(newUser(poolId, { keys: noKeys({ [column]: value }) }));
      assert.deepEqual(await s().users.find(poolId, { by: "alias", column, value }), user);
    });
  }

  it("users without aliases never clash on them", async () => {
    const poolId = await existingPool();
    for (let i = 0; i < 3; i++) await s().users.insert(newUser(poolId, { keys: noKeys({ email: "shared@example.com" }) }));
    assert.equal(await s().users.count(poolId), 3);
  });

  it("a rejected insert leaves no row behind", async () => {
    const poolId = await existingPool();
    const first = await s().users.insert(newUser(poolId));
    await assert.rejects(s().users.insert(newUser(poolId, { usernameKey: first.usernameKey })), UniqueViolation);
    assert.equal(await s().users.count(poolId), 1);
  });

  it("users.find finds a user by username key", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    assert.deepEqual(await s().users.find(poolId, { by: "usernameKey", value: user.usernameKey }), user);
  });

  it("users.find finds a user by sub", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    assert.deepEqual(await s().users.find(poolId, { by: "sub", value: user.sub }), user);
  });

  it("users.find returns undefined when nothing matches", async () => {
    const poolId = await existingPool();
    await s().users.insert(newUser(poolId, { keys: noKeys({ aliasEmail: "someone@example.com" }) }));
    assert.equal(await s().users.find(poolId, { by: "usernameKey", value: unique("nobody") }), undefined);
    assert.equal(await s().users.find(poolId, { by: "alias", column: "aliasEmail", value: "nobody@example.com" }), undefined);
  });

  it("users.find does not find a user of another pool", async () => {
    const user = await s().users.insert(newUser(await existingPool()));
    const elsewhere = await existingPool();
    assert.equal(await s().users.find(elsewhere, { by: "usernameKey", value: user.usernameKey }), undefined);
    assert.equal(await s().users.find(elsewhere, { by: "sub", value: user.sub }), undefined);
  });

  it("users.find by alias does not match the plain search column", async () => {
    const poolId = await existingPool();
    await s().users.insert(newUser(poolId, { keys: noKeys({ email: "plain@example.com" }) }));
    assert.equal(await s().users.find(poolId, { by: "alias", column: "aliasEmail", value: "plain@example.com" }), undefined);
  });

  it("users.update returns the user with the next version", async () => {
    const user = await s().users.insert(newUser(await existingPool()));
    const updated = await s().users.update({ ...user, status: "RESET_REQUIRED" }, noKeys());
    assert.deepEqual(updated, { ...user, status: "RESET_REQUIRED", version: 2 });
  });

  it("users.update writes every changed field", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    const changed: UserRecord = {
      ...user,
      username: "Renamed",
      usernameKey: unique("renamed"),
      status: "FORCE_CHANGE_PASSWORD",
      enabled: false,
      modifiedAt: user.modifiedAt + 1000,
      attributes: { email: "new@example.com", name: "Zoë 😀" },
      passwordHash: null,
      srpSalt: null,
      srpVerifier: null,
      passwordExpiresAt: 1_700_000_900_000,
      mfa: {
        enabled: ["SMS_MFA", "SOFTWARE_TOKEN_MFA"],
        preferred: "SOFTWARE_TOKEN_MFA",
        totpSecret: "v1.sealed-secret",
        pendingTotpSecret: "v1.sealed-pending",
        totpDeviceName: "Zoë's phone 📱",
        totpLastStep: 56_666_667,
      },
    };
    const updated = await s().users.update(
      changed,
      noKeys({ email: "new@example.com", name: "zoë 😀", aliasEmail: "new@example.com" }),
    );
    assert.deepEqual(await s().users.find(poolId, { by: "sub", value: user.sub }), updated);
    assert.deepEqual(await s().users.find(poolId, { by: "alias", column: "aliasEmail", value: "new@example.com" }), updated);
  });

  it("users.update given the row as it was writes what changed and keeps the rest", async () => {
    const poolId = await existingPool();
    const keysBefore = noKeys({ email: "a@example.com", aliasEmail: "a@example.com", name: "ann" });
    const user = await s().users.insert(newUser(poolId, { keys: keysBefore }));
    const keysAfter = { ...keysBefore, email: "b@example.com", aliasEmail: "b@example.com" };
    const changed = { ...user, status: "RESET_REQUIRED", attributes: { email: "b@example.com" } };
    const updated = await s().users.update(changed, keysAfter, { user, keys: keysBefore });
    assert.deepEqual(await s().users.find(poolId, { by: "alias", column: "aliasEmail", value: "b@example.com" }), updated);
    assert.equal(await s().users.find(poolId, { by: "alias", column: "aliasEmail", value: "a@example.com" }), undefined);
    const byName = await s().users.list({ poolId, filter: { column: "name", op: "equals", values: ["ann"] }, limit: 5 });
    assert.deepEqual(
      byName.map((u) => u.id),
      [user.id],
    );
  });

  it("successive updates each increment the version", async () => {
    const user = await s().users.insert(newUser(await existingPool()));
    const second = await s().users.update({ ...user, status: "UNCONFIRMED" }, noKeys());
    const third = await s().users.update({ ...second, status: "CONFIRMED" }, noKeys());
    assert.equal(third.version, 3);
  });

  it("users.update with a stale version throws StaleWrite", async () => {
    const user = await s().users.insert(newUser(await existingPool()));
    await s().users.update({ ...user, status: "UNCONFIRMED" }, noKeys());
    await assert.rejects(s().users.update({ ...user, status: "RESET_REQUIRED" }, noKeys()), StaleWrite);
  });

  it("a stale update leaves the row unchanged", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    const current = await s().users.update({ ...user, status: "UNCONFIRMED" }, noKeys());
    await assert.rejects(s().users.update({ ...user, status: "RESET_REQUIRED", enabled: false }, noKeys()), StaleWrite);
    assert.deepEqual(await s().users.find(poolId, { by: "sub", value: user.sub }), current);
  });

  it("users.update of a deleted user throws StaleWrite", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    await s().users.delete(poolId, user.id);
    await assert.rejects(s().users.update({ ...user, status: "UNCONFIRMED" }, noKeys()), StaleWrite);
  });

  it("users.update taking another user's username key is a UniqueViolation naming username", async () => {
    const poolId = await existingPool();
    const taken = await s().users.insert(newUser(poolId));
    const user = await s().users.insert(newUser(poolId));
    await rejectsUnique(s().users.update({ ...user, usernameKey: taken.usernameKey }, noKeys()), "username");
  });

  it("users.update taking another user's alias is a UniqueViolation naming the alias", async () => {
    const poolId = await existingPool();
    await s().users.insert(newUser(poolId, { keys: noKeys({ aliasPhoneNumber: "+15555550199" }) }));
    const user = await s().users.insert(newUser(poolId));
    await rejectsUnique(s().users.update(user, noKeys({ aliasPhoneNumber: "+15555550199" })), "aliasPhoneNumber");
  });

  it("users.delete removes the user and returns true", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    assert.equal(await s().users.delete(poolId, user.id), true);
    assert.equal(await s().users.find(poolId, { by: "sub", value: user.sub }), undefined);
  });

  it("users.delete returns false when the user is absent", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    await s().users.delete(poolId, user.id);
    assert.equal(await s().users.delete(poolId, user.id), false);
  });

  it("users.delete naming another pool keeps the user and returns false", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId));
    assert.equal(await s().users.delete(await existingPool(), user.id), false);
    assert.deepEqual(await s().users.find(poolId, { by: "sub", value: user.sub }), user);
  });

  it("a deleted user's username key, sub and aliases can be used again", async () => {
    const poolId = await existingPool();
    const user = await s().users.insert(newUser(poolId, { keys: noKeys({ aliasEmail: "reused@example.com" }) }));
    await s().users.delete(poolId, user.id);
    const again = await s().users.insert(
      newUser(poolId, { usernameKey: user.usernameKey, sub: user.sub, keys: noKeys({ aliasEmail: "reused@example.com" }) }),
    );
    assert.notEqual(again.id, user.id);
  });

  it("users.count counts only the pool's users", async () => {
    const poolId = await existingPool();
    await s().users.insert(newUser(poolId));
    await s().users.insert(newUser(poolId));
    await s().users.insert(newUser(await existingPool()));
    assert.equal(await s().users.count(poolId), 2);
  });

  it("users.count of an empty pool is 0", async () => {
    assert.equal(await s().users.count(await existingPool()), 0);
  });
});
