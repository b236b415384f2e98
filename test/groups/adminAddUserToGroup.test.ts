import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminAddUserToGroupCommand,
  AdminRemoveUserFromGroupCommand,
  ListUsersInGroupCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { MAX_GROUPS_PER_USER } from "../../src/domain/groups/groupMembers.js";
import { createPool, createUser, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";
import { createGroup, groupNamesOf, memberNamesOf, numbered, seedGroups, seedMemberships } from "./fixtures.js";

describeEachEngine("AdminAddUserToGroup", (t) => {
  const add = (UserPoolId: string, Username: string, GroupName: string) =>
    t().client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName }));
  const remove = (UserPoolId: string, Username: string, GroupName: string) =>
    t().client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId, Username, GroupName }));

  it("adds a user to a group, answering 200 with an empty body", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "alice");
    await createGroup(t().client, poolId, "admins");
    const out = await add(poolId, "alice", "admins");
    assert.equal(out.$metadata.httpStatusCode, 200);
    assert.deepEqual(await groupNamesOf(t().client, poolId, "alice"), ["admins"]);
    assert.deepEqual(await memberNamesOf(t().client, poolId, "admins"), ["alice"]);
  });

  it("adding a member again is not an error and changes nothing", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "alice");
    await createGroup(t().client, poolId, "admins");
    await add(poolId, "alice", "admins");
    await add(poolId, "alice", "admins");
    assert.deepEqual(await memberNamesOf(t().client, poolId, "admins"), ["alice"]);
  });

  it("finds the user by sub, and by username in any case in a case-insensitive pool", async () => {
    const poolId = await createPool(t().client, { UsernameConfiguration: { CaseSensitive: false } });
    const sub = await createUser(t().client, poolId, "Carol");
    await seedGroups(t(), poolId, ["by-sub", "by-case"]);
    await add(poolId, sub, "by-sub");
    await add(poolId, "CAROL", "by-case");
    assert.deepEqual(await groupNamesOf(t().client, poolId, "carol"), ["by-case", "by-sub"]);
  });

  it("answers an unknown user with UserNotFoundException and an unknown group with ResourceNotFoundException", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "alice");
    await createGroup(t().client, poolId, "admins");
    await rejectsWith(add(poolId, "ghost", "admins"), "UserNotFoundException", "User does not exist.");
    await rejectsWith(add(poolId, "alice", "ghosts"), "ResourceNotFoundException", "Group not found.");
    await rejectsWith(add("us-east-1_000000000", "alice", "admins"), "ResourceNotFoundException", /^User pool/);
  });

  it("does not reach across pools: another pool's user or group is unknown", async () => {
    const [poolId, other] = [await createPool(t().client), await createPool(t().client)];
    await createUser(t().client, poolId, "local");
    await createUser(t().client, other, "stranger");
    await createGroup(t().client, poolId, "local-group");
    await createGroup(t().client, other, "foreign-group");
    await rejectsWith(add(poolId, "stranger", "local-group"), "UserNotFoundException");
    await rejectsWith(add(poolId, "local", "foreign-group"), "ResourceNotFoundException", "Group not found.");
  });

  it(`refuses a ${MAX_GROUPS_PER_USER + 1}st group with LimitExceededException, but re-adding a group the user is in is fine`, async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "busy");
    const names = numbered("team", MAX_GROUPS_PER_USER + 1);
    await seedGroups(t(), poolId, names);
    await seedMemberships(t(), poolId, "busy", names.slice(0, MAX_GROUPS_PER_USER - 1));
    await add(poolId, "busy", names[MAX_GROUPS_PER_USER - 1] as string);
    await rejectsWith(add(poolId, "busy", names[MAX_GROUPS_PER_USER] as string), "LimitExceededException");
    await add(poolId, "busy", names[0] as string);
    assert.equal((await groupNamesOf(t().client, poolId, "busy")).length, MAX_GROUPS_PER_USER);
    await remove(poolId, "busy", names[0] as string);
    await add(poolId, "busy", names[MAX_GROUPS_PER_USER] as string);
  });

  it("many concurrent adds for one user never take it past the limit", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "racer");
    const names = numbered("race", MAX_GROUPS_PER_USER + 20);
    await seedGroups(t(), poolId, names);
    await seedMemberships(t(), poolId, "racer", names.slice(0, MAX_GROUPS_PER_USER - 10));
    const outcomes = await Promise.allSettled(names.slice(MAX_GROUPS_PER_USER - 10).map((name) => add(poolId, "racer", name)));
    const refused = outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason as Error);
    assert.equal(outcomes.length - refused.length, 10);
    assert.ok(
      refused.every((e) => e.name === "LimitExceededException"),
      refused.map((e) => e.name).join(),
    );
    assert.equal((await groupNamesOf(t().client, poolId, "racer")).length, MAX_GROUPS_PER_USER);
  });

  it("concurrent adds and removes of one membership all succeed and leave both listings in agreement", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "flip");
    await createGroup(t().client, poolId, "flap");
    for (let round = 0; round < 3; round++) {
      const calls = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? add : remove)(poolId, "flip", "flap"));
      const outcomes = await Promise.allSettled(calls);
      const failures = outcomes.filter((o) => o.status === "rejected");
      assert.deepEqual(failures, []);
      const inGroup = (await groupNamesOf(t().client, poolId, "flip")).includes("flap");
      const listed = (await memberNamesOf(t().client, poolId, "flap")).includes("flip");
      assert.equal(inGroup, listed);
    }
    await add(poolId, "flip", "flap");
    const { Users } = await t().client.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: "flap" }));
    assert.deepEqual(
      Users?.map((u) => u.Username),
      ["flip"],
    );
  });

  it("refuses a missing member with InvalidParameterException", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      t().client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: "u" } as never)),
      "InvalidParameterException",
      /'groupName' failed to satisfy constraint: Member must not be null/,
    );
  });
});
