import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { openStore, parseDataLocation } from "../../src/store/open.js";
import type { NewUser } from "../../src/store/records.js";
import type { Store } from "../../src/store/store.js";
import { noKeys } from "../support/storeFixtures.js";

function newUser(username: string): NewUser {
  return {
    poolId: "us-east-1_cache0000",
    username,
    usernameKey: username,
    sub: `sub-${username}`,
    status: "CONFIRMED",
    enabled: true,
    createdAt: 1,
    modifiedAt: 1,
    attributes: { email: `${username}@example.com` },
    passwordHash: null,
    passwordExpiresAt: null,
    srpSalt: null,
    srpVerifier: null,
    keys: noKeys(),
  };
}

// The SQLite store caches user rows (see RowCache); these tests hold it to never serving a stale one.
describe("the SQLite user cache", () => {
  let directory: string;
  let server: Store;
  let otherProcess: Store;

  before(async () => {
    directory = mkdtempSync(join(tmpdir(), "userpool-cache-"));
    server = await openStore(parseDataLocation(directory));
    otherProcess = await openStore(parseDataLocation(directory));
  });

  after(async () => {
    await server.close();
    await otherProcess.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const find = (store: Store, username: string) =>
    store.users.find("us-east-1_cache0000", { by: "usernameKey", value: username });

  it("serves a write made through the same store at once", async () => {
    const user = await server.users.insert(newUser("ann"));
    await find(server, "ann");
    await server.users.update({ ...user, enabled: false }, noKeys());
    assert.equal((await find(server, "ann"))?.enabled, false);
  });

  it("serves a write committed by another connection to the same file within a millisecond", async () => {
    const user = await server.users.insert(newUser("bob"));
    assert.equal((await find(server, "bob"))?.status, "CONFIRMED");
    await otherProcess.users.update({ ...user, status: "RESET_REQUIRED" }, noKeys());
    await new Promise((resolve) => setTimeout(resolve, 2));
    assert.equal((await find(server, "bob"))?.status, "RESET_REQUIRED");
  });

  it("forgets a deleted user", async () => {
    const user = await server.users.insert(newUser("cid"));
    await find(server, "cid");
    await server.users.delete(user.poolId, user.id);
    assert.equal(await find(server, "cid"), undefined);
  });

  it("forgets the users of a deleted pool", async () => {
    const user = await server.users.insert({ ...newUser("gus"), poolId: "us-east-1_cachegone" });
    const findGus = () => server.users.find(user.poolId, { by: "usernameKey", value: "gus" });
    await findGus();
    await server.pools.delete(user.poolId);
    assert.equal(await findGus(), undefined);
  });

  it("does not keep a row read before a transaction that changed it", async () => {
    const user = await server.users.insert(newUser("dee"));
    await find(server, "dee");
    await server.transaction(async (tx) => {
      await tx.users.update({ ...user, attributes: { email: "new@example.com" } }, noKeys());
    });
    assert.deepEqual((await find(server, "dee"))?.attributes, { email: "new@example.com" });
  });

  it("never shows another flow's uncommitted write, nor keeps the old row after it commits", async () => {
    const user = await server.users.insert(newUser("eve"));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const writing = server.transaction(async (tx) => {
      await tx.users.update({ ...user, enabled: false }, noKeys());
      await held;
    });
    const readDuring = find(server, "eve");
    release();
    await writing;
    // The read waited for the transaction (one connection), so it sees the committed row.
    assert.equal((await readDuring)?.enabled, false);
    assert.equal((await find(server, "eve"))?.enabled, false);
  });

  it("hands out rows no caller can change", async () => {
    await server.users.insert(newUser("fay"));
    await find(server, "fay");
    const cached = await find(server, "fay");
    assert.ok(cached);
    assert.throws(() => {
      (cached.attributes as Record<string, string>).email = "changed@example.com";
    }, TypeError);
  });
});
