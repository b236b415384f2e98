import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminDeleteUserCommand,
  AdminListGroupsForUserCommand,
  type AdminListGroupsForUserCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";
import { createPool, createUser, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";
import { createGroup, groupNamesOf, memberNamesOf, numbered, ROLE_A, seedGroups, seedMemberships } from "./fixtures.js";

describeEachEngine("AdminListGroupsForUser", (t) => {
  const list = (input: AdminListGroupsForUserCommandInput) => t().client.send(new AdminListGroupsForUserCommand(input));

  it("lists the user's groups in name order over more than one page, whatever their precedence", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "joiner");
    const names = numbered("club", 75);
    for (const [i, name] of [...names].reverse().entries()) await seedGroups(t(), poolId, [name], { precedence: i % 5 });
    await seedGroups(t(), poolId, ["not-joined"]);
    await seedMemberships(t(), poolId, "joiner", [...names].reverse());
    assert.deepEqual(await groupNamesOf(t().client, poolId, "joiner"), names);
    assert.deepEqual(await groupNamesOf(t().client, poolId, "joiner", 9), names);
  });

  it("returns full GroupType items", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "alice");
    const created = await createGroup(t().client, poolId, "admins", { Description: "d", RoleArn: ROLE_A, Precedence: 0 });
    await seedMemberships(t(), poolId, "alice", ["admins"]);
    const out = await list({ UserPoolId: poolId, Username: "alice" });
    assert.deepEqual(out.Groups, [created]);
    assert.equal(out.NextToken, undefined);
  });

  it("answers a user in no group with an empty list", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "loner");
    assert.deepEqual((await list({ UserPoolId: poolId, Username: "loner" })).Groups, []);
  });

  it("forgets the memberships of a deleted user, also for a new user of the same name", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "leaver");
    await createUser(t().client, poolId, "stayer");
    await seedGroups(t(), poolId, ["club"]);
    await seedMemberships(t(), poolId, "leaver", ["club"]);
    await seedMemberships(t(), poolId, "stayer", ["club"]);
    await t().client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: "leaver" }));
    await rejectsWith(list({ UserPoolId: poolId, Username: "leaver" }), "UserNotFoundException", "User does not exist.");
    assert.deepEqual(await memberNamesOf(t().client, poolId, "club"), ["stayer"]);
    await createUser(t().client, poolId, "leaver");
    assert.deepEqual(await groupNamesOf(t().client, poolId, "leaver"), []);
  });

  it("refuses Limit 0, and a token issued for another user", async () => {
    const poolId = await createPool(t().client);
    for (const user of ["a", "b"]) await createUser(t().client, poolId, user);
    await seedGroups(t(), poolId, ["x", "y"]);
    await seedMemberships(t(), poolId, "a", ["x", "y"]);
    await rejectsWith(list({ UserPoolId: poolId, Username: "a", Limit: 0 }), "InvalidParameterException", /Value '0' at 'limit'/);
    const { NextToken } = await list({ UserPoolId: poolId, Username: "a", Limit: 1 });
    assert.ok(NextToken);
    await rejectsWith(list({ UserPoolId: poolId, Username: "b", NextToken }), "InvalidParameterException", /^Invalid NextToken/);
    const rest = await list({ UserPoolId: poolId, Username: "a", NextToken });
    assert.deepEqual(
      rest.Groups?.map((g) => g.GroupName),
      ["y"],
    );
  });

  it("answers an unknown user or pool with the matching error", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(list({ UserPoolId: poolId, Username: "ghost" }), "UserNotFoundException", "User does not exist.");
    await rejectsWith(list({ UserPoolId: "us-east-1_000000000", Username: "ghost" }), "ResourceNotFoundException");
  });
});
