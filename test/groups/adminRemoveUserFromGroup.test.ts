import assert from "node:assert/strict";
import { it } from "node:test";
import { AdminRemoveUserFromGroupCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, createUser, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";
import { groupNamesOf, memberNamesOf, seedGroups, seedMemberships } from "./fixtures.js";

describeEachEngine("AdminRemoveUserFromGroup", (t) => {
  const remove = (UserPoolId: string, Username: string, GroupName: string) =>
    t().client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId, Username, GroupName }));

  it("removes the user from that group only, answering 200", async () => {
    const poolId = await createPool(t().client);
    for (const user of ["alice", "bob"]) await createUser(t().client, poolId, user);
    await seedGroups(t(), poolId, ["a", "b"]);
    await seedMemberships(t(), poolId, "alice", ["a", "b"]);
    await seedMemberships(t(), poolId, "bob", ["a"]);
    const out = await remove(poolId, "alice", "a");
    assert.equal(out.$metadata.httpStatusCode, 200);
    assert.deepEqual(await groupNamesOf(t().client, poolId, "alice"), ["b"]);
    assert.deepEqual(await memberNamesOf(t().client, poolId, "a"), ["bob"]);
  });

  it("removing a user who is not a member is not an error", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "outsider");
    await seedGroups(t(), poolId, ["club"]);
    await remove(poolId, "outsider", "club");
    await remove(poolId, "outsider", "club");
    assert.deepEqual(await memberNamesOf(t().client, poolId, "club"), []);
  });

  it("finds the user by sub", async () => {
    const poolId = await createPool(t().client);
    const sub = await createUser(t().client, poolId, "dana");
    await seedGroups(t(), poolId, ["club"]);
    await seedMemberships(t(), poolId, "dana", ["club"]);
    await remove(poolId, sub, "club");
    assert.deepEqual(await groupNamesOf(t().client, poolId, "dana"), []);
  });

  it("answers an unknown user, group or pool with the matching error", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "alice");
    await seedGroups(t(), poolId, ["club"]);
    await rejectsWith(remove(poolId, "ghost", "club"), "UserNotFoundException", "User does not exist.");
    await rejectsWith(remove(poolId, "alice", "ghosts"), "ResourceNotFoundException", "Group not found.");
    await rejectsWith(remove("us-east-1_000000000", "alice", "club"), "ResourceNotFoundException", /^User pool/);
  });
});
