import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { openStore, parseDataLocation } from "../../src/store/open.js";
import type { GroupRecord } from "../../src/store/records.js";
import type { Store } from "../../src/store/store.js";
import { noKeys } from "../support/storeFixtures.js";

const POOL = "us-east-1_groupcache";

function newGroup(name: string, precedence: number | null = 1): GroupRecord {
  return { poolId: POOL, name, description: "d", roleArn: null, precedence, createdAt: 1, modifiedAt: 1 };
}

// The SQLite store caches group rows, as it does user rows (see RowCache); these tests hold it to never serving a stale one.
describe("the SQLite group cache", () => {
  let directory: string;
  let server: Store;
  let otherProcess: Store;
  let userId: number;

  before(async () => {
    directory = mkdtempSync(join(tmpdir(), "userpool-group-cache-"));
    server = await openStore(parseDataLocation(directory));
    otherProcess = await openStore(parseDataLocation(directory));
    const user = await server.users.insert({
      poolId: POOL,
      username: "member",
      usernameKey: "member",
      sub: "sub-member",
      status: "CONFIRMED",
      enabled: true,
      createdAt: 1,
      modifiedAt: 1,
      attributes: {},
      passwordHash: null,
      passwordExpiresAt: null,
      srpSalt: null,
      srpVerifier: null,
      keys: noKeys(),
    });
    userId = user.id;
  });

  after(async () => {
    await server.close();
    await otherProcess.close();
    rmSync(directory, { recursive: true, force: true });
  });

  /** The group as the member's group list shows it, the path that reads through the cache. */
  async function listed(store: Store, name: string): Promise<GroupRecord | undefined> {
    return (await store.memberships.groupsOf(POOL, userId, { limit: 100 })).find((g) => g.name === name);
  }

  async function joined(group: GroupRecord): Promise<void> {
    await server.groups.insert(group);
    assert.equal(await server.memberships.add(POOL, group.name, userId, 100), true);
    await listed(server, group.name);
  }

  it("serves a write made through the same store at once", async () => {
    const group = newGroup("same-store");
    await joined(group);
    await server.groups.update({ ...group, precedence: 9 });
    assert.equal((await listed(server, "same-store"))?.precedence, 9);
    assert.equal((await server.groups.get(POOL, "same-store"))?.precedence, 9);
  });

  it("serves a write committed by another connection to the same file within a millisecond", async () => {
    const group = newGroup("other-process");
    await joined(group);
    await otherProcess.groups.update({ ...group, description: "changed elsewhere" });
    await new Promise((resolve) => setTimeout(resolve, 2));
    assert.equal((await listed(server, "other-process"))?.description, "changed elsewhere");
  });

  it("forgets a deleted group, also when a group of the same name is created again", async () => {
    const group = newGroup("recreated");
    await joined(group);
    await server.groups.delete(POOL, "recreated");
    assert.equal(await server.groups.get(POOL, "recreated"), undefined);
    await server.groups.insert({ ...group, precedence: null });
    assert.equal((await server.groups.get(POOL, "recreated"))?.precedence, null);
    assert.equal(await listed(server, "recreated"), undefined);
  });

  it("does not keep a row read before a transaction that changed it", async () => {
    const group = newGroup("in-transaction");
    await joined(group);
    await server.transaction(async (tx) => {
      await tx.groups.update({ ...group, roleArn: "arn:aws:iam::123456789012:role/new" });
    });
    assert.equal((await listed(server, "in-transaction"))?.roleArn, "arn:aws:iam::123456789012:role/new");
  });

  it("forgets the groups of a deleted pool", async () => {
    const group = newGroup("pool-goes");
    await joined(group);
    await server.pools.delete(POOL);
    assert.equal(await server.groups.get(POOL, "pool-goes"), undefined);
  });

  it("hands out rows no caller can change", async () => {
    await server.groups.insert(newGroup("frozen"));
    await server.groups.get(POOL, "frozen");
    const cached = await server.groups.get(POOL, "frozen");
    assert.ok(cached);
    assert.throws(() => {
      (cached as { precedence: number | null }).precedence = 0;
    }, TypeError);
  });
});
