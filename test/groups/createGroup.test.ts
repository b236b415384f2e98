import assert from "node:assert/strict";
import { it } from "node:test";
import { CreateGroupCommand, type CreateGroupCommandInput, GetGroupCommand } from "@aws-sdk/client-cognito-identity-provider";
import { MAX_GROUPS_PER_POOL } from "../../src/domain/groups/groups.js";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";
import { createGroup, numbered, ROLE_A } from "./fixtures.js";

describeEachEngine("CreateGroup", (t) => {
  const create = (input: CreateGroupCommandInput) => t().client.send(new CreateGroupCommand(input));

  it("creates a group and answers with its GroupType, dates in seconds", async () => {
    const poolId = await createPool(t().client);
    const now = t().clock.now();
    const group = await createGroup(t().client, poolId, "Admins", {
      Description: "Administrators ✓",
      RoleArn: ROLE_A,
      Precedence: 1,
    });
    assert.equal(group.GroupName, "Admins");
    assert.equal(group.UserPoolId, poolId);
    assert.equal(group.Description, "Administrators ✓");
    assert.equal(group.RoleArn, ROLE_A);
    assert.equal(group.Precedence, 1);
    assert.equal(group.CreationDate?.getTime(), now);
    assert.equal(group.LastModifiedDate?.getTime(), now);
    const read = await t().client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: "Admins" }));
    assert.deepEqual(read.Group, group);
  });

  it("leaves out the members a group has no value for, and accepts precedence 0", async () => {
    const poolId = await createPool(t().client);
    const bare = await createGroup(t().client, poolId, "bare");
    assert.deepEqual(Object.keys(bare).sort(), ["CreationDate", "GroupName", "LastModifiedDate", "UserPoolId"]);
    assert.equal((await createGroup(t().client, poolId, "first", { Precedence: 0 })).Precedence, 0);
  });

  it("refuses a second group of the same name with GroupExistsException", async () => {
    const poolId = await createPool(t().client);
    await createGroup(t().client, poolId, "staff");
    await rejectsWith(
      create({ UserPoolId: poolId, GroupName: "staff" }),
      "GroupExistsException",
      "A group with the name already exists.",
    );
  });

  it("tells names apart by case, and lets other pools use the same name", async () => {
    const poolId = await createPool(t().client);
    await createGroup(t().client, poolId, "staff");
    await createGroup(t().client, poolId, "Staff");
    await createGroup(t().client, await createPool(t().client), "staff");
  });

  it("accepts any printable name the model allows, up to 128 characters", async () => {
    const poolId = await createPool(t().client);
    for (const name of ["émigrés", "team:ops/eu-west-1", "😀", "a".repeat(128)]) {
      assert.equal((await createGroup(t().client, poolId, name)).GroupName, name);
    }
  });

  it("answers an unknown pool with ResourceNotFoundException", async () => {
    await rejectsWith(
      create({ UserPoolId: "us-east-1_000000000", GroupName: "g" }),
      "ResourceNotFoundException",
      "User pool us-east-1_000000000 does not exist.",
    );
  });

  it("refuses values that break the model's constraints with InvalidParameterException", async () => {
    const poolId = await createPool(t().client);
    const invalid: [Partial<CreateGroupCommandInput>, RegExp][] = [
      [{ GroupName: "has space" }, /at 'groupName' failed to satisfy constraint: Member must satisfy regular expression pattern/],
      [{ GroupName: "x".repeat(129) }, /at 'groupName' .*length less than or equal to 128/],
      [{ GroupName: "g", Description: "d".repeat(2049) }, /at 'description' .*length less than or equal to 2048/],
      [{ GroupName: "g", RoleArn: "not-an-arn-but-long-enough" }, /at 'roleArn' .*regular expression pattern/],
      [{ GroupName: "g", Precedence: -1 }, /Value '-1' at 'precedence' .*greater than or equal to 0/],
      [{ GroupName: "g", Precedence: 2 ** 31 }, /Value '2147483648' at 'precedence' .*less than or equal to 2147483647/],
    ];
    for (const [input, message] of invalid) {
      await rejectsWith(create({ UserPoolId: poolId, GroupName: "g", ...input }), "InvalidParameterException", message);
    }
    await rejectsWith(create({ UserPoolId: poolId } as CreateGroupCommandInput), "InvalidParameterException", /'groupName'/);
  });

  it(`refuses a group beyond ${MAX_GROUPS_PER_POOL} in a pool with LimitExceededException`, async () => {
    const poolId = await createPool(t().client);
    const ctx = t().server.domain;
    // Through the store in one transaction: ten thousand API calls would take most of a minute.
    await ctx.store.transaction(async (tx) => {
      for (const name of numbered("seeded", MAX_GROUPS_PER_POOL)) {
        await tx.groups.insert({ poolId, name, description: null, roleArn: null, precedence: null, createdAt: 0, modifiedAt: 0 });
      }
    });
    await rejectsWith(create({ UserPoolId: poolId, GroupName: "one-too-many" }), "LimitExceededException");
    await rejectsWith(
      t().client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: "one-too-many" })),
      "ResourceNotFoundException",
    );
  });
});
