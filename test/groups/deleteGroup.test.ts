import assert from "node:assert/strict";
import { it } from "node:test";
import { DeleteGroupCommand, GetGroupCommand, ListUsersInGroupCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, createUser, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";
import { createGroup, groupNamesOf, seedMemberships } from "./fixtures.js";

describeEachEngine("DeleteGroup", (t) => {
  const remove = (UserPoolId: string, GroupName: string) => t().client.send(new DeleteGroupCommand({ UserPoolId, GroupName }));

  it("deletes the group, after which it cannot be found", async () => {
    const poolId = await createPool(t().client);
    await createGroup(t().client, poolId, "doomed");
    const out = await remove(poolId, "doomed");
    assert.equal(out.$metadata.httpStatusCode, 200);
    await rejectsWith(
      t().client.send(new GetGroupCommand({ UserPoolId: poolId, GroupName: "doomed" })),
      "ResourceNotFoundException",
      "Group not found.",
    );
    await rejectsWith(remove(poolId, "doomed"), "ResourceNotFoundException", "Group not found.");
  });

  it("removes the group from every member's groups and leaves their other groups", async () => {
    const poolId = await createPool(t().client);
    for (const name of ["doomed", "kept"]) await createGroup(t().client, poolId, name);
    for (const user of ["ann", "bob"]) {
      await createUser(t().client, poolId, user);
      await seedMemberships(t(), poolId, user, ["doomed", "kept"]);
    }
    await remove(poolId, "doomed");
    assert.deepEqual(await groupNamesOf(t().client, poolId, "ann"), ["kept"]);
    assert.deepEqual(await groupNamesOf(t().client, poolId, "bob"), ["kept"]);
  });

  it("a group created again under the same name starts without members", async () => {
    const poolId = await createPool(t().client);
    await createGroup(t().client, poolId, "again");
    await createUser(t().client, poolId, "member");
    await seedMemberships(t(), poolId, "member", ["again"]);
    await remove(poolId, "again");
    await createGroup(t().client, poolId, "again");
    const { Users } = await t().client.send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: "again" }));
    assert.deepEqual(Users, []);
    assert.deepEqual(await groupNamesOf(t().client, poolId, "member"), []);
  });

  it("answers an unknown pool with ResourceNotFoundException, and leaves another pool's group of that name", async () => {
    await rejectsWith(
      remove("us-east-1_000000000", "g"),
      "ResourceNotFoundException",
      "User pool us-east-1_000000000 does not exist.",
    );
    const [poolId, other] = [await createPool(t().client), await createPool(t().client)];
    await createGroup(t().client, other, "shared-name");
    await rejectsWith(remove(poolId, "shared-name"), "ResourceNotFoundException", "Group not found.");
    assert.ok((await t().client.send(new GetGroupCommand({ UserPoolId: other, GroupName: "shared-name" }))).Group);
  });
});
