import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  ListUsersInGroupCommand,
  type ListUsersInGroupCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";
import { addUserToGroup } from "../../src/domain/groups/groupMembers.js";
import { createPool, createUser, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";
import { memberNamesOf, numbered, seedGroups, seedMemberships, seedUsers } from "./fixtures.js";

describeEachEngine("ListUsersInGroup", (t) => {
  const list = (input: ListUsersInGroupCommandInput) => t().client.send(new ListUsersInGroupCommand(input));

  it("lists every member in username order over more than one page", async () => {
    const poolId = await createPool(t().client);
    await seedGroups(t(), poolId, ["crowd", "other"]);
    const members = await seedUsers(t(), poolId, numbered("member", 130));
    await seedUsers(t(), poolId, ["bystander"]);
    for (const username of [...members].reverse()) await addUserToGroup(t().server.domain, poolId, username, "crowd");
    await seedMemberships(t(), poolId, "bystander", ["other"]);
    assert.deepEqual(await memberNamesOf(t().client, poolId, "crowd"), members);
    assert.deepEqual(await memberNamesOf(t().client, poolId, "crowd", 7), members);
  });

  it("returns members as UserType with every attribute, sub first, and their state", async () => {
    const poolId = await createPool(t().client);
    const sub = await createUser(t().client, poolId, "alice", { email: "alice@example.com", name: "Alice" });
    await t().client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: "alice" }));
    await seedGroups(t(), poolId, ["club"]);
    await seedMemberships(t(), poolId, "alice", ["club"]);
    const { Users, NextToken } = await list({ UserPoolId: poolId, GroupName: "club" });
    assert.equal(NextToken, undefined);
    assert.equal(Users?.length, 1);
    const user = Users?.[0];
    assert.equal(user?.Username, "alice");
    assert.equal(user?.Enabled, false);
    assert.equal(user?.UserStatus, "FORCE_CHANGE_PASSWORD");
    assert.ok(user?.UserCreateDate instanceof Date);
    assert.ok(user?.UserLastModifiedDate instanceof Date);
    assert.deepEqual(user?.Attributes, [
      { Name: "sub", Value: sub },
      { Name: "email", Value: "alice@example.com" },
      { Name: "name", Value: "Alice" },
    ]);
  });

  it("neither skips nor repeats a member who stays, while others join and leave between pages", async () => {
    const poolId = await createPool(t().client);
    await seedGroups(t(), poolId, ["club"]);
    await seedUsers(t(), poolId, ["b", "d", "f", "h", "a", "e"]);
    for (const user of ["b", "d", "f", "h"]) await seedMemberships(t(), poolId, user, ["club"]);
    const first = await list({ UserPoolId: poolId, GroupName: "club", Limit: 2 });
    await seedMemberships(t(), poolId, "a", ["club"]);
    await seedMemberships(t(), poolId, "e", ["club"]);
    await t().client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: "d" }));
    const rest = await list({ UserPoolId: poolId, GroupName: "club", NextToken: first.NextToken });
    assert.deepEqual(
      first.Users?.map((u) => u.Username),
      ["b", "d"],
    );
    assert.deepEqual(
      rest.Users?.map((u) => u.Username),
      ["e", "f", "h"],
    );
  });

  it("answers a group without members with an empty list", async () => {
    const poolId = await createPool(t().client);
    await seedGroups(t(), poolId, ["empty"]);
    const out = await list({ UserPoolId: poolId, GroupName: "empty" });
    assert.deepEqual(out.Users, []);
    assert.equal(out.NextToken, undefined);
  });

  it("refuses Limit 0 and a token of another group", async () => {
    const poolId = await createPool(t().client);
    await seedGroups(t(), poolId, ["one", "two"]);
    await seedUsers(t(), poolId, ["x", "y"]);
    for (const user of ["x", "y"]) await seedMemberships(t(), poolId, user, ["one", "two"]);
    await rejectsWith(
      list({ UserPoolId: poolId, GroupName: "one", Limit: 0 }),
      "InvalidParameterException",
      /Value '0' at 'limit'/,
    );
    const { NextToken } = await list({ UserPoolId: poolId, GroupName: "one", Limit: 1 });
    assert.ok(NextToken);
    await rejectsWith(
      list({ UserPoolId: poolId, GroupName: "two", NextToken }),
      "InvalidParameterException",
      /^Invalid NextToken/,
    );
  });

  it("answers an unknown group or pool with ResourceNotFoundException", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(list({ UserPoolId: poolId, GroupName: "ghosts" }), "ResourceNotFoundException", "Group not found.");
    await rejectsWith(list({ UserPoolId: "us-east-1_000000000", GroupName: "g" }), "ResourceNotFoundException", /^User pool/);
  });
});
