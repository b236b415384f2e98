import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { AdminCreateUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { BIN, run, serve } from "../support/cliProcess.js";
import { createPool } from "../support/fixtures.js";
import { sdkClient } from "../support/testServer.js";

describe("userpool outbox", () => {
  const data = mkdtempSync(join(tmpdir(), "userpool-outbox-"));
  const key = { accessKeyId: "AKIAOUTBOXOUTBOX0000", secretAccessKey: "outbox-test-secret" };
  after(() => rmSync(data, { recursive: true, force: true }));

  it("prints the messages of a running server's store, filters them, and follows new ones", async () => {
    const server = await serve(["--data", data, "--outbox-codes", "plain"], {
      USERPOOL_ACCESS_KEY_ID: key.accessKeyId,
      USERPOOL_SECRET_ACCESS_KEY: key.secretAccessKey,
    });
    const client = sdkClient(server.url, key);
    const poolId = await createPool(client);
    const invite = (name: string) =>
      client.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: name,
          UserAttributes: [{ Name: "phone_number", Value: `+1555000${name.length}${name.length}${name.length}1` }],
          TemporaryPassword: "Temp-Passw0rd!",
        }),
      );
    await invite("ann");
    const printed = run(["outbox", "--data", data, "--pool", poolId]);
    assert.equal(printed.status, 0, printed.stderr);
    assert.match(printed.stdout, /^#\d+ \S+ SMS to \+15550003331 \(pool \S+, user ann, CustomMessage_AdminCreateUser\)$/m);
    assert.match(printed.stdout, /^Your username is ann and temporary password is Temp-Passw0rd!\. $/m);
    assert.equal(run(["outbox", "--data", data, "--to", "+19999999999"]).stdout, "");
    const json = run(["outbox", "--data", data, "--json"]).stdout.trim().split("\n");
    assert.equal((JSON.parse(json[0] ?? "{}") as { username: string }).username, "ann");

    const follower = spawn(process.execPath, [BIN, "outbox", "--data", data, "--follow", "--json"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let followed = "";
    const seen = (name: string) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (followed.includes(`"username":"${name}"`)) resolve();
        };
        follower.stdout.on("data", (chunk: Buffer) => {
          followed += chunk.toString();
          check();
        });
        check();
      });
    await seen("ann");
    await invite("bobby");
    await seen("bobby");
    follower.kill("SIGTERM");
    server.child.kill("SIGTERM");
    assert.equal(await server.exited, 0);
  });
});
