import assert from "node:assert/strict";
import { it } from "node:test";
import { InitiateAuthCommand, ListUsersCommand, SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import { rejectsWith } from "../support/fixtures.js";
import { captureLog } from "../support/logs.js";
import { signedGet } from "../support/rawHttp.js";
import { PASSWORD, selfServicePool } from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

const NUL = "\u0000";
const REFUSED = "failed to satisfy constraint: Member must not contain U+0000";
const log = captureLog("error");

describeEachEngine(
  "U+0000 in a request is refused before it reaches the store",
  (t) => {
    it("refuses it in InitiateAuth's USERNAME and REFRESH_TOKEN", async () => {
      const pool = await selfServicePool(
        t(),
        {},
        { ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] },
      );
      await rejectsWith(
        t().client.send(
          new InitiateAuthCommand({
            ClientId: pool.clientId,
            AuthFlow: "USER_PASSWORD_AUTH",
            AuthParameters: { USERNAME: `alice${NUL}`, PASSWORD },
          }),
        ),
        "InvalidParameterException",
        `1 validation error detected: Value at 'authParameters.USERNAME' ${REFUSED}`,
      );
      await rejectsWith(
        t().client.send(
          new InitiateAuthCommand({
            ClientId: pool.clientId,
            AuthFlow: "REFRESH_TOKEN_AUTH",
            AuthParameters: { REFRESH_TOKEN: `abc${NUL}.def` },
          }),
        ),
        "InvalidParameterException",
        `1 validation error detected: Value at 'authParameters.REFRESH_TOKEN' ${REFUSED}`,
      );
    });

    it("refuses it in a SignUp attribute value, and in a map key", async () => {
      const pool = await selfServicePool(t());
      await rejectsWith(
        t().client.send(
          new SignUpCommand({
            ClientId: pool.clientId,
            Username: "bob",
            Password: PASSWORD,
            UserAttributes: [{ Name: "email", Value: `bob${NUL}@example.com` }],
          }),
        ),
        "InvalidParameterException",
        `1 validation error detected: Value at 'userAttributes.1.member.value' ${REFUSED}`,
      );
      await rejectsWith(
        t().client.send(
          new SignUpCommand({
            ClientId: pool.clientId,
            Username: "bob",
            Password: PASSWORD,
            ClientMetadata: { [`k${NUL}`]: "v" },
          }),
        ),
        "InvalidParameterException",
        "1 validation error detected: Value at 'clientMetadata' failed to satisfy constraint: Map keys must satisfy constraint: [Member must not contain U+0000]",
      );
    });

    it("refuses it in a ListUsers Filter", async () => {
      const pool = await selfServicePool(t());
      const filter = `username = "a${NUL}"`;
      await rejectsWith(
        t().client.send(new ListUsersCommand({ UserPoolId: pool.poolId, Filter: filter })),
        "InvalidParameterException",
        `1 validation error detected: Value '${filter}' at 'filter' ${REFUSED}`,
      );
    });

    it("refuses it in the outbox's query parameters", async () => {
      const response = await signedGet(t().url, "/admin/outbox?to=a%00b");
      assert.equal(response.status, 400);
      assert.deepEqual(await response.json(), { __type: "InvalidParameterException", message: "to must not contain U+0000." });
    });

    it("logs no server error for any of them", () => {
      assert.equal(log.text(), "");
    });
  },
  { logger: log.logger },
);
