import assert from "node:assert/strict";
import { it } from "node:test";
import { AdminCreateUserCommand, DescribeUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("DescribeUserPool", (t) => {
  it("returns the pool as CreateUserPool did, with the number of users", async () => {
    const poolId = await createPool(t().client, { AutoVerifiedAttributes: ["email"] });
    for (const name of ["ann", "bob"]) {
      await t().client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: name, MessageAction: "SUPPRESS" }));
    }
    const { UserPool: pool } = await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    assert.equal(pool?.Id, poolId);
    assert.deepEqual(pool?.AutoVerifiedAttributes, ["email"]);
    assert.equal(pool?.EstimatedNumberOfUsers, 2);
  });

  it("answers an unknown pool with ResourceNotFoundException", async () => {
    await rejectsWith(
      t().client.send(new DescribeUserPoolCommand({ UserPoolId: "us-east-1_000000000" })),
      "ResourceNotFoundException",
      "User pool us-east-1_000000000 does not exist.",
    );
  });
});
