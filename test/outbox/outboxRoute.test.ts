import assert from "node:assert/strict";
import { it } from "node:test";
import { AdminCreateUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createPool } from "../support/fixtures.js";
import { signedGet } from "../support/rawHttp.js";
import { describeEachEngine } from "../support/testServer.js";

interface OutboxMessage {
  id: number;
  poolId: string;
  destination: string;
  subject: string | null;
  body: string;
  reason: string;
  createdAt: string;
}

describeEachEngine("GET /admin/outbox", (t) => {
  const read = async (query: string) => {
    const response = await signedGet(t().url, `/admin/outbox${query}`);
    assert.equal(response.status, 200);
    return ((await response.json()) as { messages: OutboxMessage[] }).messages;
  };

  it("lists the invitations the server sent, filtered by pool and destination, oldest first", async () => {
    const poolId = await createPool(t().client);
    const otherPool = await createPool(t().client);
    for (const [pool, name] of [
      [poolId, "ann"],
      [poolId, "bob"],
      [otherPool, "cid"],
    ] as const) {
      await t().client.send(
        new AdminCreateUserCommand({
          UserPoolId: pool,
          Username: name,
          UserAttributes: [{ Name: "email", Value: `${name}@example.com` }],
          DesiredDeliveryMediums: ["EMAIL"],
          TemporaryPassword: "Temp-Passw0rd!",
        }),
      );
    }
    const messages = await read(`?pool=${poolId}`);
    assert.deepEqual(
      messages.map((m) => m.destination),
      ["ann@example.com", "bob@example.com"],
    );
    assert.equal(messages[0]?.subject, "Your temporary password");
    assert.equal(messages[0]?.body, "Your username is ann and temporary password is Temp-Passw0rd!. ");
    assert.equal(messages[0]?.reason, "CustomMessage_AdminCreateUser");
    assert.ok(!Number.isNaN(Date.parse(messages[0]?.createdAt ?? "")));
    assert.deepEqual(
      (await read("?to=cid@example.com")).map((m) => m.poolId),
      [otherPool],
    );
    const first = messages[0]?.id ?? 0;
    assert.deepEqual(
      (await read(`?pool=${poolId}&after=${first}`)).map((m) => m.destination),
      ["bob@example.com"],
    );
    assert.equal((await read(`?pool=${poolId}&limit=1`)).length, 1);
  });

  it("is admin-only: unsigned or badly signed reads get the SigV4 errors", async () => {
    const unsigned = await fetch(`${t().url}/admin/outbox`);
    assert.equal(unsigned.status, 400);
    assert.equal(((await unsigned.json()) as { __type: string }).__type, "MissingAuthenticationTokenException");
    const forged = await signedGet(t().url, "/admin/outbox", { accessKeyId: "AKIATESTTESTTESTTEST", secretAccessKey: "wrong" });
    assert.equal(((await forged.json()) as { __type: string }).__type, "InvalidSignatureException");
  });

  it("answers a malformed limit with InvalidParameterException", async () => {
    const response = await signedGet(t().url, "/admin/outbox?limit=-1");
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { __type: string }).__type, "InvalidParameterException");
  });
});
