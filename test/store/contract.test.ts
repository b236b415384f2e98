import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { openStore, parseDataLocation } from "../../src/store/open.js";
import type {
  AdminKeyRecord,
  AliasColumn,
  ClientRecord,
  GroupRecord,
  ListedUser,
  NewCode,
  NewMessage,
  NewUser,
  PoolRecord,
  UserKeys,
  UserRecord,
} from "../../src/store/records.js";
import { type Engine, StaleWrite, type Store, UniqueViolation } from "../../src/store/store.js";
import { createTestDatabase, type TestDatabase } from "../support/postgres.js";
import { noKeys } from "../support/storeFixtures.js";
import { ENGINES, engineSkip } from "../support/testServer.js";

// --- fixtures -----------------------------------------------------------------
// Every test names its own rows (fresh ids, pools and subs), so the tests of one
// engine share a single store without seeing each other's data.

let sequence = 0;

/** A name no other fixture in this run uses; zero-padded so names sort in creation order. */
function unique(label: string): string {
  sequence += 1;
  return `${label}-${String(sequence).padStart(6, "0")}`;
}

function newPool(overrides: Partial<PoolRecord> = {}): PoolRecord {
  return {
    id: unique("pool"),
    name: "a pool",
    createdAt: 1_700_000_000_000,
    modifiedAt: 1_700_000_000_000,
    settings: { MfaConfiguration: "OFF", Policies: { PasswordPolicy: { MinimumLength: 8 } }, Tags: ["ünïcödé", "🔑"] },
    ...overrides,
  };
}

function newClient(poolId: string, overrides: Partial<ClientRecord> = {}): ClientRecord {
  return {
    id: unique("client"),
    poolId,
    name: "a client",
    sealedSecret: null,
    createdAt: 1_700_000_000_000,
    modifiedAt: 1_700_000_000_000,
    settings: { ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH"] },
    ...overrides,
  };
}

function newUser(poolId: string, overrides: Partial<NewUser> = {}): NewUser {
  const username = overrides.username ?? unique("user");
  return {
    poolId,
    username,
    usernameKey: username.toLowerCase(),
    sub: unique("sub"),
    status: "CONFIRMED",
    enabled: true,
    createdAt: 1_700_000_000_000,
    modifiedAt: 1_700_000_000_000,
    attributes: { email: "someone@example.com", locale: "zoë 😀" },
    passwordHash: "$argon2id$hash",
    passwordExpiresAt: null,
    srpSalt: "8ce8291892390f6b53a245933faf6164",
    srpVerifier: "v1.sealed-verifier",
    keys: noKeys(),
    ...overrides,
  };
}

function newMessage(poolId: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    poolId,
    createdAt: 1_700_000_000_000,
    username: "someone",
    deliveryMedium: "EMAIL",
    destination: unique("dest") + "@example.com",
    subject: "Your code",
    body: "Your code is 123456",
    reason: "CustomMessage_SignUp",
    ...overrides,
  };
}

function newAdminKey(overrides: Partial<AdminKeyRecord> = {}): AdminKeyRecord {
  return {
    accessKeyId: unique("AKIA"),
    sealedSecret: "sealed:secret",
    description: "a key",
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}

/** Asserts that a promise rejects with UniqueViolation naming `key`. */
async function rejectsUnique(promise: Promise<unknown>, key: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof UniqueViolation, `expected UniqueViolation, got ${String(error)}`);
    assert.equal(error.key, key);
    return true;
  });
}

const ALIASES: readonly { column: AliasColumn; value: string }[] = [
  { column: "aliasEmail", value: "alias@example.com" },
  { column: "aliasPhoneNumber", value: "+15555550100" },
  { column: "aliasPreferredUsername", value: "the-alias" },
];

/** Declares the suite once per engine, each over its own freshly opened store. */
function describeEachStore(name: string, body: (s: () => Store, engine: Engine) => void): void {
  for (const engine of ENGINES) {
    describe(`${name} [${engine}]`, { skip: engineSkip(engine) }, () => {
      let database: TestDatabase | undefined;
      let store: Store | undefined;
      before(async () => {
        if (engine === "postgres") database = await createTestDatabase();
        store = await openStore(parseDataLocation(database?.url ?? ":memory:"));
      });
      after(async () => {
        await store?.close();
        await database?.drop();
      });
      body(() => {
        if (store === undefined) throw new Error("store not opened");
        return store;
      }, engine);
    });
  }
}

describeEachStore("store contract", (s, engine) => {
  /** A pool that exists in the store, for tests about what lives inside pools. */
  async function existingPool(): Promise<string> {
    const pool = newPool();
    await s().insertPool(pool);
    return pool.id;
  }

  it("reports the engine it runs on", () => {
    assert.equal(s().engine, engine);
  });

  describe("settings", () => {
    it("an unknown setting reads as undefined", async () => {
      assert.equal(await s().getSetting(unique("setting")), undefined);
    });

    it("putSettingIfAbsent stores a new value and returns it", async () => {
      const key = unique("setting");
      assert.equal(await s().putSettingIfAbsent(key, "first"), "first");
      assert.equal(await s().getSetting(key), "first");
    });

    it("putSettingIfAbsent keeps the first value and returns it", async () => {
      const key = unique("setting");
      await s().putSettingIfAbsent(key, "first");
      assert.equal(await s().putSettingIfAbsent(key, "second"), "first");
      assert.equal(await s().getSetting(key), "first");
    });
  });

  describe("admin keys", () => {
    it("an inserted admin key reads back as written", async () => {
      const key = newAdminKey();
      await s().insertAdminKey(key);
      assert.deepEqual(await s().getAdminKey(key.accessKeyId), key);
    });

    it("an admin key without a description reads back with null", async () => {
      const key = newAdminKey({ description: null });
      await s().insertAdminKey(key);
      assert.deepEqual(await s().getAdminKey(key.accessKeyId), key);
    });

    it("an unknown access key id reads as undefined", async () => {
      assert.equal(await s().getAdminKey(unique("AKIA")), undefined);
    });

    it("a second admin key with the same access key id is a UniqueViolation", async () => {
      const key = newAdminKey();
      await s().insertAdminKey(key);
      await assert.rejects(s().insertAdminKey({ ...key, description: "again" }), UniqueViolation);
    });

    it("admin keys list oldest first, ties broken by access key id", async () => {
      const [a, b, c] = [unique("AKIA"), unique("AKIA"), unique("AKIA")];
      await s().insertAdminKey(newAdminKey({ accessKeyId: c, createdAt: 1 }));
      await s().insertAdminKey(newAdminKey({ accessKeyId: b, createdAt: 2 }));
      await s().insertAdminKey(newAdminKey({ accessKeyId: a, createdAt: 2 }));
      const mine = (await s().listAdminKeys()).map((k) => k.accessKeyId).filter((id) => [a, b, c].includes(id));
      assert.deepEqual(mine, [c, a, b]);
    });

    it("deleteAdminKey removes the key and returns true", async () => {
      const key = newAdminKey();
      await s().insertAdminKey(key);
      assert.equal(await s().deleteAdminKey(key.accessKeyId), true);
      assert.equal(await s().getAdminKey(key.accessKeyId), undefined);
    });

    it("deleteAdminKey returns false when the key is absent", async () => {
      assert.equal(await s().deleteAdminKey(unique("AKIA")), false);
    });
  });

  describe("pools", () => {
    it("an inserted pool reads back as written, settings included", async () => {
      const pool = newPool();
      await s().insertPool(pool);
      assert.deepEqual(await s().getPool(pool.id), pool);
    });

    it("hands out pools no caller can change, settings included: one read may serve later readers", async () => {
      const pool = newPool();
      await s().insertPool(pool);
      await s().getPool(pool.id);
      const read = await s().getPool(pool.id);
      assert.ok(read);
      assert.throws(() => {
        (read as { name: string }).name = "changed";
      }, TypeError);
      assert.throws(() => {
        (read.settings as Record<string, unknown>).MfaConfiguration = "ON";
      }, TypeError);
    });

    it("an unknown pool id reads as undefined", async () => {
      assert.equal(await s().getPool(unique("pool")), undefined);
    });

    it("a second pool with the same id is a UniqueViolation", async () => {
      const pool = newPool();
      await s().insertPool(pool);
      await assert.rejects(s().insertPool({ ...pool, name: "again" }), UniqueViolation);
    });

    it("updatePool replaces the name, modification time and settings and returns true", async () => {
      const pool = newPool();
      await s().insertPool(pool);
      const changed = { ...pool, name: "renamed", modifiedAt: pool.modifiedAt + 1000, settings: { MfaConfiguration: "ON" } };
      assert.equal(await s().updatePool(changed), true);
      assert.deepEqual(await s().getPool(pool.id), changed);
    });

    it("updatePool returns false when the pool is absent", async () => {
      assert.equal(await s().updatePool(newPool()), false);
    });

    it("listPools orders pools by id and honours the limit", async () => {
      const prefix = unique("listed");
      for (const suffix of ["c", "a", "b"]) await s().insertPool(newPool({ id: `${prefix}-${suffix}` }));
      const page = await s().listPools({ after: prefix, limit: 2 });
      assert.deepEqual(
        page.map((p) => p.id),
        [`${prefix}-a`, `${prefix}-b`],
      );
    });

    it("listPools with after starts strictly after that id", async () => {
      const prefix = unique("listed");
      for (const suffix of ["a", "b", "c"]) await s().insertPool(newPool({ id: `${prefix}-${suffix}` }));
      const page = await s().listPools({ after: `${prefix}-a`, limit: 2 });
      assert.deepEqual(
        page.map((p) => p.id),
        [`${prefix}-b`, `${prefix}-c`],
      );
    });

    it("listPools without after starts at the lowest id", async () => {
      await s().insertPool(newPool({ id: `z-${unique("pool")}` }));
      await s().insertPool(newPool({ id: `a-${unique("pool")}` }));
      const ids = (await s().listPools({ limit: 1000 })).map((p) => p.id);
      const first = await s().listPools({ limit: 1 });
      assert.deepEqual(ids, [...ids].sort());
      assert.deepEqual(
        first.map((p) => p.id),
        ids.slice(0, 1),
      );
    });

    it("countPools counts every pool", async () => {
      const before = await s().countPools();
      await s().insertPool(newPool());
      await s().insertPool(newPool());
      assert.equal(await s().countPools(), before + 2);
    });

    it("deletePool removes the pool and returns true", async () => {
      const poolId = await existingPool();
      assert.equal(await s().deletePool(poolId), true);
      assert.equal(await s().getPool(poolId), undefined);
    });

    it("deletePool returns false when the pool is absent", async () => {
      assert.equal(await s().deletePool(unique("pool")), false);
    });

    it("deletePool removes the pool's clients, users and outbox messages", async () => {
      const poolId = await existingPool();
      const client = newClient(poolId);
      await s().insertClient(client);
      const user = await s().insertUser(newUser(poolId));
      await s().appendMessage(newMessage(poolId));
      await s().deletePool(poolId);
      assert.equal(await s().getClient(client.id), undefined);
      assert.equal(await s().findUser(poolId, { by: "sub", value: user.sub }), undefined);
      assert.equal(await s().countUsers(poolId), 0);
      assert.deepEqual(await s().listMessages({ poolId, limit: 10 }), []);
    });

    it("deletePool leaves other pools' clients, users and outbox messages alone", async () => {
      const doomed = await existingPool();
      const kept = await existingPool();
      const client = newClient(kept);
      await s().insertClient(client);
      const user = await s().insertUser(newUser(kept));
      const message = await s().appendMessage(newMessage(kept));
      await s().insertUser(newUser(doomed));
      await s().deletePool(doomed);
      assert.deepEqual(await s().getClient(client.id), client);
      assert.deepEqual(await s().findUser(kept, { by: "sub", value: user.sub }), user);
      assert.deepEqual(await s().listMessages({ poolId: kept, limit: 10 }), [message]);
    });
  });

  describe("clients", () => {
    it("getClient finds a client by its id alone", async () => {
      const client = newClient(await existingPool(), { sealedSecret: "sealed:client-secret" });
      await s().insertClient(client);
      assert.deepEqual(await s().getClient(client.id), client);
    });

    it("a public client reads back with a null secret", async () => {
      const client = newClient(await existingPool(), { sealedSecret: null });
      await s().insertClient(client);
      assert.deepEqual(await s().getClient(client.id), client);
    });

    it("an unknown client id reads as undefined", async () => {
      assert.equal(await s().getClient(unique("client")), undefined);
    });

    it("a client id already used in another pool is a UniqueViolation", async () => {
      const client = newClient(await existingPool());
      await s().insertClient(client);
      await assert.rejects(s().insertClient({ ...client, poolId: await existingPool() }), UniqueViolation);
    });

    it("updateClient changes a client of the named pool and returns true", async () => {
      const client = newClient(await existingPool());
      await s().insertClient(client);
      const changed = { ...client, name: "renamed", modifiedAt: client.modifiedAt + 1000, settings: { RefreshTokenValidity: 5 } };
      assert.equal(await s().updateClient(changed), true);
      assert.deepEqual(await s().getClient(client.id), changed);
    });

    it("updateClient naming another pool changes nothing and returns false", async () => {
      const client = newClient(await existingPool());
      await s().insertClient(client);
      const elsewhere = { ...client, poolId: await existingPool(), name: "hijacked" };
      assert.equal(await s().updateClient(elsewhere), false);
      assert.deepEqual(await s().getClient(client.id), client);
    });

    it("deleteClient removes a client of the named pool and returns true", async () => {
      const client = newClient(await existingPool());
      await s().insertClient(client);
      assert.equal(await s().deleteClient(client.poolId, client.id), true);
      assert.equal(await s().getClient(client.id), undefined);
    });

    it("deleteClient naming another pool keeps the client and returns false", async () => {
      const client = newClient(await existingPool());
      await s().insertClient(client);
      assert.equal(await s().deleteClient(await existingPool(), client.id), false);
      assert.deepEqual(await s().getClient(client.id), client);
    });

    it("listClients lists only the pool's clients, ordered by id, honouring the limit", async () => {
      const poolId = await existingPool();
      const [a, b, c] = [newClient(poolId), newClient(poolId), newClient(poolId)];
      await s().insertClient(newClient(await existingPool()));
      for (const client of [c, a, b]) await s().insertClient(client);
      assert.deepEqual(await s().listClients(poolId, { limit: 2 }), [a, b]);
    });

    it("listClients with after starts strictly after that id", async () => {
      const poolId = await existingPool();
      const [a, b, c] = [newClient(poolId), newClient(poolId), newClient(poolId)];
      for (const client of [a, b, c]) await s().insertClient(client);
      assert.deepEqual(await s().listClients(poolId, { after: a.id, limit: 10 }), [b, c]);
    });

    it("countClients counts only the pool's clients", async () => {
      const poolId = await existingPool();
      await s().insertClient(newClient(poolId));
      await s().insertClient(newClient(poolId));
      await s().insertClient(newClient(await existingPool()));
      assert.equal(await s().countClients(poolId), 2);
    });
  });

  describe("users", () => {
    it("insertUser returns the user with a new id and version 1", async () => {
      const { keys: _keys, ...user } = newUser(await existingPool());
      const inserted = await s().insertUser({ ...user, keys: noKeys() });
      assert.equal(typeof inserted.id, "number");
      assert.deepEqual(inserted, { ...user, id: inserted.id, version: 1 });
    });

    it("each inserted user gets a different id", async () => {
      const poolId = await existingPool();
      const first = await s().insertUser(newUser(poolId));
      const second = await s().insertUser(newUser(poolId));
      assert.notEqual(first.id, second.id);
    });

    it("a user reads back exactly as inserted, timestamps included; keys are written, not read back", async () => {
      const poolId = await existingPool();
      const inserted = await s().insertUser(
        newUser(poolId, {
          status: "FORCE_CHANGE_PASSWORD",
          enabled: false,
          passwordExpiresAt: 1_700_000_600_000,
          keys: noKeys({ email: "zoë@example.com", givenName: "zoë", familyName: "😀", aliasEmail: "zoë@example.com" }),
        }),
      );
      assert.deepEqual(await s().findUser(poolId, { by: "usernameKey", value: inserted.usernameKey }), inserted);
    });

    it("a user without a password reads back with a null hash", async () => {
      const poolId = await existingPool();
      const inserted = await s().insertUser(newUser(poolId, { passwordHash: null }));
      assert.equal((await s().findUser(poolId, { by: "sub", value: inserted.sub }))?.passwordHash, null);
    });

    it("a second user with the same username key is a UniqueViolation naming username", async () => {
      const poolId = await existingPool();
      await s().insertUser(newUser(poolId, { username: "Alice", usernameKey: "alice" }));
      await rejectsUnique(s().insertUser(newUser(poolId, { username: "ALICE", usernameKey: "alice" })), "username");
    });

    it("the same username key in another pool is allowed", async () => {
      await s().insertUser(newUser(await existingPool(), { usernameKey: "bob" }));
      const other = await s().insertUser(newUser(await existingPool(), { usernameKey: "bob" }));
      assert.equal(other.usernameKey, "bob");
    });

    it("a second user with the same sub is a UniqueViolation naming sub", async () => {
      const poolId = await existingPool();
      const first = await s().insertUser(newUser(poolId));
      await rejectsUnique(s().insertUser(newUser(poolId, { sub: first.sub })), "sub");
    });

    it("a sub already used in another pool is a UniqueViolation naming sub", async () => {
      const first = await s().insertUser(newUser(await existingPool()));
      await rejectsUnique(s().insertUser(newUser(await existingPool(), { sub: first.sub })), "sub");
    });

    for (const { column, value } of ALIASES) {
      it(`a second user with the same ${column} in the pool is a UniqueViolation naming ${column}`, async () => {
        const poolId = await existingPool();
        await s().insertUser(newUser(poolId, { keys: noKeys({ [column]: value }) }));
        await rejectsUnique(s().insertUser(newUser(poolId, { keys: noKeys({ [column]: value }) })), column);
      });

      it(`the same ${column} in another pool is allowed`, async () => {
        await s().insertUser(newUser(await existingPool(), { keys: noKeys({ [column]: value }) }));
        const otherPool = await existingPool();
        const other = await s().insertUser(newUser(otherPool, { keys: noKeys({ [column]: value }) }));
        assert.deepEqual(await s().findUser(otherPool, { by: "alias", column, value }), other);
      });

      it(`findUser finds a user by ${column}`, async () => {
        const poolId = await existingPool();
        const user = await s().insertUser(newUser(poolId, { keys: noKeys({ [column]: value }) }));
        assert.deepEqual(await s().findUser(poolId, { by: "alias", column, value }), user);
      });
    }

    it("users without aliases never clash on them", async () => {
      const poolId = await existingPool();
      for (let i = 0; i < 3; i++) await s().insertUser(newUser(poolId, { keys: noKeys({ email: "shared@example.com" }) }));
      assert.equal(await s().countUsers(poolId), 3);
    });

    it("a rejected insert leaves no row behind", async () => {
      const poolId = await existingPool();
      const first = await s().insertUser(newUser(poolId));
      await assert.rejects(s().insertUser(newUser(poolId, { usernameKey: first.usernameKey })), UniqueViolation);
      assert.equal(await s().countUsers(poolId), 1);
    });

    it("findUser finds a user by username key", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      assert.deepEqual(await s().findUser(poolId, { by: "usernameKey", value: user.usernameKey }), user);
    });

    it("findUser finds a user by sub", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      assert.deepEqual(await s().findUser(poolId, { by: "sub", value: user.sub }), user);
    });

    it("findUser returns undefined when nothing matches", async () => {
      const poolId = await existingPool();
      await s().insertUser(newUser(poolId, { keys: noKeys({ aliasEmail: "someone@example.com" }) }));
      assert.equal(await s().findUser(poolId, { by: "usernameKey", value: unique("nobody") }), undefined);
      assert.equal(await s().findUser(poolId, { by: "alias", column: "aliasEmail", value: "nobody@example.com" }), undefined);
    });

    it("findUser does not find a user of another pool", async () => {
      const user = await s().insertUser(newUser(await existingPool()));
      const elsewhere = await existingPool();
      assert.equal(await s().findUser(elsewhere, { by: "usernameKey", value: user.usernameKey }), undefined);
      assert.equal(await s().findUser(elsewhere, { by: "sub", value: user.sub }), undefined);
    });

    it("findUser by alias does not match the plain search column", async () => {
      const poolId = await existingPool();
      await s().insertUser(newUser(poolId, { keys: noKeys({ email: "plain@example.com" }) }));
      assert.equal(await s().findUser(poolId, { by: "alias", column: "aliasEmail", value: "plain@example.com" }), undefined);
    });

    it("updateUser returns the user with the next version", async () => {
      const user = await s().insertUser(newUser(await existingPool()));
      const updated = await s().updateUser({ ...user, status: "RESET_REQUIRED" }, noKeys());
      assert.deepEqual(updated, { ...user, status: "RESET_REQUIRED", version: 2 });
    });

    it("updateUser writes every changed field", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
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
      };
      const updated = await s().updateUser(
        changed,
        noKeys({ email: "new@example.com", name: "zoë 😀", aliasEmail: "new@example.com" }),
      );
      assert.deepEqual(await s().findUser(poolId, { by: "sub", value: user.sub }), updated);
      assert.deepEqual(await s().findUser(poolId, { by: "alias", column: "aliasEmail", value: "new@example.com" }), updated);
    });

    it("updateUser given the row as it was writes what changed and keeps the rest", async () => {
      const poolId = await existingPool();
      const keysBefore = noKeys({ email: "a@example.com", aliasEmail: "a@example.com", name: "ann" });
      const user = await s().insertUser(newUser(poolId, { keys: keysBefore }));
      const keysAfter = { ...keysBefore, email: "b@example.com", aliasEmail: "b@example.com" };
      const changed = { ...user, status: "RESET_REQUIRED", attributes: { email: "b@example.com" } };
      const updated = await s().updateUser(changed, keysAfter, { user, keys: keysBefore });
      assert.deepEqual(await s().findUser(poolId, { by: "alias", column: "aliasEmail", value: "b@example.com" }), updated);
      assert.equal(await s().findUser(poolId, { by: "alias", column: "aliasEmail", value: "a@example.com" }), undefined);
      const byName = await s().listUsers({ poolId, filter: { column: "name", op: "equals", values: ["ann"] }, limit: 5 });
      assert.deepEqual(
        byName.map((u) => u.id),
        [user.id],
      );
    });

    it("successive updates each increment the version", async () => {
      const user = await s().insertUser(newUser(await existingPool()));
      const second = await s().updateUser({ ...user, status: "UNCONFIRMED" }, noKeys());
      const third = await s().updateUser({ ...second, status: "CONFIRMED" }, noKeys());
      assert.equal(third.version, 3);
    });

    it("updateUser with a stale version throws StaleWrite", async () => {
      const user = await s().insertUser(newUser(await existingPool()));
      await s().updateUser({ ...user, status: "UNCONFIRMED" }, noKeys());
      await assert.rejects(s().updateUser({ ...user, status: "RESET_REQUIRED" }, noKeys()), StaleWrite);
    });

    it("a stale update leaves the row unchanged", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      const current = await s().updateUser({ ...user, status: "UNCONFIRMED" }, noKeys());
      await assert.rejects(s().updateUser({ ...user, status: "RESET_REQUIRED", enabled: false }, noKeys()), StaleWrite);
      assert.deepEqual(await s().findUser(poolId, { by: "sub", value: user.sub }), current);
    });

    it("updateUser of a deleted user throws StaleWrite", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      await s().deleteUser(poolId, user.id);
      await assert.rejects(s().updateUser({ ...user, status: "UNCONFIRMED" }, noKeys()), StaleWrite);
    });

    it("updateUser taking another user's username key is a UniqueViolation naming username", async () => {
      const poolId = await existingPool();
      const taken = await s().insertUser(newUser(poolId));
      const user = await s().insertUser(newUser(poolId));
      await rejectsUnique(s().updateUser({ ...user, usernameKey: taken.usernameKey }, noKeys()), "username");
    });

    it("updateUser taking another user's alias is a UniqueViolation naming the alias", async () => {
      const poolId = await existingPool();
      await s().insertUser(newUser(poolId, { keys: noKeys({ aliasPhoneNumber: "+15555550199" }) }));
      const user = await s().insertUser(newUser(poolId));
      await rejectsUnique(s().updateUser(user, noKeys({ aliasPhoneNumber: "+15555550199" })), "aliasPhoneNumber");
    });

    it("deleteUser removes the user and returns true", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      assert.equal(await s().deleteUser(poolId, user.id), true);
      assert.equal(await s().findUser(poolId, { by: "sub", value: user.sub }), undefined);
    });

    it("deleteUser returns false when the user is absent", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      await s().deleteUser(poolId, user.id);
      assert.equal(await s().deleteUser(poolId, user.id), false);
    });

    it("deleteUser naming another pool keeps the user and returns false", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      assert.equal(await s().deleteUser(await existingPool(), user.id), false);
      assert.deepEqual(await s().findUser(poolId, { by: "sub", value: user.sub }), user);
    });

    it("a deleted user's username key, sub and aliases can be used again", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId, { keys: noKeys({ aliasEmail: "reused@example.com" }) }));
      await s().deleteUser(poolId, user.id);
      const again = await s().insertUser(
        newUser(poolId, { usernameKey: user.usernameKey, sub: user.sub, keys: noKeys({ aliasEmail: "reused@example.com" }) }),
      );
      assert.notEqual(again.id, user.id);
    });

    it("countUsers counts only the pool's users", async () => {
      const poolId = await existingPool();
      await s().insertUser(newUser(poolId));
      await s().insertUser(newUser(poolId));
      await s().insertUser(newUser(await existingPool()));
      assert.equal(await s().countUsers(poolId), 2);
    });

    it("countUsers of an empty pool is 0", async () => {
      assert.equal(await s().countUsers(await existingPool()), 0);
    });
  });

  describe("listUsers", () => {
    /** A pool holding one user per username key, each with the given keys and enabled flag. */
    async function poolWith(users: { key: string; keys?: Partial<UserKeys>; enabled?: boolean }[]): Promise<string> {
      const poolId = await existingPool();
      for (const u of users) {
        await s().insertUser(newUser(poolId, { usernameKey: u.key, keys: noKeys(u.keys), enabled: u.enabled ?? true }));
      }
      return poolId;
    }

    const keysOf = (users: UserRecord[]) => users.map((u) => u.usernameKey);

    it("without a filter lists users ordered by username key", async () => {
      const poolId = await poolWith([{ key: "carol" }, { key: "alice" }, { key: "bob" }]);
      assert.deepEqual(keysOf(await s().listUsers({ poolId, limit: 10 })), ["alice", "bob", "carol"]);
    });

    it("orders username keys by code point, not by locale", async () => {
      const poolId = await poolWith([{ key: "zoë" }, { key: "Zed" }, { key: "zoe" }, { key: "😀" }, { key: "ａ" }]);
      assert.deepEqual(keysOf(await s().listUsers({ poolId, limit: 10 })), ["Zed", "zoe", "zoë", "ａ", "😀"]);
    });

    it("without a filter, after resumes strictly after that username key", async () => {
      const poolId = await poolWith([{ key: "alice" }, { key: "bob" }, { key: "carol" }]);
      const page = await s().listUsers({ poolId, after: { sortValue: "alice", usernameKey: "alice" }, limit: 10 });
      assert.deepEqual(keysOf(page), ["bob", "carol"]);
    });

    it("without a filter, the limit caps the page", async () => {
      const poolId = await poolWith([{ key: "alice" }, { key: "bob" }, { key: "carol" }]);
      assert.deepEqual(keysOf(await s().listUsers({ poolId, limit: 2 })), ["alice", "bob"]);
    });

    it("lists only the named pool's users", async () => {
      const poolId = await poolWith([{ key: "alice", keys: { email: "a@example.com" } }]);
      await poolWith([{ key: "bob", keys: { email: "a@example.com" } }]);
      assert.deepEqual(keysOf(await s().listUsers({ poolId, limit: 10 })), ["alice"]);
      const filtered = await s().listUsers({
        poolId,
        filter: { column: "email", op: "equals", values: ["a@example.com"] },
        limit: 10,
      });
      assert.deepEqual(keysOf(filtered), ["alice"]);
    });

    it("an equals filter returns exactly the users with that value", async () => {
      const poolId = await poolWith([
        { key: "alice", keys: { email: "a@example.com" } },
        { key: "bob", keys: { email: "a@example.com.au" } },
        { key: "carol", keys: { email: "a@example.co" } },
        { key: "dave" },
      ]);
      const page = await s().listUsers({
        poolId,
        filter: { column: "email", op: "equals", values: ["a@example.com"] },
        limit: 10,
      });
      assert.deepEqual(keysOf(page), ["alice"]);
    });

    it("an equals filter matches non-ASCII and emoji values exactly", async () => {
      const poolId = await poolWith([
        { key: "u1", keys: { givenName: "zoë" } },
        { key: "u2", keys: { givenName: "zoe" } },
        { key: "u3", keys: { givenName: "😀" } },
        { key: "u4", keys: { givenName: "😁" } },
      ]);
      const zoe = await s().listUsers({ poolId, filter: { column: "given_name", op: "equals", values: ["zoë"] }, limit: 10 });
      const grin = await s().listUsers({ poolId, filter: { column: "given_name", op: "equals", values: ["😀"] }, limit: 10 });
      assert.deepEqual(keysOf(zoe), ["u1"]);
      assert.deepEqual(keysOf(grin), ["u3"]);
    });

    it("a prefix filter returns the users whose value starts with it, the prefix itself included", async () => {
      const poolId = await poolWith([
        { key: "u1", keys: { familyName: "jo" } },
        { key: "u2", keys: { familyName: "joe" } },
        { key: "u3", keys: { familyName: "jones" } },
        { key: "u4", keys: { familyName: "j" } },
        { key: "u5", keys: { familyName: "ajo" } },
      ]);
      const page = await s().listUsers({ poolId, filter: { column: "family_name", op: "prefix", values: ["jo"] }, limit: 10 });
      assert.deepEqual(keysOf(page), ["u1", "u2", "u3"]);
    });

    it("a prefix filter does not match a longer string that does not start with it", async () => {
      const poolId = await poolWith([
        { key: "u1", keys: { name: "jonathan" } },
        { key: "u2", keys: { name: "jonb" } },
        { key: "u3", keys: { name: "jpa" } },
        { key: "u4", keys: { name: "jon" } },
      ]);
      const page = await s().listUsers({ poolId, filter: { column: "name", op: "prefix", values: ["jona"] }, limit: 10 });
      assert.deepEqual(keysOf(page), ["u1"]);
    });

    it("a prefix filter takes % and _ literally", async () => {
      const poolId = await poolWith([
        { key: "u1", keys: { preferredUsername: "a_%b" } },
        { key: "u2", keys: { preferredUsername: "axyb" } },
        { key: "u3", keys: { preferredUsername: "a_%" } },
      ]);
      const page = await s().listUsers({
        poolId,
        filter: { column: "preferred_username", op: "prefix", values: ["a_%"] },
        limit: 10,
      });
      assert.deepEqual(keysOf(page), ["u3", "u1"]);
    });

    it("a non-ASCII prefix matches only values starting with it", async () => {
      const poolId = await poolWith([
        { key: "u1", keys: { name: "zoë" } },
        { key: "u2", keys: { name: "zoe" } },
        { key: "u3", keys: { name: "zoëlle" } },
        { key: "u4", keys: { name: "zoé" } },
      ]);
      const page = await s().listUsers({ poolId, filter: { column: "name", op: "prefix", values: ["zoë"] }, limit: 10 });
      assert.deepEqual(keysOf(page), ["u1", "u3"]);
    });

    it("an emoji prefix matches values starting with it but not a neighbouring emoji", async () => {
      const poolId = await poolWith([
        { key: "u1", keys: { name: "😀" } },
        { key: "u2", keys: { name: "😀 party" } },
        { key: "u3", keys: { name: "😁" } },
        { key: "u4", keys: { name: "😀😀" } },
      ]);
      const page = await s().listUsers({ poolId, filter: { column: "name", op: "prefix", values: ["😀"] }, limit: 10 });
      assert.deepEqual(keysOf(page), ["u1", "u2", "u4"]);
    });

    it("a prefix matches values continuing past U+FFFF, in UTF-8 byte order", async () => {
      const poolId = await poolWith([
        { key: "u1", keys: { email: "ann😀@example.com" } },
        { key: "u2", keys: { email: "ann\uffff@example.com" } },
        { key: "u3", keys: { email: "anm@example.com" } },
      ]);
      const page = await s().listUsers({ poolId, filter: { column: "email", op: "prefix", values: ["ann"] }, limit: 10 });
      assert.deepEqual(keysOf(page), ["u2", "u1"]);
    });

    it("a prefix matches a value continuing with the highest code point, U+10FFFF", async () => {
      const poolId = await poolWith([
        { key: "u1", keys: { name: "max\u{10FFFF}" } },
        { key: "u2", keys: { name: "max\u{10FFFF}\u{10FFFF}x" } },
        { key: "u3", keys: { name: "may" } },
      ]);
      const page = await s().listUsers({ poolId, filter: { column: "name", op: "prefix", values: ["max"] }, limit: 10 });
      assert.deepEqual(keysOf(page), ["u1", "u2"]);
    });

    it("a prefix ending in U+D7FF does not match the next character, U+E000", async () => {
      const poolId = await poolWith([
        { key: "u1", keys: { name: "a\uD7FF" } },
        { key: "u2", keys: { name: "a\uD7FFz" } },
        { key: "u3", keys: { name: "a\uE000" } },
      ]);
      const page = await s().listUsers({ poolId, filter: { column: "name", op: "prefix", values: ["a\uD7FF"] }, limit: 10 });
      assert.deepEqual(keysOf(page), ["u1", "u2"]);
    });

    it("an in filter returns the users with any of the values", async () => {
      const poolId = await poolWith([
        { key: "u1", keys: { phoneNumber: "+15555550101" } },
        { key: "u2", keys: { phoneNumber: "+15555550102" } },
        { key: "u3", keys: { phoneNumber: "+15555550103" } },
        { key: "u4" },
      ]);
      const page = await s().listUsers({
        poolId,
        filter: { column: "phone_number", op: "in", values: ["+15555550103", "+15555550101", "+15555550999"] },
        limit: 10,
      });
      assert.deepEqual(keysOf(page), ["u1", "u3"]);
    });

    it('the enabled filter takes "1" for enabled users', async () => {
      const poolId = await poolWith([
        { key: "on", enabled: true },
        { key: "off", enabled: false },
      ]);
      const page = await s().listUsers({ poolId, filter: { column: "enabled", op: "equals", values: ["1"] }, limit: 10 });
      assert.deepEqual(keysOf(page), ["on"]);
    });

    it('the enabled filter takes "0" for disabled users', async () => {
      const poolId = await poolWith([
        { key: "on", enabled: true },
        { key: "off", enabled: false },
      ]);
      const page = await s().listUsers({ poolId, filter: { column: "enabled", op: "equals", values: ["0"] }, limit: 10 });
      assert.deepEqual(keysOf(page), ["off"]);
    });

    it("a filter orders by the filtered value, then by username key", async () => {
      const poolId = await poolWith([
        { key: "a", keys: { email: "z@example.com" } },
        { key: "b", keys: { email: "y@example.com" } },
        { key: "c", keys: { email: "y@example.com" } },
        { key: "d", keys: { email: "x@example.com" } },
      ]);
      const page = await s().listUsers({ poolId, filter: { column: "email", op: "prefix", values: [""] }, limit: 10 });
      assert.deepEqual(keysOf(page), ["d", "b", "c", "a"]);
    });

    it("with a filter, after resumes strictly after (value, username key)", async () => {
      const poolId = await poolWith([
        { key: "a", keys: { email: "z@example.com" } },
        { key: "b", keys: { email: "y@example.com" } },
        { key: "c", keys: { email: "y@example.com" } },
        { key: "d", keys: { email: "x@example.com" } },
      ]);
      const page = await s().listUsers({
        poolId,
        filter: { column: "email", op: "prefix", values: [""] },
        after: { sortValue: "y@example.com", usernameKey: "b" },
        limit: 10,
      });
      assert.deepEqual(keysOf(page), ["c", "a"]);
    });

    it("with the enabled filter, after resumes in (enabled, username key) order", async () => {
      const poolId = await poolWith([
        { key: "a", enabled: true },
        { key: "b", enabled: false },
        { key: "c", enabled: true },
        { key: "d", enabled: false },
      ]);
      const page = await s().listUsers({
        poolId,
        filter: { column: "enabled", op: "in", values: ["0", "1"] },
        after: { sortValue: "0", usernameKey: "d" },
        limit: 10,
      });
      assert.deepEqual(keysOf(page), ["a", "c"]);
    });

    it("with a filter, the limit caps the page", async () => {
      const poolId = await poolWith([{ key: "a" }, { key: "b" }, { key: "c" }]);
      const page = await s().listUsers({ poolId, filter: { column: "status", op: "equals", values: ["CONFIRMED"] }, limit: 2 });
      assert.deepEqual(keysOf(page), ["a", "b"]);
    });

    it("paging with after and limit visits every filtered user exactly once", async () => {
      const poolId = await poolWith(
        ["e", "a", "d", "b", "c", "f"].map((key, i) => ({
          key,
          keys: { email: i % 2 === 0 ? "even@example.com" : "odd@example.com" },
        })),
      );
      const filter = { column: "email" as const, op: "prefix" as const, values: [""] };
      const seen: string[] = [];
      let page = await s().listUsers({ poolId, filter, limit: 2 });
      while (page.length > 0) {
        seen.push(...keysOf(page));
        const last = page[page.length - 1] as ListedUser;
        page = await s().listUsers({
          poolId,
          filter,
          after: { sortValue: last.sortValue, usernameKey: last.usernameKey },
          limit: 2,
        });
      }
      assert.deepEqual(seen, ["c", "d", "e", "a", "b", "f"]);
    });
  });

  describe("codes", () => {
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

    it("putCode returns the code with an id and no failed attempts, and getCode reads it back", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      const code = newCode(poolId, user.id);
      const stored = await s().putCode(code);
      assert.deepEqual(stored, { ...code, id: stored.id, failedAttempts: 0, supersededHash: null });
      assert.deepEqual(await s().getCode(user.id, "SIGN_UP"), stored);
    });

    it("a new code for the same user and purpose replaces the old one", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      await s().putCode(newCode(poolId, user.id, { codeHash: "old" }));
      const fresh = await s().putCode(newCode(poolId, user.id, { codeHash: "new", payload: "new@example.com" }));
      assert.equal(fresh.supersededHash, "old");
      assert.deepEqual(await s().getCode(user.id, "SIGN_UP"), fresh);
    });

    it("codes for other purposes or users are separate", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      const other = await s().insertUser(newUser(poolId));
      const signUp = await s().putCode(newCode(poolId, user.id));
      const reset = await s().putCode(newCode(poolId, user.id, { purpose: "FORGOT_PASSWORD" }));
      assert.deepEqual(await s().getCode(user.id, "SIGN_UP"), signUp);
      assert.deepEqual(await s().getCode(user.id, "FORGOT_PASSWORD"), reset);
      assert.equal(await s().getCode(other.id, "SIGN_UP"), undefined);
    });

    it("recordFailedCodeAttempt counts wrong guesses", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      const code = await s().putCode(newCode(poolId, user.id));
      await s().recordFailedCodeAttempt(code.id);
      await s().recordFailedCodeAttempt(code.id);
      assert.equal((await s().getCode(user.id, "SIGN_UP"))?.failedAttempts, 2);
    });

    it("deleteCode is true for exactly one of two callers", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      const code = await s().putCode(newCode(poolId, user.id));
      const results = await Promise.all([s().deleteCode(code.id), s().deleteCode(code.id)]);
      assert.deepEqual(results.sort(), [false, true]);
      assert.equal(await s().getCode(user.id, "SIGN_UP"), undefined);
    });

    it("deleting a user deletes the user's codes; deleting a pool deletes its codes", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      await s().putCode(newCode(poolId, user.id));
      await s().deleteUser(poolId, user.id);
      assert.equal(await s().getCode(user.id, "SIGN_UP"), undefined);
      const pool = newPool();
      await s().insertPool(pool);
      const member = await s().insertUser(newUser(pool.id));
      await s().putCode(newCode(pool.id, member.id));
      await s().deletePool(pool.id);
      assert.equal(await s().getCode(member.id, "SIGN_UP"), undefined);
    });
  });

  describe("sign-in records", () => {
    const jwk = { kty: "RSA", n: "abc", e: "AQAB", alg: "RS256", use: "sig" };

    it("signing keys list oldest first, and retiring marks only the active ones", async () => {
      const poolId = await existingPool();
      const old = {
        kid: unique("kid"),
        poolId,
        use: "id" as const,
        publicJwk: { ...jwk, kid: "a" },
        sealedPrivateKey: "sealed",
        createdAt: 1,
        retiredAt: 0,
      };
      const current = { ...old, kid: unique("kid"), use: "access" as const, createdAt: 2, retiredAt: null };
      await s().insertSigningKey(current);
      await s().insertSigningKey(old);
      assert.deepEqual(await s().listSigningKeys(poolId), [old, current]);
      await s().retireSigningKeys(poolId, 50);
      assert.deepEqual(
        (await s().listSigningKeys(poolId)).map((k) => k.retiredAt),
        [0, 50],
      );
      assert.deepEqual(await s().listSigningKeys(await existingPool()), []);
    });

    it("refresh tokens read back as inserted and are revoked per user", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      const other = await s().insertUser(newUser(poolId));
      const token = {
        id: unique("rt"),
        poolId,
        clientId: "client",
        userId: user.id,
        userSub: user.sub,
        secretHash: "hash",
        authTime: 10,
        createdAt: 11,
        expiresAt: 12,
        revokedAt: null,
      };
      const othersToken = { ...token, id: unique("rt"), userId: other.id };
      await s().insertRefreshToken(token);
      await s().insertRefreshToken(othersToken);
      assert.deepEqual(await s().getRefreshToken(token.id), token);
      await s().revokeRefreshTokens(user.id, 99);
      assert.equal((await s().getRefreshToken(token.id))?.revokedAt, 99);
      assert.equal((await s().getRefreshToken(othersToken.id))?.revokedAt, null);
      assert.equal(await s().getRefreshToken("missing"), undefined);
      await s().revokeRefreshToken(othersToken.id, 100);
      assert.equal((await s().getRefreshToken(othersToken.id))?.revokedAt, 100);
    });

    it("an auth session can be deleted once", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      const session = {
        id: unique("session"),
        poolId,
        clientId: "c",
        userId: user.id,
        challenge: "NEW_PASSWORD_REQUIRED",
        passed: ["PASSWORD"],
        state: { codeHash: "h", nested: { n: 1 } },
        failedAttempts: 0,
        createdAt: 1,
        expiresAt: 2,
      };
      await s().insertAuthSession(session);
      assert.deepEqual(await s().getAuthSession(session.id), session);
      const results = await Promise.all([s().deleteAuthSession(session.id), s().deleteAuthSession(session.id)]);
      assert.deepEqual(results.sort(), [false, true]);
      assert.equal(await s().getAuthSession(session.id), undefined);
    });

    it("a session's wrong answers count one statement each, and none past the limit, even when sent at once", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      const session = {
        id: unique("session"),
        poolId,
        clientId: "c",
        userId: user.id,
        challenge: "SMS_MFA",
        passed: [],
        state: {},
        failedAttempts: 0,
        createdAt: 1,
        expiresAt: 2,
      };
      await s().insertAuthSession(session);
      const counts = await Promise.all(Array.from({ length: 8 }, () => s().recordFailedSessionAttempt(session.id, 5)));
      assert.deepEqual(counts.filter((c) => c !== undefined).sort(), [1, 2, 3, 4, 5]);
      assert.equal(counts.filter((c) => c === undefined).length, 3);
      assert.equal((await s().getAuthSession(session.id))?.failedAttempts, 5);
      assert.equal(await s().recordFailedSessionAttempt("no-such-session", 5), undefined);
    });

    it("sign-in failures are upserted per user and cleared", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      await s().putSignInFailures({ userId: user.id, poolId, failures: 1, lastFailureAt: 5, lockedUntil: null });
      await s().putSignInFailures({ userId: user.id, poolId, failures: 6, lastFailureAt: 9, lockedUntil: 11 });
      assert.deepEqual(await s().getSignInFailures(user.id), {
        userId: user.id,
        poolId,
        failures: 6,
        lastFailureAt: 9,
        lockedUntil: 11,
      });
      await s().clearSignInFailures(user.id);
      assert.equal(await s().getSignInFailures(user.id), undefined);
    });

    it("sign-in failures are counted one by one, even at the same time, and forgotten when stale", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      const add = (at: number) => s().addSignInFailure({ userId: user.id, poolId, at, forgetBefore: at - 100 });
      assert.deepEqual(await add(10), { userId: user.id, poolId, failures: 1, lastFailureAt: 10, lockedUntil: null });
      const counted = await Promise.all([add(20), add(20), add(20), add(20)]);
      assert.deepEqual(counted.map((r) => r.failures).sort(), [2, 3, 4, 5]);
      await s().putSignInFailures({ ...(await add(30)), lockedUntil: 50 });
      assert.deepEqual(await add(40), { userId: user.id, poolId, failures: 7, lastFailureAt: 40, lockedUntil: 50 });
      // More than 100 after the last failure: the count starts again.
      assert.equal((await add(141)).failures, 1);
    });

    /** Where to look for a user's sign-in records. */
    interface SignInRecords {
      userId: number;
      tokenId: string;
      sessionId: string;
    }

    /** A user of the pool with a refresh token, an auth session and sign-in failures. */
    async function userWithSignInRecords(poolId: string): Promise<SignInRecords> {
      const user = await s().insertUser(newUser(poolId));
      const [tokenId, sessionId] = [unique("rt"), unique("s")];
      await s().insertRefreshToken({
        id: tokenId,
        poolId,
        clientId: "c",
        userId: user.id,
        userSub: user.sub,
        secretHash: "h",
        authTime: 1,
        createdAt: 1,
        expiresAt: 2,
        revokedAt: null,
      });
      await s().insertAuthSession({
        id: sessionId,
        poolId,
        clientId: "c",
        userId: user.id,
        challenge: "X",
        passed: [],
        state: {},
        failedAttempts: 0,
        createdAt: 1,
        expiresAt: 2,
      });
      await s().putSignInFailures({ userId: user.id, poolId, failures: 1, lastFailureAt: 1, lockedUntil: null });
      return { userId: user.id, tokenId, sessionId };
    }

    async function assertSignInRecordsGone(records: SignInRecords): Promise<void> {
      assert.equal(await s().getRefreshToken(records.tokenId), undefined);
      assert.equal(await s().getAuthSession(records.sessionId), undefined);
      assert.equal(await s().getSignInFailures(records.userId), undefined);
    }

    it("deleting a user or a pool deletes its sign-in records", async () => {
      const pool = newPool();
      await s().insertPool(pool);
      const deletedUser = await userWithSignInRecords(pool.id);
      await s().deleteUser(pool.id, deletedUser.userId);
      await assertSignInRecordsGone(deletedUser);
      const poolsUser = await userWithSignInRecords(pool.id);
      await s().insertSigningKey({
        kid: unique("kid"),
        poolId: pool.id,
        use: "id",
        publicJwk: jwk,
        sealedPrivateKey: "s",
        createdAt: 1,
        retiredAt: null,
      });
      await s().deletePool(pool.id);
      assert.deepEqual(await s().listSigningKeys(pool.id), []);
      await assertSignInRecordsGone(poolsUser);
    });
  });

  describe("outbox", () => {
    it("appendMessage returns the message with its id", async () => {
      const message = newMessage(await existingPool());
      const appended = await s().appendMessage(message);
      assert.deepEqual(appended, { ...message, id: appended.id });
    });

    it("appendMessage returns increasing ids", async () => {
      const poolId = await existingPool();
      const first = await s().appendMessage(newMessage(poolId));
      const second = await s().appendMessage(newMessage(poolId));
      assert.ok(second.id > first.id, `${second.id} should exceed ${first.id}`);
    });

    it("an SMS without a subject reads back as appended", async () => {
      const poolId = await existingPool();
      const appended = await s().appendMessage(
        newMessage(poolId, { deliveryMedium: "SMS", destination: "+15555550100", subject: null, body: "Code: 123 ✓" }),
      );
      assert.deepEqual(await s().listMessages({ poolId, limit: 10 }), [appended]);
    });

    it("listMessages returns a pool's messages in insertion order", async () => {
      const poolId = await existingPool();
      const appended = [];
      for (const destination of ["c@example.com", "a@example.com", "b@example.com"]) {
        appended.push(await s().appendMessage(newMessage(poolId, { destination })));
      }
      assert.deepEqual(await s().listMessages({ poolId, limit: 10 }), appended);
    });

    it("listMessages filtered by pool leaves out other pools' messages", async () => {
      const poolId = await existingPool();
      await s().appendMessage(newMessage(await existingPool()));
      const mine = await s().appendMessage(newMessage(poolId));
      assert.deepEqual(await s().listMessages({ poolId, limit: 10 }), [mine]);
    });

    it("listMessages filtered by destination returns that destination's messages from every pool", async () => {
      const destination = unique("inbox") + "@example.com";
      const first = await s().appendMessage(newMessage(await existingPool(), { destination }));
      await s().appendMessage(newMessage(await existingPool()));
      const second = await s().appendMessage(newMessage(await existingPool(), { destination }));
      assert.deepEqual(await s().listMessages({ destination, limit: 10 }), [first, second]);
    });

    it("listMessages filtered by pool and destination needs both to match", async () => {
      const poolId = await existingPool();
      const destination = unique("inbox") + "@example.com";
      await s().appendMessage(newMessage(await existingPool(), { destination }));
      await s().appendMessage(newMessage(poolId));
      const match = await s().appendMessage(newMessage(poolId, { destination }));
      assert.deepEqual(await s().listMessages({ poolId, destination, limit: 10 }), [match]);
    });

    it("listMessages with afterId starts strictly after that id", async () => {
      const poolId = await existingPool();
      const first = await s().appendMessage(newMessage(poolId));
      const second = await s().appendMessage(newMessage(poolId));
      const third = await s().appendMessage(newMessage(poolId));
      assert.deepEqual(await s().listMessages({ poolId, afterId: first.id, limit: 10 }), [second, third]);
    });

    it("listMessages honours the limit, oldest first", async () => {
      const poolId = await existingPool();
      const first = await s().appendMessage(newMessage(poolId));
      const second = await s().appendMessage(newMessage(poolId));
      await s().appendMessage(newMessage(poolId));
      assert.deepEqual(await s().listMessages({ poolId, limit: 2 }), [first, second]);
    });
  });

  describe("transactions", () => {
    it("transaction returns what its function returns", async () => {
      assert.equal(await s().transaction(async () => 42), 42);
    });

    it("writes inside a transaction are visible to later steps inside it", async () => {
      const pool = newPool();
      const seen = await s().transaction(async (tx) => {
        await tx.insertPool(pool);
        return tx.getPool(pool.id);
      });
      assert.deepEqual(seen, pool);
    });

    it("work inside a transaction is visible after commit", async () => {
      const pool = newPool();
      const user = newUser(pool.id);
      const settingKey = unique("setting");
      const inserted = await s().transaction(async (tx) => {
        await tx.insertPool(pool);
        await tx.putSettingIfAbsent(settingKey, "committed");
        return tx.insertUser(user);
      });
      assert.deepEqual(await s().getPool(pool.id), pool);
      assert.deepEqual(await s().findUser(pool.id, { by: "sub", value: user.sub }), inserted);
      assert.equal(await s().getSetting(settingKey), "committed");
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
      const user = await s().insertUser(newUser(poolId));
      const newcomer = newPool();
      const settingKey = unique("setting");
      await assert.rejects(
        s().transaction(async (tx) => {
          await tx.insertPool(newcomer);
          await tx.insertClient(newClient(poolId));
          await tx.updateUser({ ...user, status: "RESET_REQUIRED" }, noKeys());
          await tx.insertUser(newUser(poolId));
          await tx.appendMessage(newMessage(poolId));
          await tx.putSettingIfAbsent(settingKey, "rolled back");
          throw new Error("boom");
        }),
        /boom/,
      );
      assert.equal(await s().getPool(newcomer.id), undefined);
      assert.equal(await s().countClients(poolId), 0);
      assert.deepEqual(await s().findUser(poolId, { by: "sub", value: user.sub }), user);
      assert.equal(await s().countUsers(poolId), 1);
      assert.deepEqual(await s().listMessages({ poolId, limit: 10 }), []);
      assert.equal(await s().getSetting(settingKey), undefined);
    });

    it("a throw inside a nested transaction rolls back the outer writes too", async () => {
      const outer = newPool();
      const inner = newPool();
      await assert.rejects(
        s().transaction(async (tx) => {
          await tx.insertPool(outer);
          await tx.transaction(async (nested) => {
            await nested.insertPool(inner);
            throw new Error("boom");
          });
        }),
        /boom/,
      );
      assert.equal(await s().getPool(outer.id), undefined);
      assert.equal(await s().getPool(inner.id), undefined);
    });

    it("a throw after a nested transaction finished rolls back the nested writes", async () => {
      const inner = newPool();
      await assert.rejects(
        s().transaction(async (tx) => {
          await tx.transaction((nested) => nested.insertPool(inner));
          throw new Error("boom");
        }),
        /boom/,
      );
      assert.equal(await s().getPool(inner.id), undefined);
    });

    it("a pool inserted or updated, and read, inside a transaction that throws reads afterwards as before", async () => {
      const newcomer = newPool();
      await assert.rejects(
        s().transaction(async (tx) => {
          await tx.insertPool(newcomer);
          assert.deepEqual(await tx.getPool(newcomer.id), newcomer);
          throw new Error("boom");
        }),
        /boom/,
      );
      assert.equal(await s().getPool(newcomer.id), undefined);
      const existing = newPool();
      await s().insertPool(existing);
      await assert.rejects(
        s().transaction(async (tx) => {
          await tx.updatePool({ ...existing, name: "renamed" });
          assert.equal((await tx.getPool(existing.id))?.name, "renamed");
          throw new Error("boom");
        }),
        /boom/,
      );
      assert.deepEqual(await s().getPool(existing.id), existing);
    });

    it("a pool read while a transaction deletes or updates it reads as written inside it, and as committed after", async () => {
      const [deleted, updated] = [newPool(), newPool()];
      await s().insertPool(deleted);
      await s().insertPool(updated);
      let written: () => void = () => undefined;
      let release: () => void = () => undefined;
      const writesDone = new Promise<void>((resolve) => (written = resolve));
      const held = new Promise<void>((resolve) => (release = resolve));
      const writing = s().transaction(async (tx) => {
        await tx.deletePool(deleted.id);
        await tx.updatePool({ ...updated, name: "renamed" });
        written();
        await held;
        assert.equal(await tx.getPool(deleted.id), undefined);
        assert.equal((await tx.getPool(updated.id))?.name, "renamed");
      });
      await writesDone;
      const readsDuring = Promise.all([s().getPool(deleted.id), s().getPool(updated.id)]);
      // On PostgreSQL the reads run on another connection and finish first, seeing the rows as they were (which the
      // store may keep); on SQLite they wait for the transaction.
      if (engine === "postgres") await readsDuring;
      release();
      await writing;
      if (engine === "postgres") assert.deepEqual(await readsDuring, [deleted, updated]);
      assert.equal(await s().getPool(deleted.id), undefined);
      assert.equal((await s().getPool(updated.id))?.name, "renamed");
    });

    it("a deletePool inside a transaction that throws is rolled back", async () => {
      const poolId = await existingPool();
      const client = newClient(poolId);
      await s().insertClient(client);
      const user = await s().insertUser(newUser(poolId));
      const message = await s().appendMessage(newMessage(poolId));
      await assert.rejects(
        s().transaction(async (tx) => {
          await tx.deletePool(poolId);
          throw new Error("boom");
        }),
        /boom/,
      );
      assert.ok(await s().getPool(poolId));
      assert.deepEqual(await s().getClient(client.id), client);
      assert.deepEqual(await s().findUser(poolId, { by: "sub", value: user.sub }), user);
      assert.deepEqual(await s().listMessages({ poolId, limit: 10 }), [message]);
    });
  });
});

describeEachStore("store contract: groups", (s) => {
  async function existingPool(): Promise<string> {
    const pool = newPool();
    await s().insertPool(pool);
    return pool.id;
  }

  function newGroup(poolId: string, overrides: Partial<GroupRecord> = {}): GroupRecord {
    return {
      poolId,
      name: unique("group"),
      description: "a group ✓",
      roleArn: "arn:aws:iam::123456789012:role/a-role",
      precedence: 3,
      createdAt: 1_700_000_000_000,
      modifiedAt: 1_700_000_000_000,
      ...overrides,
    };
  }

  async function existingGroup(poolId: string, overrides: Partial<GroupRecord> = {}): Promise<GroupRecord> {
    const group = newGroup(poolId, overrides);
    await s().insertGroup(group);
    return group;
  }

  const names = (groups: GroupRecord[]) => groups.map((g) => g.name);
  const usernames = (users: UserRecord[]) => users.map((u) => u.username);

  describe("groups", () => {
    it("an inserted group reads back as written", async () => {
      const group = await existingGroup(await existingPool());
      assert.deepEqual(await s().getGroup(group.poolId, group.name), group);
    });

    it("a group without description, role or precedence reads back with nulls", async () => {
      const group = await existingGroup(await existingPool(), { description: null, roleArn: null, precedence: null });
      assert.deepEqual(await s().getGroup(group.poolId, group.name), group);
    });

    it("an unknown group, or a group of another pool, reads as undefined", async () => {
      const group = await existingGroup(await existingPool());
      assert.equal(await s().getGroup(group.poolId, unique("group")), undefined);
      assert.equal(await s().getGroup(await existingPool(), group.name), undefined);
    });

    it("a second group of the same name in a pool is a UniqueViolation; other pools and other cases are free", async () => {
      const group = await existingGroup(await existingPool());
      await assert.rejects(s().insertGroup({ ...group, description: "again" }), UniqueViolation);
      await s().insertGroup({ ...group, poolId: await existingPool() });
      await s().insertGroup({ ...group, name: group.name.toUpperCase() });
    });

    it("updateGroup replaces description, role, precedence and modification time and returns true", async () => {
      const group = await existingGroup(await existingPool());
      const changed = { ...group, description: null, roleArn: null, precedence: 0, modifiedAt: group.modifiedAt + 1000 };
      assert.equal(await s().updateGroup(changed), true);
      assert.deepEqual(await s().getGroup(group.poolId, group.name), changed);
    });

    it("updateGroup returns false when the group is absent", async () => {
      assert.equal(await s().updateGroup(newGroup(await existingPool())), false);
    });

    it("listGroups orders a pool's groups by name in byte order, after a name, honouring the limit", async () => {
      const poolId = await existingPool();
      await existingGroup(await existingPool(), { name: "a-elsewhere" });
      for (const name of ["b", "a", "B", "é", "c"]) await existingGroup(poolId, { name });
      assert.deepEqual(names(await s().listGroups(poolId, { limit: 10 })), ["B", "a", "b", "c", "é"]);
      assert.deepEqual(names(await s().listGroups(poolId, { after: "a", limit: 2 })), ["b", "c"]);
    });

    it("countGroups counts only the pool's groups", async () => {
      const poolId = await existingPool();
      await existingGroup(poolId);
      await existingGroup(poolId);
      await existingGroup(await existingPool());
      assert.equal(await s().countGroups(poolId), 2);
    });

    it("deleteGroup removes the group and returns true; false when absent", async () => {
      const group = await existingGroup(await existingPool());
      assert.equal(await s().deleteGroup(group.poolId, group.name), true);
      assert.equal(await s().getGroup(group.poolId, group.name), undefined);
      assert.equal(await s().deleteGroup(group.poolId, group.name), false);
    });
  });

  describe("group members", () => {
    it("addGroupMember adds a user of the pool, and a second add finds the user a member", async () => {
      const poolId = await existingPool();
      const group = await existingGroup(poolId);
      const user = await s().insertUser(newUser(poolId));
      assert.equal(await s().addGroupMember(poolId, group.name, user.id, 100), true);
      assert.equal(await s().addGroupMember(poolId, group.name, user.id, 100), true);
      assert.deepEqual(await s().listGroupsOfUser(poolId, user.id, { limit: 10 }), [group]);
      assert.deepEqual(await s().listGroupMembers(poolId, group.name, { limit: 10 }), [user]);
    });

    it("addGroupMember refuses a missing group, a missing user, and a user or group of another pool", async () => {
      const poolId = await existingPool();
      const group = await existingGroup(poolId);
      const user = await s().insertUser(newUser(poolId));
      const elsewhere = await existingPool();
      const stranger = await s().insertUser(newUser(elsewhere));
      const foreignGroup = await existingGroup(elsewhere);
      assert.equal(await s().addGroupMember(poolId, unique("group"), user.id, 100), false);
      assert.equal(await s().addGroupMember(poolId, group.name, 987_654_321, 100), false);
      assert.equal(await s().addGroupMember(poolId, group.name, stranger.id, 100), false);
      assert.equal(await s().addGroupMember(poolId, foreignGroup.name, user.id, 100), false);
      assert.deepEqual(await s().listGroupMembers(poolId, group.name, { limit: 10 }), []);
    });

    it("addGroupMember refuses a user already in the most groups allowed, but still finds an existing membership", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      const [first, second, third] = [await existingGroup(poolId), await existingGroup(poolId), await existingGroup(poolId)];
      assert.equal(await s().addGroupMember(poolId, first.name, user.id, 2), true);
      assert.equal(await s().addGroupMember(poolId, second.name, user.id, 2), true);
      assert.equal(await s().addGroupMember(poolId, third.name, user.id, 2), false);
      assert.equal(await s().addGroupMember(poolId, first.name, user.id, 2), true);
      assert.deepEqual(names(await s().listGroupsOfUser(poolId, user.id, { limit: 10 })), [first.name, second.name]);
    });

    it("concurrent adds for one user never take it past the limit", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      const groups = await Promise.all(Array.from({ length: 12 }, () => existingGroup(poolId)));
      const outcomes = await Promise.all(groups.map((g) => s().addGroupMember(poolId, g.name, user.id, 5)));
      assert.equal(outcomes.filter((o) => o).length, 5);
      assert.equal((await s().listGroupsOfUser(poolId, user.id, { limit: 100 })).length, 5);
    });

    it("removeGroupMember removes a membership and returns true; false for a non-member", async () => {
      const poolId = await existingPool();
      const group = await existingGroup(poolId);
      const [member, other] = [await s().insertUser(newUser(poolId)), await s().insertUser(newUser(poolId))];
      await s().addGroupMember(poolId, group.name, member.id, 100);
      await s().addGroupMember(poolId, group.name, other.id, 100);
      assert.equal(await s().removeGroupMember(poolId, group.name, member.id), true);
      assert.equal(await s().removeGroupMember(poolId, group.name, member.id), false);
      assert.deepEqual(await s().listGroupMembers(poolId, group.name, { limit: 10 }), [other]);
      assert.deepEqual(await s().listGroupsOfUser(poolId, member.id, { limit: 10 }), []);
    });

    it("listGroupMembers orders members by username key, after a key, honouring the limit", async () => {
      const poolId = await existingPool();
      const group = await existingGroup(poolId);
      const prefix = unique("member");
      for (const suffix of ["d", "b", "a", "c", "e"]) {
        const user = await s().insertUser(newUser(poolId, { username: `${prefix}-${suffix}` }));
        await s().addGroupMember(poolId, group.name, user.id, 100);
      }
      const all = usernames(await s().listGroupMembers(poolId, group.name, { limit: 10 }));
      assert.deepEqual(
        all,
        ["a", "b", "c", "d", "e"].map((x) => `${prefix}-${x}`),
      );
      const page = await s().listGroupMembers(poolId, group.name, { after: `${prefix}-b`, limit: 2 });
      assert.deepEqual(usernames(page), [`${prefix}-c`, `${prefix}-d`]);
    });

    it("listGroupsOfUser orders a user's groups by name, after a name, honouring the limit", async () => {
      const poolId = await existingPool();
      const user = await s().insertUser(newUser(poolId));
      for (const name of ["c", "a", "d", "b"]) {
        await existingGroup(poolId, { name });
        await s().addGroupMember(poolId, name, user.id, 100);
      }
      assert.deepEqual(names(await s().listGroupsOfUser(poolId, user.id, { limit: 10 })), ["a", "b", "c", "d"]);
      assert.deepEqual(names(await s().listGroupsOfUser(poolId, user.id, { after: "a", limit: 2 })), ["b", "c"]);
    });

    it("a group's members and a member's groups come from the same pool only", async () => {
      const [poolA, poolB] = [await existingPool(), await existingPool()];
      const name = unique("group");
      await existingGroup(poolA, { name });
      await existingGroup(poolB, { name });
      const [a, b] = [await s().insertUser(newUser(poolA)), await s().insertUser(newUser(poolB))];
      await s().addGroupMember(poolA, name, a.id, 100);
      await s().addGroupMember(poolB, name, b.id, 100);
      assert.deepEqual(await s().listGroupMembers(poolA, name, { limit: 10 }), [a]);
      assert.deepEqual(
        (await s().listGroupsOfUser(poolB, b.id, { limit: 10 })).map((g) => g.poolId),
        [poolB],
      );
    });

    it("deleteGroup removes its memberships; a new group of the same name starts empty", async () => {
      const poolId = await existingPool();
      const group = await existingGroup(poolId);
      const user = await s().insertUser(newUser(poolId));
      await s().addGroupMember(poolId, group.name, user.id, 100);
      await s().deleteGroup(poolId, group.name);
      assert.deepEqual(await s().listGroupsOfUser(poolId, user.id, { limit: 10 }), []);
      await s().insertGroup(group);
      assert.deepEqual(await s().listGroupMembers(poolId, group.name, { limit: 10 }), []);
    });

    it("deleteUser removes the user's memberships and leaves the group's other members", async () => {
      const poolId = await existingPool();
      const group = await existingGroup(poolId);
      const [gone, kept] = [await s().insertUser(newUser(poolId)), await s().insertUser(newUser(poolId))];
      await s().addGroupMember(poolId, group.name, gone.id, 100);
      await s().addGroupMember(poolId, group.name, kept.id, 100);
      await s().deleteUser(poolId, gone.id);
      assert.deepEqual(await s().listGroupsOfUser(poolId, gone.id, { limit: 10 }), []);
      assert.deepEqual(await s().listGroupMembers(poolId, group.name, { limit: 10 }), [kept]);
    });

    it("deletePool removes the pool's groups and memberships and leaves other pools' alone", async () => {
      const [doomed, kept] = [await existingPool(), await existingPool()];
      const [doomedGroup, keptGroup] = [await existingGroup(doomed), await existingGroup(kept)];
      const [doomedUser, keptUser] = [await s().insertUser(newUser(doomed)), await s().insertUser(newUser(kept))];
      await s().addGroupMember(doomed, doomedGroup.name, doomedUser.id, 100);
      await s().addGroupMember(kept, keptGroup.name, keptUser.id, 100);
      await s().deletePool(doomed);
      assert.equal(await s().countGroups(doomed), 0);
      assert.deepEqual(await s().listGroupsOfUser(doomed, doomedUser.id, { limit: 10 }), []);
      assert.deepEqual(await s().listGroupMembers(kept, keptGroup.name, { limit: 10 }), [keptUser]);
      // A membership left behind would show again under a pool and group of the same names.
      await s().insertPool(newPool({ id: doomed }));
      await s().insertGroup(doomedGroup);
      assert.deepEqual(await s().listGroupsOfUser(doomed, doomedUser.id, { limit: 10 }), []);
    });

    it("an add inside a transaction that throws is rolled back", async () => {
      const poolId = await existingPool();
      const group = await existingGroup(poolId);
      const user = await s().insertUser(newUser(poolId));
      await assert.rejects(
        s().transaction(async (tx) => {
          assert.equal(await tx.addGroupMember(poolId, group.name, user.id, 100), true);
          throw new Error("boom");
        }),
        /boom/,
      );
      assert.deepEqual(await s().listGroupsOfUser(poolId, user.id, { limit: 10 }), []);
    });
  });
});
