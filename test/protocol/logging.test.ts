import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { AdminCreateUserCommand, CreateUserPoolClientCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { captureLog } from "../support/logs.js";
import { sdkClient, startTestServer, TEST_CREDENTIALS, type TestServer } from "../support/testServer.js";

describe("logs", () => {
  const log = captureLog("trace");
  let t: TestServer;
  before(async () => {
    t = await startTestServer("sqlite", { logger: log.logger });
  });
  after(async () => {
    await t.close();
  });

  it("record each request at debug level without its secrets, passwords or body", async () => {
    const poolId = await createPool(t.client);
    const { UserPoolClient } = await t.client.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "c", GenerateSecret: true }),
    );
    await t.client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: "logged-user",
        TemporaryPassword: "Sup3r-Secret-Temp!",
        UserAttributes: [{ Name: "email", Value: "private@example.com" }],
        MessageAction: "SUPPRESS",
      }),
    );
    await rejectsWith(
      sdkClient(t.url, { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: "a-wrong-secret" }).send(
        new AdminCreateUserCommand({ UserPoolId: poolId, Username: "x", TemporaryPassword: "An0ther-Secret!" }),
      ),
      "InvalidSignatureException",
    );
    const logged = log.text();
    assert.match(logged, /"operation":"AdminCreateUser"/);
    for (const secret of [
      "Sup3r-Secret-Temp!",
      "An0ther-Secret!",
      "a-wrong-secret",
      TEST_CREDENTIALS.secretAccessKey,
      UserPoolClient?.ClientSecret ?? "no client secret",
      "private@example.com",
      "logged-user",
    ]) {
      assert.ok(!logged.includes(secret), `the log contains ${secret}`);
    }
  });
});
