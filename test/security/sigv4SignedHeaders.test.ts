import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { it } from "node:test";
import { AdminGetUserCommand, ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, createUser } from "../support/fixtures.js";
import { rawPost, type SigningOptions, signedGet, signedGetHeaders, signedHeaders } from "../support/rawHttp.js";
import { describeEachEngine, sdkClient, TEST_CREDENTIALS } from "../support/testServer.js";

const SESSION_CREDENTIALS = { ...TEST_CREDENTIALS, sessionToken: "a-session-token" };

describeEachEngine("SigV4: the headers a signature must cover", (t) => {
  async function post(operation: string, body: string, options: SigningOptions) {
    return rawPost(t().url, await signedHeaders(t().url, operation, body, options), body);
  }

  it("refuses a signature that leaves out X-Amz-Target, so a captured AdminGetUser cannot be replayed as AdminDeleteUser", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "victim");
    const body = JSON.stringify({ UserPoolId: poolId, Username: "victim" });
    const captured = await signedHeaders(t().url, "AdminGetUser", body, { signOnly: ["host", "content-type"] });
    const replayed = await rawPost(
      t().url,
      { ...captured, "x-amz-target": "AWSCognitoIdentityProviderService.AdminDeleteUser" },
      body,
    );
    assert.equal(replayed.status, 400);
    assert.deepEqual(replayed.json, {
      __type: "InvalidSignatureException",
      message: "'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.",
    });
    const user = await t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "victim" }));
    assert.equal(user.Username, "victim");
  });

  it("refuses a signature that leaves out Content-Type, Host or any x-amz-* header the request carries", async () => {
    const body = '{"MaxResults":1}';
    const refusal = async (options: SigningOptions) => (await post("ListUserPools", body, options)).json;
    assert.deepEqual(await refusal({ signOnly: ["host", "x-amz-target"] }), {
      __type: "InvalidSignatureException",
      message: "'Content-Type' must be a 'SignedHeader' in the AWS Authorization.",
    });
    assert.deepEqual(await refusal({ signOnly: ["content-type", "x-amz-target"] }), {
      __type: "InvalidSignatureException",
      message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    });
    for (const [header, named] of [
      ["x-amz-security-token", "X-Amz-Security-Token"],
      ["x-amz-user-agent", "X-Amz-User-Agent"],
      ["x-amz-meta-anything", "X-Amz-Meta-Anything"],
    ] as const) {
      assert.deepEqual(
        await refusal({ signOnly: ["host", "content-type", "x-amz-target"], extraHeaders: { [header]: "value" } }),
        {
          __type: "InvalidSignatureException",
          message: `'${named}' must be a 'SignedHeader' in the AWS Authorization.`,
        },
      );
    }
  });

  it("accepts the AWS SDK v3, which signs every header it sends, with session credentials too", async () => {
    const withSession = sdkClient(t().url, SESSION_CREDENTIALS);
    const out = await withSession.send(new ListUserPoolsCommand({ MaxResults: 1 }));
    assert.ok(Array.isArray(out.UserPools));
    withSession.destroy();
  });

  it("accepts what botocore signs, with its unsigned User-Agent and amz-sdk-* headers", async () => {
    const response = await post("ListUserPools", '{"MaxResults": 1}', {
      credentials: SESSION_CREDENTIALS,
      signOnly: ["content-type", "host", "x-amz-target"],
      extraHeaders: {
        "user-agent": "Boto3/1.43.11 md/Botocore#1.43.11",
        "accept-encoding": "identity",
        "amz-sdk-invocation-id": "3ee25db1-a1aa-4b92-928d-2e3c22102250",
        "amz-sdk-request": "attempt=1",
      },
    });
    assert.equal(response.status, 200, response.body);
  });

  it("accepts what curl --aws-sigv4 signs: host, x-amz-date and the headers given with -H", async () => {
    const response = await post("ListUserPools", '{"MaxResults":1}', {
      signOnly: ["content-type", "host", "x-amz-target"],
      extraHeaders: { "user-agent": "curl/8.5.0", accept: "*/*" },
    });
    assert.equal(response.status, 200, response.body);
    const outbox = await signedGet(t().url, "/admin/outbox?limit=1");
    assert.equal(outbox.status, 200);
  });

  it("accepts what awscurl signs (host, x-amz-date), with its unsigned X-Amz-Content-Sha256, for the outbox", async () => {
    const headers = await signedGetHeaders(t().url, "/admin/outbox?limit=1");
    const response = await fetch(new URL("/admin/outbox?limit=1", t().url), {
      headers: { ...headers, "x-amz-content-sha256": createHash("sha256").update("").digest("hex") },
    });
    assert.equal(response.status, 200, await response.text());
  });

  it("accepts headers added in transit: X-Amzn-Trace-Id, and CloudFront's X-Amz-Cf-Id", async () => {
    const response = await post("ListUserPools", '{"MaxResults":1}', {
      extraHeaders: { "x-amzn-trace-id": "Root=1-67891233-abcdef012345678912345678" },
    });
    assert.equal(response.status, 200, response.body);
    const headers = await signedHeaders(t().url, "ListUserPools", '{"MaxResults":1}');
    const forwarded = await rawPost(
      t().url,
      { ...headers, "x-amz-cf-id": "vQ3t5pFlh8GgqD0dXZx0ZjYcOEjyAM9XbGz" },
      '{"MaxResults":1}',
    );
    assert.equal(forwarded.status, 200, forwarded.body);
  });
});
