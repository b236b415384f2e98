import assert from "node:assert/strict";
import { it } from "node:test";
import {
  DeleteUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  ListUserPoolClientsCommand,
  paginateListUserPoolClients,
  UpdateUserPoolClientCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createAppClient, createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("DescribeUserPoolClient, UpdateUserPoolClient, DeleteUserPoolClient, ListUserPoolClients", (t) => {
  it("describes a client with its secret", async () => {
    const poolId = await createPool(t().client);
    const { clientId, clientSecret } = await createAppClient(t().client, poolId, { GenerateSecret: true });
    const { UserPoolClient: c } = await t().client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }),
    );
    assert.equal(c?.ClientId, clientId);
    assert.equal(c?.ClientSecret, clientSecret);
  });

  it("does not find a client through another pool", async () => {
    const poolA = await createPool(t().client);
    const poolB = await createPool(t().client);
    const { clientId } = await createAppClient(t().client, poolA);
    await rejectsWith(
      t().client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolB, ClientId: clientId })),
      "ResourceNotFoundException",
      `User pool client ${clientId} does not exist.`,
    );
  });

  it("updates with replace semantics and keeps the secret", async () => {
    const poolId = await createPool(t().client);
    const { clientId, clientSecret } = await createAppClient(t().client, poolId, {
      GenerateSecret: true,
      ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      PreventUserExistenceErrors: "ENABLED",
    });
    const { UserPoolClient: c } = await t().client.send(
      new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId, ClientName: "renamed" }),
    );
    assert.equal(c?.ClientName, "renamed");
    assert.equal(c?.ClientSecret, clientSecret);
    assert.equal(c?.ExplicitAuthFlows, undefined);
    assert.equal(c?.PreventUserExistenceErrors, undefined);
  });

  it("deletes a client, after which it is unknown", async () => {
    const poolId = await createPool(t().client);
    const { clientId } = await createAppClient(t().client, poolId);
    await t().client.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }));
    await rejectsWith(
      t().client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })),
      "ResourceNotFoundException",
    );
    await rejectsWith(
      t().client.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })),
      "ResourceNotFoundException",
    );
  });

  it("lists a pool's clients page by page", async () => {
    const poolId = await createPool(t().client);
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await createAppClient(t().client, poolId, { ClientName: `c${i}` })).clientId);
    const seen: string[] = [];
    for await (const page of paginateListUserPoolClients({ client: t().client, pageSize: 2 }, { UserPoolId: poolId })) {
      for (const c of page.UserPoolClients ?? []) {
        assert.equal(c.UserPoolId, poolId);
        seen.push(c.ClientId ?? "");
      }
    }
    assert.deepEqual(new Set(seen), ids);
    assert.equal(seen.length, ids.size);
    const all = await t().client.send(new ListUserPoolClientsCommand({ UserPoolId: poolId }));
    assert.equal(all.UserPoolClients?.length, 5);
  });
});
