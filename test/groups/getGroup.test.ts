import assert from "node:assert/strict";
import { it } from "node:test";
import { GetGroupCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";
import { createGroup, ROLE_A } from "./fixtures.js";

describeEachEngine("GetGroup", (t) => {
  const get = (UserPoolId: string, GroupName: string) => t().client.send(new GetGroupCommand({ UserPoolId, GroupName }));

  it("returns the group as CreateGroup answered it", async () => {
    const poolId = await createPool(t().client);
    const created = await createGroup(t().client, poolId, "readers", {
      Description: "Read only",
      RoleArn: ROLE_A,
      Precedence: 7,
    });
    assert.deepEqual((await get(poolId, "readers")).Group, created);
  });

  it("finds a group only by its exact name", async () => {
    const poolId = await createPool(t().client);
    await createGroup(t().client, poolId, "readers");
    await rejectsWith(get(poolId, "Readers"), "ResourceNotFoundException", "Group not found.");
  });

  it("answers an unknown group, or another pool's group, with ResourceNotFoundException", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(get(poolId, "ghosts"), "ResourceNotFoundException", "Group not found.");
    await createGroup(t().client, await createPool(t().client), "elsewhere");
    await rejectsWith(get(poolId, "elsewhere"), "ResourceNotFoundException", "Group not found.");
  });

  it("answers an unknown pool with ResourceNotFoundException naming the pool", async () => {
    await rejectsWith(
      get("us-east-1_000000000", "g"),
      "ResourceNotFoundException",
      "User pool us-east-1_000000000 does not exist.",
    );
  });

  it("refuses an invalid group name with InvalidParameterException", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(get(poolId, ""), "InvalidParameterException", /'groupName'/);
  });
});
