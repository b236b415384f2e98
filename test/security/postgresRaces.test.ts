import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { ManualClock, type RunningServer, startServer } from "../../src/index.js";
import { adminSignIn, confirmedUser, signInPool } from "../support/auth.js";
import { createTestDatabase, postgresSkipReason, type TestDatabase } from "../support/postgres.js";
import { confirmSignUp, latestCode, otherThan, selfServicePool, signUp } from "../support/selfService.js";
import { REGION, sdkClient, TEST_CREDENTIALS, type TestServer } from "../support/testServer.js";

/** The AWS error name of each settled request, or "ok". */
function outcomes(settled: PromiseSettledResult<unknown>[]): string[] {
  return settled.map((s) => (s.status === "fulfilled" ? "ok" : `${(s.reason as Error).name}: ${(s.reason as Error).message}`));
}

/**
 * Two server processes' worth of requests on one PostgreSQL database: every
 * limit is decided by one conditional statement in the database, so
 * requests split between two servers get no more tries than one server
 * would give.
 */
describe("limits hold across two servers on one PostgreSQL database", { skip: postgresSkipReason() }, () => {
  let database: TestDatabase;
  const servers: RunningServer[] = [];
  const clients: CognitoIdentityProviderClient[] = [];
  const clock = new ManualClock(Date.now());
  let first: TestServer;

  before(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i++) {
      const server = await startServer({
        port: 0,
        data: database.url,
        credentials: TEST_CREDENTIALS,
        passwordHash: "fast",
        logLevel: "silent",
        clock,
        region: REGION,
        outboxCodes: "plain",
      });
      servers.push(server);
      clients.push(sdkClient(server.url));
    }
    const [server, client] = [servers[0], clients[0]];
    assert.ok(server && client);
    first = { engine: "postgres", server, url: server.url, client, clock, close: async () => undefined };
  });

  after(async () => {
    for (const client of clients) client.destroy();
    for (const server of servers) await server.close();
    await database?.drop();
  });

  /** Each of n requests, alternately through one server and the other, all at once. */
  function split<T>(n: number, send: (client: CognitoIdentityProviderClient) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
    return Promise.allSettled(Array.from({ length: n }, (_, i) => send(clients[i % 2] as CognitoIdentityProviderClient)));
  }

  it("answers exactly 5 wrong guesses of a code CodeMismatchException, however they are split", async () => {
    const pool = await selfServicePool(first);
    await signUp(first, pool, "racer", { email: "racer@example.com" });
    const wrong = otherThan(await latestCode(first, pool.poolId));
    const answers = outcomes(await split(12, (client) => confirmSignUp({ ...first, client }, pool, "racer", wrong)));
    assert.equal(answers.filter((a) => a.startsWith("CodeMismatchException")).length, 5, answers.join("\n"));
    assert.ok(
      answers.every((a) => /^(CodeMismatchException|LimitExceededException|ExpiredCodeException)/.test(a)),
      answers.join("\n"),
    );
  });

  it("checks exactly 5 wrong passwords before the lockout, however they are split", async () => {
    const pool = await signInPool(first.client);
    await confirmedUser(first.client, pool, "guessed");
    const answers = outcomes(await split(12, (client) => adminSignIn(client, pool, "guessed", "Wrong-Passw0rd!")));
    assert.equal(answers.filter((a) => a.endsWith("Incorrect username or password.")).length, 5, answers.join("\n"));
    assert.equal(answers.filter((a) => a.endsWith("Password attempts exceeded")).length, 7, answers.join("\n"));
  });
});
