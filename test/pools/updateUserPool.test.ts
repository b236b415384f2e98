import assert from "node:assert/strict";
import { it } from "node:test";
import { DescribeUserPoolCommand, UpdateUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("UpdateUserPool", (t) => {
  it("replaces the settings: what the update omits goes back to its default", async () => {
    const poolId = await createPool(t().client, {
      AutoVerifiedAttributes: ["email"],
      DeletionProtection: "ACTIVE",
      Policies: { PasswordPolicy: { MinimumLength: 12 } },
    });
    await t().client.send(new UpdateUserPoolCommand({ UserPoolId: poolId, UserPoolTags: { team: "identity" } }));
    const { UserPool: pool } = await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    assert.equal(pool?.AutoVerifiedAttributes, undefined);
    assert.equal(pool?.DeletionProtection, "INACTIVE");
    assert.equal(pool?.Policies?.PasswordPolicy?.MinimumLength, 8);
    assert.deepEqual(pool?.UserPoolTags, { team: "identity" });
  });

  it("keeps what only CreateUserPool can set: schema, aliases, username case rule", async () => {
    const poolId = await createPool(t().client, {
      AliasAttributes: ["email"],
      UsernameConfiguration: { CaseSensitive: false },
      Schema: [{ Name: "tenant", AttributeDataType: "String" }],
    });
    await t().client.send(new UpdateUserPoolCommand({ UserPoolId: poolId }));
    const { UserPool: pool } = await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    assert.deepEqual(pool?.AliasAttributes, ["email"]);
    assert.deepEqual(pool?.UsernameConfiguration, { CaseSensitive: false });
    assert.ok(pool?.SchemaAttributes?.some((a) => a.Name === "custom:tenant"));
  });

  it("renames the pool when PoolName is given and moves LastModifiedDate", async () => {
    const poolId = await createPool(t().client);
    t().clock.advance(5000);
    await t().client.send(new UpdateUserPoolCommand({ UserPoolId: poolId, PoolName: "renamed" }));
    const { UserPool: pool } = await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    assert.equal(pool?.Name, "renamed");
    assert.equal((pool?.LastModifiedDate?.getTime() ?? 0) - (pool?.CreationDate?.getTime() ?? 0), 5000);
  });

  it("answers an unknown pool with ResourceNotFoundException", async () => {
    await rejectsWith(
      t().client.send(new UpdateUserPoolCommand({ UserPoolId: "us-east-1_000000000" })),
      "ResourceNotFoundException",
    );
  });
});
