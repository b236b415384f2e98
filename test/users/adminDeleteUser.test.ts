import assert from "node:assert/strict";
import { it } from "node:test";
import { AdminDeleteUserCommand, AdminGetUserCommand, DescribeUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, createUser, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("AdminDeleteUser", (t) => {
  it("deletes the user, after which the username can be used again with a new sub", async () => {
    const poolId = await createPool(t().client);
    const firstSub = await createUser(t().client, poolId, "gone");
    await t().client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: "gone" }));
    await rejectsWith(
      t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "gone" })),
      "UserNotFoundException",
    );
    await rejectsWith(
      t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: firstSub })),
      "UserNotFoundException",
    );
    const secondSub = await createUser(t().client, poolId, "gone");
    assert.notEqual(secondSub, firstSub);
    const { UserPool } = await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    assert.equal(UserPool?.EstimatedNumberOfUsers, 1);
  });

  it("deletes by sub", async () => {
    const poolId = await createPool(t().client);
    const sub = await createUser(t().client, poolId, "bysub");
    await t().client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: sub }));
    await rejectsWith(
      t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "bysub" })),
      "UserNotFoundException",
    );
  });

  it("answers an unknown user with UserNotFoundException and an unknown pool with ResourceNotFoundException", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      t().client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: "ghost" })),
      "UserNotFoundException",
      "User does not exist.",
    );
    await rejectsWith(
      t().client.send(new AdminDeleteUserCommand({ UserPoolId: "us-east-1_000000000", Username: "ghost" })),
      "ResourceNotFoundException",
    );
  });
});
