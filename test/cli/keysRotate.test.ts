import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { GetUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { adminSignIn, confirmedUser, signInPool } from "../support/auth.js";
import { run, serve } from "../support/cliProcess.js";
import { sdkClient } from "../support/testServer.js";

describe("userpool keys rotate", () => {
  const data = mkdtempSync(join(tmpdir(), "userpool-rotate-"));
  const key = { accessKeyId: "AKIAROTATEROTATE0000", secretAccessKey: "rotate-test-secret" };
  after(() => rmSync(data, { recursive: true, force: true }));

  it("gives a pool new signing keys, published beside the old ones, picked up by a running server; --revoke-now drops the old ones", async () => {
    const server = await serve(["--data", data, "--password-hash", "fast"], {
      USERPOOL_ACCESS_KEY_ID: key.accessKeyId,
      USERPOOL_SECRET_ACCESS_KEY: key.secretAccessKey,
    });
    const client = sdkClient(server.url, key);
    const pool = await signInPool(client);
    await confirmedUser(client, pool, "ann");
    const kids = async () =>
      (
        (await (await fetch(`${server.url}/${pool.poolId}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }
      ).keys.map((k) => k.kid);
    const before = await kids();
    const rotated = run(["keys", "rotate", "--pool", pool.poolId, "--data", data]);
    assert.equal(rotated.status, 0, rotated.stderr);
    assert.match(rotated.stdout, new RegExp(`rotated the signing keys of ${pool.poolId}`));
    // The server re-reads a pool's keys within five seconds.
    await new Promise((resolve) => setTimeout(resolve, 5200));
    const afterRotation = await kids();
    assert.equal(afterRotation.length, 4);
    for (const kid of before) assert.ok(afterRotation.includes(kid));
    const signedIn = (await adminSignIn(client, pool, "ann")).AuthenticationResult;
    assert.ok(signedIn?.AccessToken);
    const live = await kids();
    const revoked = run(["keys", "rotate", "--pool", pool.poolId, "--revoke-now", "--data", data]);
    assert.equal(revoked.status, 0, revoked.stderr);
    assert.match(revoked.stdout, /the old keys are revoked/);
    await new Promise((resolve) => setTimeout(resolve, 5200));
    const afterRevocation = await kids();
    // The keys that signed until now are gone; the pair retired by the first rotation stays for its tokens' lifetime.
    assert.equal(afterRevocation.length, 4);
    assert.deepEqual(
      afterRevocation.filter((kid) => live.includes(kid)),
      live.filter((kid) => !afterRotation.slice(-2).includes(kid)),
    );
    await assert.rejects(client.send(new GetUserCommand({ AccessToken: signedIn.AccessToken })), {
      name: "NotAuthorizedException",
    });
    const unknown = run(["keys", "rotate", "--pool", "us-east-1_000000000", "--data", data]);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /User pool us-east-1_000000000 does not exist/);
    server.child.kill("SIGTERM");
    assert.equal(await server.exited, 0);
  });
});
