import assert from "node:assert/strict";
import { it } from "node:test";
import { ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createAdminKey, deleteAdminKey } from "../../src/domain/access/adminKeys.js";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { jsonHeaders, rawPost, signedHeaders } from "../support/rawHttp.js";
import { describeEachEngine, REGION, sdkClient, TEST_CREDENTIALS } from "../support/testServer.js";

async function poolCount(t: () => { client: ReturnType<typeof sdkClient> }): Promise<number> {
  const out = await t().client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  return out.UserPools?.length ?? 0;
}

describeEachEngine("SigV4 on IAM-authorised operations", (t) => {
  it("accepts a request the AWS SDK signed with a configured key", async () => {
    const out = await t().client.send(new ListUserPoolsCommand({ MaxResults: 1 }));
    assert.ok(Array.isArray(out.UserPools));
  });

  it("refuses an unsigned admin call with MissingAuthenticationTokenException", async () => {
    const response = await rawPost(t().url, jsonHeaders("ListUserPools"), '{"MaxResults":1}');
    assert.equal(response.status, 400);
    assert.deepEqual(response.json, { __type: "MissingAuthenticationTokenException", message: "Missing Authentication Token" });
  });

  it("refuses an unknown access key with UnrecognizedClientException", async () => {
    const stranger = sdkClient(t().url, { accessKeyId: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: "whatever" });
    await rejectsWith(
      stranger.send(new ListUserPoolsCommand({ MaxResults: 1 })),
      "UnrecognizedClientException",
      "The security token included in the request is invalid.",
    );
  });

  it("refuses a wrong secret with InvalidSignatureException", async () => {
    const forger = sdkClient(t().url, { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: "not-the-secret" });
    await rejectsWith(
      forger.send(new ListUserPoolsCommand({ MaxResults: 1 })),
      "InvalidSignatureException",
      /signature we calculated does not match/,
    );
  });

  it("refuses a tampered body, and the tampered request changes nothing", async () => {
    const before = await poolCount(t);
    const signedBody = JSON.stringify({ PoolName: "signed-name" });
    const headers = await signedHeaders(t().url, "CreateUserPool", signedBody);
    const response = await rawPost(t().url, headers, JSON.stringify({ PoolName: "tampered-name" }));
    assert.equal(response.json.__type, "InvalidSignatureException");
    assert.equal(await poolCount(t), before);
  });

  it("refuses a signature more than 15 minutes old or ahead", async () => {
    const body = '{"MaxResults":1}';
    const stale = await signedHeaders(t().url, "ListUserPools", body, { signingDate: new Date(Date.now() - 16 * 60_000) });
    const old = await rawPost(t().url, stale, body);
    assert.equal(old.json.__type, "InvalidSignatureException");
    assert.match(String(old.json.message), /^Signature expired: \d{8}T\d{6}Z is now earlier than/);
    const early = await signedHeaders(t().url, "ListUserPools", body, { signingDate: new Date(Date.now() + 16 * 60_000) });
    assert.match(String((await rawPost(t().url, early, body)).json.message), /^Signature not yet current/);
    const fine = await signedHeaders(t().url, "ListUserPools", body, { signingDate: new Date(Date.now() - 10 * 60_000) });
    assert.equal((await rawPost(t().url, fine, body)).status, 200);
  });

  it("refuses a signature scoped to another region, naming the region it answers for", async () => {
    const body = '{"MaxResults":1}';
    const headers = await signedHeaders(t().url, "ListUserPools", body, { region: "eu-west-1" });
    const response = await rawPost(t().url, headers, body);
    assert.equal(response.json.__type, "InvalidSignatureException");
    assert.equal(response.json.message, `Credential should be scoped to a valid region, not 'eu-west-1'. Expecting '${REGION}'.`);
  });

  it("refuses an Authorization header without its parts with IncompleteSignatureException", async () => {
    const response = await rawPost(
      t().url,
      { ...jsonHeaders("ListUserPools"), authorization: "AWS4-HMAC-SHA256 Signature=abc" },
      "{}",
    );
    assert.equal(response.json.__type, "IncompleteSignatureException");
  });

  it("accepts keys kept in the store, and forgets deleted ones", async () => {
    const key = await createAdminKey(t().server.domain, "test");
    const keyed = sdkClient(t().url, key);
    await createPool(keyed);
    const unused = await createAdminKey(t().server.domain, "deleted before use");
    assert.equal(await deleteAdminKey(t().server.domain, unused.accessKeyId), true);
    await rejectsWith(
      sdkClient(t().url, unused).send(new ListUserPoolsCommand({ MaxResults: 1 })),
      "UnrecognizedClientException",
    );
  });
});
