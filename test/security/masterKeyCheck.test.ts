import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { DescribeUserPoolClientCommand } from "@aws-sdk/client-cognito-identity-provider";
import { run } from "../support/cliProcess.js";
import { createAppClient, createPool } from "../support/fixtures.js";
import { createTestDatabase, type TestDatabase } from "../support/postgres.js";
import { type Engine, engineSkip, startTestServer, type TestServer } from "../support/testServer.js";

interface Sealed {
  poolId: string;
  clientId: string;
  clientSecret: string;
}

/** Starts a server on `data` with exactly this environment, makes an app client with a secret, and stops. */
async function sealSomething(engine: Engine, data: string, env: NodeJS.ProcessEnv): Promise<Sealed> {
  const server = await startTestServer(engine, { data, env });
  try {
    const poolId = await createPool(server.client);
    const { clientId, clientSecret } = await createAppClient(server.client, poolId, { GenerateSecret: true });
    assert.ok(clientSecret);
    return { poolId, clientId, clientSecret };
  } finally {
    await server.close();
  }
}

/** Starts again with `env` and checks that the secret reads back as it was made. */
async function readsBack(engine: Engine, data: string, env: NodeJS.ProcessEnv, sealed: Sealed): Promise<void> {
  const server = await startTestServer(engine, { data, env });
  try {
    const out = await server.client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: sealed.poolId, ClientId: sealed.clientId }),
    );
    assert.equal(out.UserPoolClient?.ClientSecret, sealed.clientSecret);
  } finally {
    await server.close();
  }
}

/** Expects a start on `data` with `env` to be refused with a message matching `message`; a server that starts is closed. */
async function refusesToStart(engine: Engine, data: string, env: NodeJS.ProcessEnv, message: RegExp): Promise<void> {
  let started: TestServer;
  try {
    started = await startTestServer(engine, { data, env });
  } catch (error) {
    assert.ok(error instanceof Error);
    assert.match(error.message, message);
    return;
  }
  await started.close();
  assert.fail("the server started");
}

const otherKey = () => randomBytes(32).toString("base64");

describe("Master key check [sqlite]", () => {
  const data = mkdtempSync(join(tmpdir(), "userpool-key-"));
  const keyFile = join(data, "master.key");
  after(() => rmSync(data, { recursive: true, force: true }));

  it("refuses to start (startServer rejects, the CLI exits non-zero) without master.key or with another key, and starts with the right one", async () => {
    const sealed = await sealSomething("sqlite", data, {});
    const key = readFileSync(keyFile, "utf8").trim();
    rmSync(keyFile);

    const missing = `${keyFile} is missing, but sqlite .* holds secrets sealed with a master key: restore ${keyFile} from a backup, or set USERPOOL_MASTER_KEY`;
    await refusesToStart("sqlite", data, {}, new RegExp(`^${missing}`));
    assert.equal(existsSync(keyFile), false, "a refused start makes no new key");
    const cli = run(["keys", "list", "--data", data], { USERPOOL_MASTER_KEY: "" });
    assert.notEqual(cli.status, 0);
    assert.match(cli.stderr, new RegExp(`^userpool: ${missing}`));

    await refusesToStart(
      "sqlite",
      data,
      { USERPOOL_MASTER_KEY: otherKey() },
      new RegExp(
        `^the master key from USERPOOL_MASTER_KEY is not the key the secrets in sqlite .* were sealed with: .*, or unset it to use ${keyFile}`,
      ),
    );

    await readsBack("sqlite", data, { USERPOOL_MASTER_KEY: key }, sealed);
  });
});

describe("Master key check [postgres]", { skip: engineSkip("postgres") }, () => {
  const databases: TestDatabase[] = [];
  const database = async () => {
    const made = await createTestDatabase();
    databases.push(made);
    return made.url;
  };
  after(async () => {
    for (const made of databases) await made.drop();
  });

  it("refuses a wrong USERPOOL_MASTER_KEY, or none, for secrets sealed under one, and starts with the right one", async () => {
    const data = await database();
    const key = otherKey();
    const sealed = await sealSomething("postgres", data, { USERPOOL_MASTER_KEY: key });
    await refusesToStart(
      "postgres",
      data,
      { USERPOOL_MASTER_KEY: otherKey() },
      /^the master key from USERPOOL_MASTER_KEY is not the key the secrets in postgres .* were sealed with: set USERPOOL_MASTER_KEY to the key they were sealed with/,
    );
    await refusesToStart(
      "postgres",
      data,
      {},
      /^USERPOOL_MASTER_KEY is not set, but postgres .* holds secrets sealed with a master key: set USERPOOL_MASTER_KEY/,
    );
    await readsBack("postgres", data, { USERPOOL_MASTER_KEY: key }, sealed);
  });

  it("keeps using the key kept in the database when none is set, and refuses another one", async () => {
    const data = await database();
    const sealed = await sealSomething("postgres", data, {});
    await readsBack("postgres", data, {}, sealed);
    await refusesToStart(
      "postgres",
      data,
      { USERPOOL_MASTER_KEY: otherKey() },
      /, or unset it if they were sealed with the key kept in the database\.$/,
    );
  });
});
