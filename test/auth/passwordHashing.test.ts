import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { FAST_HASH, STANDARD_HASH } from "../../src/domain/kernel/passwordHasher.js";
import { adminSignIn, confirmedUser, signInPool } from "../support/auth.js";
import { captureLog } from "../support/logs.js";
import { startTestServer } from "../support/testServer.js";

describe("password hashes and lockouts in a data directory", () => {
  const data = mkdtempSync(join(tmpdir(), "userpool-hashes-"));
  after(() => rmSync(data, { recursive: true, force: true }));

  const storedHash = async (server: Awaited<ReturnType<typeof startTestServer>>, poolId: string, username: string) =>
    (await server.server.domain.store.users.find(poolId, { by: "usernameKey", value: username }))?.passwordHash ?? "";

  it("are argon2id with their cost recorded, and are redone at the next sign-in when the cost changes", async () => {
    const log = captureLog("info");
    const fast = await startTestServer("sqlite", { data, passwordHash: "fast", logger: log.logger });
    assert.match(log.text(), /PASSWORD HASHING IS IN FAST MODE/);
    const pool = await signInPool(fast.client);
    await confirmedUser(fast.client, pool, "ann");
    const fastHash = await storedHash(fast, pool.poolId, "ann");
    assert.ok(
      fastHash.startsWith(`$argon2id$v=19$m=${FAST_HASH.memoryKiB},t=${FAST_HASH.iterations},p=${FAST_HASH.parallelism}$`),
      fastHash,
    );
    await fast.close();

    const standard = await startTestServer("sqlite", { data, passwordHash: "standard" });
    assert.ok((await adminSignIn(standard.client, pool, "ann")).AuthenticationResult);
    const upgraded = await storedHash(standard, pool.poolId, "ann");
    assert.ok(upgraded.startsWith(`$argon2id$v=19$m=${STANDARD_HASH.memoryKiB},t=${STANDARD_HASH.iterations},p=1$`), upgraded);
    assert.ok((await adminSignIn(standard.client, pool, "ann")).AuthenticationResult);
    await standard.close();
  });

  it("keep a lockout across a restart", async () => {
    const first = await startTestServer("sqlite", { data });
    const pool = await signInPool(first.client);
    await confirmedUser(first.client, pool, "locked");
    // Only wrong-password failures count toward the lock, so each of the five must be one.
    for (let i = 0; i < 5; i++)
      await assert.rejects(adminSignIn(first.client, pool, "locked", "Wrong-Passw0rd!"), {
        name: "NotAuthorizedException",
        message: "Incorrect username or password.",
      });
    // Three more failures, each once the previous lock ran out: the lock is now 8 s, ample for a restart.
    for (const lockMs of [1000, 2000, 4000]) {
      first.clock.advance(lockMs + 1);
      await assert.rejects(adminSignIn(first.client, pool, "locked", "Wrong-Passw0rd!"), {
        message: "Incorrect username or password.",
      });
    }
    await first.close();
    const second = await startTestServer("sqlite", { data });
    await assert.rejects(adminSignIn(second.client, pool, "locked"), {
      name: "NotAuthorizedException",
      message: "Password attempts exceeded",
    });
    await second.close();
  });
});
