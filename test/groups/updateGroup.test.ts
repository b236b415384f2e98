import assert from "node:assert/strict";
import { it } from "node:test";
import { GetGroupCommand, UpdateGroupCommand, type UpdateGroupCommandInput } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";
import { createGroup, ROLE_A, ROLE_B } from "./fixtures.js";

describeEachEngine("UpdateGroup", (t) => {
  const update = (input: UpdateGroupCommandInput) => t().client.send(new UpdateGroupCommand(input));

  it("sets the members given and resets the ones omitted, as the API reference says", async () => {
    const poolId = await createPool(t().client);
    const created = await createGroup(t().client, poolId, "MyGroup", { Description: "Old", RoleArn: ROLE_A, Precedence: 1 });
    t().clock.advance(5_000);
    const { Group } = await update({ UserPoolId: poolId, GroupName: "MyGroup", Description: "New description", Precedence: 2 });
    assert.equal(Group?.Description, "New description");
    assert.equal(Group?.Precedence, 2);
    assert.equal(Group?.RoleArn, undefined);
    assert.deepEqual(Group?.CreationDate, created.CreationDate);
    assert.equal(Group?.LastModifiedDate?.getTime(), (created.LastModifiedDate?.getTime() ?? 0) + 5_000);
    assert.deepEqual((await t().client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: "MyGroup" }))).Group, Group);
  });

  it("sets a role and a precedence on a group that had none, and empties a description with an empty string", async () => {
    const poolId = await createPool(t().client);
    await createGroup(t().client, poolId, "g", { Description: "something" });
    const { Group } = await update({ UserPoolId: poolId, GroupName: "g", RoleArn: ROLE_B, Precedence: 0, Description: "" });
    assert.equal(Group?.RoleArn, ROLE_B);
    assert.equal(Group?.Precedence, 0);
    assert.equal(Group?.Description, "");
  });

  it("with no member given, resets description, role and precedence and moves LastModifiedDate", async () => {
    const poolId = await createPool(t().client);
    const created = await createGroup(t().client, poolId, "g", { Description: "d", RoleArn: ROLE_A, Precedence: 4 });
    t().clock.advance(1_000);
    const { Group } = await update({ UserPoolId: poolId, GroupName: "g" });
    assert.equal(Group?.Description, undefined);
    assert.equal(Group?.RoleArn, undefined);
    assert.equal(Group?.Precedence, undefined);
    assert.deepEqual(Group?.CreationDate, created.CreationDate);
    assert.ok((Group?.LastModifiedDate?.getTime() ?? 0) > (created.LastModifiedDate?.getTime() ?? 0));
  });

  it("answers an unknown group with ResourceNotFoundException and an unknown pool likewise", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      update({ UserPoolId: poolId, GroupName: "ghosts", Precedence: 1 }),
      "ResourceNotFoundException",
      "Group not found.",
    );
    await rejectsWith(
      update({ UserPoolId: "us-east-1_000000000", GroupName: "g" }),
      "ResourceNotFoundException",
      "User pool us-east-1_000000000 does not exist.",
    );
  });

  it("refuses values that break the model's constraints, changing nothing", async () => {
    const poolId = await createPool(t().client);
    const created = await createGroup(t().client, poolId, "g", { Precedence: 1 });
    await rejectsWith(
      update({ UserPoolId: poolId, GroupName: "g", Precedence: -5 }),
      "InvalidParameterException",
      /'precedence'/,
    );
    await rejectsWith(
      update({ UserPoolId: poolId, GroupName: "g", RoleArn: "arn:short" }),
      "InvalidParameterException",
      /'roleArn'/,
    );
    assert.deepEqual((await t().client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: "g" }))).Group, created);
  });
});
