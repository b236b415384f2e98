import assert from "node:assert/strict";
import { once } from "node:events";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { DescribeUserPoolCommand, ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { run, serve } from "../support/cliProcess.js";
import { createPool } from "../support/fixtures.js";
import { signedHeaders } from "../support/rawHttp.js";
import { sdkClient } from "../support/testServer.js";

function keyFrom(stdout: string): { accessKeyId: string; secretAccessKey: string } {
  const accessKeyId = /USERPOOL_ACCESS_KEY_ID=(\S+)/.exec(stdout)?.[1];
  const secretAccessKey = /USERPOOL_SECRET_ACCESS_KEY=(\S+)/.exec(stdout)?.[1];
  assert.ok(accessKeyId && secretAccessKey, `no key pair in: ${stdout}`);
  return { accessKeyId, secretAccessKey };
}

describe("userpool serve", () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "userpool-cli-"));
    dirs.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("prints one line with http://HOST:PORT, generates an admin key on first start only, and keeps data across restarts", async () => {
    const data = dataDir();
    const first = await serve(["--data", data]);
    assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(
      first
        .stdout()
        .split("\n")
        .filter((l) => l.includes("http://")).length,
      1,
    );
    const key = keyFrom(first.stdout());
    assert.equal(statSync(join(data, "master.key")).mode & 0o777, 0o600);
    const poolId = await createPool(sdkClient(first.url, key));
    first.child.kill("SIGTERM");
    assert.equal(await first.exited, 0);

    const second = await serve(["--data", data]);
    assert.doesNotMatch(second.stdout(), /USERPOOL_SECRET_ACCESS_KEY/);
    const described = await sdkClient(second.url, key).send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    assert.equal(described.UserPool?.Id, poolId);
    second.child.kill("SIGTERM");
    assert.equal(await second.exited, 0);
  });

  it("uses the key pair from the environment and the region from --region", async () => {
    const key = { accessKeyId: "AKIAENVKEYENVKEY0000", secretAccessKey: "from-the-environment" };
    const server = await serve(["--data", ":memory:", "--region", "eu-west-1"], {
      USERPOOL_ACCESS_KEY_ID: key.accessKeyId,
      USERPOOL_SECRET_ACCESS_KEY: key.secretAccessKey,
    });
    assert.doesNotMatch(server.stdout(), /USERPOOL_SECRET_ACCESS_KEY/);
    const client = sdkClient(server.url, key);
    const signedForEu = new (await import("@aws-sdk/client-cognito-identity-provider")).CognitoIdentityProviderClient({
      endpoint: server.url,
      region: "eu-west-1",
      credentials: key,
      maxAttempts: 1,
    });
    const poolId = await createPool(signedForEu);
    assert.match(poolId, /^eu-west-1_/);
    await assert.rejects(client.send(new ListUserPoolsCommand({ MaxResults: 1 })), { name: "InvalidSignatureException" });
    server.child.kill("SIGTERM");
    assert.equal(await server.exited, 0);
  });

  it("answers a request in flight when SIGTERM arrives, then exits 0", async () => {
    const server = await serve(["--data", dataDir()]);
    const key = keyFrom(server.stdout());
    const poolId = await createPool(sdkClient(server.url, key));
    // A request whose headers have arrived but whose body has not: in flight by any measure.
    const body = JSON.stringify({ UserPoolId: poolId, Username: "late", MessageAction: "SUPPRESS" });
    const headers = await signedHeaders(server.url, "AdminCreateUser", body, { credentials: key });
    const socket = connect(Number(new URL(server.url).port), "127.0.0.1");
    await once(socket, "connect");
    const head = Object.entries({ ...headers, "content-length": String(Buffer.byteLength(body)) })
      .map(([name, value]) => `${name}: ${value}`)
      .join("\r\n");
    socket.write(`POST / HTTP/1.1\r\n${head}\r\n\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 200));
    let answer = "";
    socket.on("data", (chunk: Buffer) => {
      answer += chunk.toString();
    });
    socket.write(body);
    await once(socket, "close");
    assert.match(answer, /^HTTP\/1\.1 200 /);
    assert.match(answer, /"UserStatus":"FORCE_CHANGE_PASSWORD"/);
    assert.match(answer, /connection: close/i);
    assert.equal(await server.exited, 0);
  });

  it("refuses a bad flag with a message and a non-zero exit", () => {
    const result = run(["serve", "--port", "nope"]);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /port/);
  });
});

describe("userpool keys", () => {
  const data = mkdtempSync(join(tmpdir(), "userpool-keys-"));
  after(() => rmSync(data, { recursive: true, force: true }));

  it("creates a key shown once, lists ids without secrets, and deletes", async () => {
    const created = run(["keys", "create", "--data", data, "--description", "ci"]);
    assert.equal(created.status, 0, created.stderr);
    const key = keyFrom(created.stdout);
    const listed = run(["keys", "list", "--data", data]);
    assert.match(listed.stdout, new RegExp(`^${key.accessKeyId}\\t.+\\tci$`, "m"));
    assert.doesNotMatch(listed.stdout, new RegExp(key.secretAccessKey.replace(/[+/]/g, ".")));

    const server = await serve(["--data", data]);
    await createPool(sdkClient(server.url, key));
    server.child.kill("SIGTERM");
    await server.exited;

    assert.equal(run(["keys", "delete", key.accessKeyId, "--data", data]).status, 0);
    assert.doesNotMatch(run(["keys", "list", "--data", data]).stdout, new RegExp(key.accessKeyId));
    const again = run(["keys", "delete", key.accessKeyId, "--data", data]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /no access key/);
  });
});
