import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { DeleteUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { cachedSigningKeyPools, MAX_CACHED_POOLS, verificationKey } from "../../src/domain/tokens/signingKeys.js";
import { createPool } from "../support/fixtures.js";
import { startTestServer, type TestServer } from "../support/testServer.js";

describe("The signing-key cache is bounded", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer("sqlite");
  });
  after(() => server.close());

  const cached = () => cachedSigningKeyPools(server.server.domain);
  const jwks = async (poolId: string) => {
    const response = await fetch(`${server.url}/${poolId}/.well-known/jwks.json`);
    assert.equal(response.status, 200);
  };

  it("forgets a pool's keys when the pool is deleted", async () => {
    const before = cached();
    const pools = [await createPool(server.client), await createPool(server.client), await createPool(server.client)];
    for (const poolId of pools) await jwks(poolId);
    assert.equal(cached(), before + 3);
    for (const poolId of pools.slice(1)) await server.client.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    assert.equal(cached(), before + 1);
  });

  it(`keeps at most ${MAX_CACHED_POOLS} pools, dropping the least recently used`, async () => {
    const live = await createPool(server.client);
    await jwks(live);
    // Pools deleted by another process leave entries behind: made-up ids stand for them here.
    for (let i = 0; i < MAX_CACHED_POOLS; i++) {
      await verificationKey(server.server.domain, `us-east-1_gone${i}`, "kid");
      if (i % 100 === 0) await jwks(live);
    }
    assert.equal(cached(), MAX_CACHED_POOLS);
    // The pool in use is still held (deleting it drops an entry), though it was cached before all of them.
    await server.client.send(new DeleteUserPoolCommand({ UserPoolId: live }));
    assert.equal(cached(), MAX_CACHED_POOLS - 1);
  });
});
