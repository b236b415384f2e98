import assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { createAppClient, createPool } from "../support/fixtures.js";
import { captureLog } from "../support/logs.js";
import { startTestServer } from "../support/testServer.js";

const mode = (path: string) => statSync(path).mode & 0o777;

describe("Data directory: nothing in it is readable by other local users", () => {
  const root = mkdtempSync(join(tmpdir(), "userpool-modes-"));
  after(() => rmSync(root, { recursive: true, force: true }));

  it("makes the directory 0700 and every file in it 0600, the database's -wal and -shm too", async () => {
    const data = join(root, "fresh");
    const server = await startTestServer("sqlite", { data });
    try {
      const poolId = await createPool(server.client);
      await createAppClient(server.client, poolId, { GenerateSecret: true });
      const files = readdirSync(data).sort();
      assert.deepEqual(files, ["master.key", "userpool.sqlite", "userpool.sqlite-shm", "userpool.sqlite-wal"]);
      assert.equal(mode(data), 0o700);
      for (const file of files)
        assert.equal(mode(join(data, file)) & 0o077, 0, `${file} is 0${mode(join(data, file)).toString(8)}`);
    } finally {
      await server.close();
    }
  });

  it("warns when an existing data directory is open to group or others, and not when it is not", async () => {
    const open = join(root, "open");
    mkdirSync(open);
    chmodSync(open, 0o755);
    const log = captureLog("warn");
    const server = await startTestServer("sqlite", { data: open, logger: log.logger });
    await server.close();
    const warnings = log
      .text()
      .split("\n")
      .filter((line) => line.includes(open));
    assert.equal(warnings.length, 1, log.text());
    assert.match(warnings[0] ?? "", /"level":40.*is open to other local users \(mode 0755\); run chmod 700/);

    const closed = join(root, "closed");
    mkdirSync(closed, { mode: 0o700 });
    const quiet = captureLog("warn");
    const again = await startTestServer("sqlite", { data: closed, logger: quiet.logger });
    await again.close();
    assert.doesNotMatch(quiet.text(), /open to other local users/);
  });
});
