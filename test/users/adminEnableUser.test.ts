import assert from "node:assert/strict";
import { it } from "node:test";
import { AdminDisableUserCommand, AdminEnableUserCommand, AdminGetUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, createUser, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("AdminEnableUser", (t) => {
  it("re-enables a disabled user, keeping the status", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "eli");
    await t().client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: "eli" }));
    await t().client.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: "eli" }));
    const user = await t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "eli" }));
    assert.equal(user.Enabled, true);
    assert.equal(user.UserStatus, "FORCE_CHANGE_PASSWORD");
  });

  it("is idempotent for an enabled user and leaves it unmodified", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "on");
    t().clock.advance(1000);
    await t().client.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: "on" }));
    const user = await t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "on" }));
    assert.equal(user.Enabled, true);
    assert.deepEqual(user.UserLastModifiedDate, user.UserCreateDate);
  });

  it("answers an unknown user with UserNotFoundException", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      t().client.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: "ghost" })),
      "UserNotFoundException",
    );
  });
});
