import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createPool } from "../support/fixtures.js";
import { jsonHeaders, rawPost, signedHeaders } from "../support/rawHttp.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

const MEMBER_NULL = "failed to satisfy constraint: Member must not be null";

describe("Validation errors stay small however many violations a request holds", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer("sqlite");
  });
  after(() => server.close());

  it("stops looking after ten of the 340,000 nameless attributes of an unsigned SignUp, and says ten", async () => {
    const attributes = Array.from({ length: 340_000 }, () => ({}));
    const body = JSON.stringify({ ClientId: "someclient", Username: "u", Password: "p", UserAttributes: attributes });
    assert.ok(body.length < 1024 * 1024, "the request fits the body limit");
    const response = await rawPost(server.url, jsonHeaders("SignUp"), body);
    assert.equal(response.status, 400);
    assert.equal(response.json.__type, "InvalidParameterException");
    assert.ok(response.body.length < 10_000, `answer of ${response.body.length} bytes`);
    const listed = Array.from({ length: 10 }, (_, i) => `Value null at 'userAttributes.${i + 1}.member.name' ${MEMBER_NULL}`);
    assert.equal(response.json.message, `10 validation errors detected: ${listed.join("; ")}`);
  });

  it("checks a list against its maximum length before its members, and then not its members", async () => {
    const poolId = await createPool(server.client);
    const body = JSON.stringify({
      UserPoolId: poolId,
      ClientName: "many-urls",
      CallbackURLs: Array.from({ length: 200_000 }, () => ""),
    });
    const response = await rawPost(server.url, await signedHeaders(server.url, "CreateUserPoolClient", body), body);
    assert.equal(response.json.__type, "InvalidParameterException");
    assert.equal(
      response.json.message,
      "1 validation error detected: Value at 'callbackURLs' failed to satisfy constraint: Member must have length less than or equal to 100",
    );
  });

  it("still lists every violation of a request with fewer than ten, in the count's words", async () => {
    const one = await rawPost(server.url, jsonHeaders("SignUp"), JSON.stringify({ ClientId: "someclient" }));
    assert.equal(one.json.message, `1 validation error detected: Value null at 'username' ${MEMBER_NULL}`);
    const nine = await rawPost(server.url, jsonHeaders("SignUp"), JSON.stringify({ UserAttributes: Array(7).fill({}) }));
    const listed = [
      `Value null at 'clientId' ${MEMBER_NULL}`,
      `Value null at 'username' ${MEMBER_NULL}`,
      ...Array.from({ length: 7 }, (_, i) => `Value null at 'userAttributes.${i + 1}.member.name' ${MEMBER_NULL}`),
    ];
    assert.equal(nine.json.message, `9 validation errors detected: ${listed.join("; ")}`);
  });
});
