import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminGetUserCommand,
  DescribeUserPoolCommand,
  GetCSVHeaderCommand,
  ListUserPoolsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { jsonHeaders, rawPost, signedHeaders } from "../support/rawHttp.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("AWS JSON 1.1 wire protocol", (t) => {
  it("answers with application/x-amz-json-1.1, a request id and a Date header", async () => {
    const body = JSON.stringify({ MaxResults: 10 });
    const response = await rawPost(t().url, await signedHeaders(t().url, "ListUserPools", body), body);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-type"), "application/x-amz-json-1.1");
    assert.match(response.headers.get("x-amzn-requestid") ?? "", /^[0-9a-f-]{36}$/);
    assert.ok(response.headers.get("date"));
  });

  it("writes timestamps as epoch seconds, which the SDK reads as Dates", async () => {
    const poolId = await createPool(t().client);
    const body = JSON.stringify({ UserPoolId: poolId });
    const raw = await rawPost(t().url, await signedHeaders(t().url, "DescribeUserPool", body), body);
    const pool = raw.json.UserPool as Record<string, unknown>;
    assert.equal(typeof pool.CreationDate, "number");
    assert.ok(Math.abs((pool.CreationDate as number) - t().clock.now() / 1000) < 1);
    const described = await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    assert.ok(described.UserPool?.CreationDate instanceof Date);
  });

  it("puts the error in __type, message and x-amzn-ErrorType", async () => {
    const body = JSON.stringify({ UserPoolId: "us-east-1_missing00", Username: "nobody" });
    const response = await rawPost(t().url, await signedHeaders(t().url, "AdminGetUser", body), body);
    assert.equal(response.status, 400);
    assert.deepEqual(response.json, {
      __type: "ResourceNotFoundException",
      message: "User pool us-east-1_missing00 does not exist.",
    });
    assert.equal(response.headers.get("x-amzn-errortype"), "ResourceNotFoundException:");
    assert.equal(response.headers.get("x-amzn-errormessage"), "User pool us-east-1_missing00 does not exist.");
    assert.match(response.headers.get("x-amzn-requestid") ?? "", /^[0-9a-f-]{36}$/);
  });

  it("answers an unknown X-Amz-Target with UnknownOperationException", async () => {
    const response = await rawPost(t().url, jsonHeaders("NoSuchOperation"), "{}");
    assert.equal(response.status, 400);
    assert.equal(response.json.__type, "UnknownOperationException");
    const missing = await rawPost(t().url, { "content-type": "application/x-amz-json-1.1" }, "{}");
    assert.equal(missing.json.__type, "UnknownOperationException");
  });

  it("answers a Cognito operation it does not implement with a typed error, after authentication", async () => {
    await rejectsWith(
      t().client.send(new GetCSVHeaderCommand({ UserPoolId: "us-east-1_abc" })),
      "UnsupportedOperationException",
      /does not implement GetCSVHeader/,
    );
    const unsigned = await rawPost(t().url, jsonHeaders("GetCSVHeader"), "{}");
    assert.equal(unsigned.json.__type, "MissingAuthenticationTokenException");
  });

  it("answers malformed JSON with SerializationException", async () => {
    const body = '{"UserPoolId": ';
    const response = await rawPost(t().url, await signedHeaders(t().url, "DescribeUserPool", body), body);
    assert.equal(response.status, 400);
    assert.equal(response.json.__type, "SerializationException");
  });

  it("answers a member of the wrong JSON type with SerializationException naming it", async () => {
    const body = JSON.stringify({ UserPoolId: 42 });
    const response = await rawPost(t().url, await signedHeaders(t().url, "DescribeUserPool", body), body);
    assert.equal(response.json.__type, "SerializationException");
    assert.match(String(response.json.message), /userPoolId/);
  });

  it("reports every constraint a request breaks in AWS's validation message", async () => {
    const body = JSON.stringify({ UserPoolId: "not a pool id", Username: "" });
    const response = await rawPost(t().url, await signedHeaders(t().url, "AdminGetUser", body), body);
    assert.equal(response.json.__type, "InvalidParameterException");
    assert.equal(
      response.json.message,
      "3 validation errors detected: Value 'not a pool id' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+; " +
        "Value at 'username' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+",
    );
  });

  it("reads a missing required integer as 0, as Cognito does", async () => {
    await rejectsWith(
      t().client.send(new ListUserPoolsCommand({} as never)),
      "InvalidParameterException",
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  it("refuses a body over 1 MiB without reading it all", async () => {
    const body = JSON.stringify({ UserPoolId: "us-east-1_abc", Username: "x".repeat(1024 * 1024) });
    const response = await rawPost(t().url, jsonHeaders("AdminGetUser"), body);
    assert.equal(response.status, 413);
    assert.equal(response.json.__type, "RequestEntityTooLargeException");
  });

  it("answers CORS pre-flights for browser SDKs", async () => {
    const response = await fetch(`${t().url}/`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:3000", "access-control-request-method": "POST" },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
    assert.match(response.headers.get("access-control-allow-headers") ?? "", /x-amz-target/);
  });

  it("serves GET /health", async () => {
    const response = await fetch(`${t().url}/health`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: "ok" });
  });

  it("answers unknown users as Cognito does", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "ghost" })),
      "UserNotFoundException",
      "User does not exist.",
    );
  });
});
