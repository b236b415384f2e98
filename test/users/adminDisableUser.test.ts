import assert from "node:assert/strict";
import { it } from "node:test";
import { AdminDisableUserCommand, AdminGetUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, createUser, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("AdminDisableUser", (t) => {
  it("sets Enabled to false and leaves UserStatus as it was", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "dora");
    t().clock.advance(1000);
    await t().client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: "dora" }));
    const user = await t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "dora" }));
    assert.equal(user.Enabled, false);
    assert.equal(user.UserStatus, "FORCE_CHANGE_PASSWORD");
    assert.equal((user.UserLastModifiedDate?.getTime() ?? 0) - (user.UserCreateDate?.getTime() ?? 0), 1000);
  });

  it("is idempotent", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "twice");
    await t().client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: "twice" }));
    await t().client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: "twice" }));
    assert.equal((await t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "twice" }))).Enabled, false);
  });

  it("answers an unknown user with UserNotFoundException", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      t().client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: "ghost" })),
      "UserNotFoundException",
    );
  });
});
