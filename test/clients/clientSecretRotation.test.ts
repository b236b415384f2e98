import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AddUserPoolClientSecretCommand,
  DeleteUserPoolClientSecretCommand,
  DescribeUserPoolClientCommand,
  ListUserPoolClientSecretsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { secretHash } from "../../src/domain/pools/secretHash.js";
import { adminSignIn, confirmedUser, PASSWORD, type SignInPool, signInPool } from "../support/auth.js";
import { createAppClient, createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

const CHOSEN = "chosen0secret0value0of0thirty0two";

describeEachEngine("app client secret rotation", (t) => {
  const add = (pool: SignInPool, ClientSecret?: string) =>
    t().client.send(new AddUserPoolClientSecretCommand({ UserPoolId: pool.poolId, ClientId: pool.clientId, ClientSecret }));
  const list = async (pool: SignInPool) =>
    (await t().client.send(new ListUserPoolClientSecretsCommand({ UserPoolId: pool.poolId, ClientId: pool.clientId })))
      .ClientSecrets ?? [];
  const remove = (pool: SignInPool, ClientSecretId: string) =>
    t().client.send(new DeleteUserPoolClientSecretCommand({ UserPoolId: pool.poolId, ClientId: pool.clientId, ClientSecretId }));
  const signInWith = (pool: SignInPool, username: string, secret: string) =>
    adminSignIn(t().client, pool, username, PASSWORD, { SECRET_HASH: secretHash(secret, username, pool.clientId) });

  it("adds a generated second secret, shown once; List shows both without values", async () => {
    const pool = await signInPool(t().client, {}, { GenerateSecret: true });
    const { ClientSecretDescriptor } = await add(pool);
    assert.match(ClientSecretDescriptor?.ClientSecretValue ?? "", /^[\w+]{24,64}$/);
    assert.ok(ClientSecretDescriptor?.ClientSecretId);
    assert.ok(ClientSecretDescriptor?.ClientSecretCreateDate instanceof Date);
    const secrets = await list(pool);
    assert.equal(secrets.length, 2);
    assert.ok(secrets.every((s) => s.ClientSecretValue === undefined && s.ClientSecretId && s.ClientSecretCreateDate));
    assert.equal(secrets[1]?.ClientSecretId, ClientSecretDescriptor?.ClientSecretId);
  });

  it("a secret the caller chooses is not echoed", async () => {
    const pool = await signInPool(t().client, {}, { GenerateSecret: true });
    const { ClientSecretDescriptor } = await add(pool, CHOSEN);
    assert.equal(ClientSecretDescriptor?.ClientSecretValue, undefined);
  });

  it("accepts SECRET_HASH made with either live secret, and not with a deleted one", async () => {
    const pool = await signInPool(t().client, {}, { GenerateSecret: true });
    const original = pool.clientSecret ?? "";
    await confirmedUser(t().client, pool, "alice", {}, { SECRET_HASH: secretHash(original, "alice", pool.clientId) });
    await add(pool, CHOSEN);
    assert.ok((await signInWith(pool, "alice", original)).AuthenticationResult);
    assert.ok((await signInWith(pool, "alice", CHOSEN)).AuthenticationResult);
    const [first] = await list(pool);
    await remove(pool, first?.ClientSecretId ?? "");
    await rejectsWith(
      signInWith(pool, "alice", original),
      "NotAuthorizedException",
      `Unable to verify secret hash for client ${pool.clientId}`,
    );
    assert.ok((await signInWith(pool, "alice", CHOSEN)).AuthenticationResult);
    const described = await t().client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: pool.poolId, ClientId: pool.clientId }),
    );
    assert.equal(described.UserPoolClient?.ClientSecret, CHOSEN);
  });

  it("keeps two secrets at most, and one at least", async () => {
    const pool = await signInPool(t().client, {}, { GenerateSecret: true });
    await add(pool);
    await rejectsWith(add(pool), "LimitExceededException");
    const [first, second] = await list(pool);
    await remove(pool, first?.ClientSecretId ?? "");
    await rejectsWith(remove(pool, second?.ClientSecretId ?? ""), "InvalidParameterException");
    assert.equal((await list(pool)).length, 1);
  });

  it("refuses a client without a secret, an unknown secret id, and a secret outside the model's limits", async () => {
    const poolId = await createPool(t().client);
    const publicClient = { poolId, ...(await createAppClient(t().client, poolId)) };
    await rejectsWith(add(publicClient), "InvalidParameterException");
    const pool = await signInPool(t().client, {}, { GenerateSecret: true });
    await rejectsWith(remove(pool, "0123456789abcdef"), "ResourceNotFoundException");
    await rejectsWith(add(pool, "short"), "InvalidParameterException", /length greater than or equal to 24/);
    await rejectsWith(add({ ...pool, clientId: "unknownclient000" }), "ResourceNotFoundException");
  });

  it("seals the secrets at rest", async () => {
    const pool = await signInPool(t().client, {}, { GenerateSecret: true });
    await add(pool, CHOSEN);
    const record = await t().server.domain.store.clients.get(pool.clientId);
    assert.ok(record?.sealedSecret);
    assert.ok(!record.sealedSecret.includes(CHOSEN) && !record.sealedSecret.includes(pool.clientSecret ?? "?"));
  });
});
