import { after, before, describe } from "node:test";
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { ManualClock, type RunningServer, type StartServerOptions, startServer } from "../../src/index.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "./postgres.js";

export type Engine = "sqlite" | "postgres";
export const ENGINES: readonly Engine[] = ["sqlite", "postgres"];

export const TEST_CREDENTIALS = { accessKeyId: "AKIATESTTESTTESTTEST", secretAccessKey: "test-secret-access-key" };
export const REGION = "us-east-1";

export interface TestServer {
  engine: Engine;
  server: RunningServer;
  url: string;
  /** An AWS SDK client signed with the test admin key; one attempt, so errors are never retried away. */
  client: CognitoIdentityProviderClient;
  /** The domain clock; tests move it instead of sleeping. */
  clock: ManualClock;
  close(): Promise<void>;
}

export function sdkClient(url: string, credentials = TEST_CREDENTIALS): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ endpoint: url, region: REGION, credentials, maxAttempts: 1 });
}

/** A real server on a free port over a fresh store of the given engine, or over `options.data` when given. */
export async function startTestServer(engine: Engine, options: StartServerOptions = {}): Promise<TestServer> {
  let database: TestDatabase | undefined;
  if (engine === "postgres" && options.data === undefined) database = await createTestDatabase();
  const clock = new ManualClock(Date.now());
  const server = await startServer({
    port: 0,
    data: database?.url ?? ":memory:",
    credentials: TEST_CREDENTIALS,
    passwordHash: "fast",
    logLevel: "silent",
    clock,
    region: REGION,
    // Tests read codes and temporary passwords in the outbox.
    outboxCodes: "plain",
    ...options,
  });
  const client = sdkClient(server.url);
  return {
    engine,
    server,
    url: server.url,
    client,
    clock,
    async close() {
      client.destroy();
      await server.close();
      await database?.drop();
    },
  };
}

export function engineSkip(engine: Engine): string | false {
  return engine === "postgres" ? postgresSkipReason() : false;
}

/**
 * Declares a suite once per storage engine, each with its own server
 * started before and closed after. `t()` returns the running server.
 */
export function describeEachEngine(name: string, body: (t: () => TestServer) => void, options: StartServerOptions = {}): void {
  for (const engine of ENGINES) {
    describe(`${name} [${engine}]`, { skip: engineSkip(engine) }, () => {
      let server: TestServer | undefined;
      before(async () => {
        server = await startTestServer(engine, options);
      });
      after(async () => {
        await server?.close();
      });
      body(() => {
        if (server === undefined) throw new Error("test server not started");
        return server;
      });
    });
  }
}
