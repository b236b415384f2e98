import assert from "node:assert/strict";
import { it } from "node:test";
import { AdminCreateUserCommand, AdminGetUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("AdminGetUser", (t) => {
  it("returns the user's name, attributes with sub first, dates, Enabled and UserStatus", async () => {
    const poolId = await createPool(t().client);
    const created = await t().client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: "alice",
        UserAttributes: [
          { Name: "email", Value: "alice@example.com" },
          { Name: "email_verified", Value: "true" },
        ],
        MessageAction: "SUPPRESS",
      }),
    );
    const user = await t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "alice" }));
    assert.equal(user.Username, "alice");
    assert.equal(user.Enabled, true);
    assert.equal(user.UserStatus, "FORCE_CHANGE_PASSWORD");
    assert.deepEqual(user.UserCreateDate, created.User?.UserCreateDate);
    assert.deepEqual(user.UserLastModifiedDate, created.User?.UserLastModifiedDate);
    assert.equal(user.UserAttributes?.[0]?.Name, "sub");
    assert.match(user.UserAttributes?.[0]?.Value ?? "", /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(user.UserAttributes?.slice(1), [
      { Name: "email", Value: "alice@example.com" },
      { Name: "email_verified", Value: "true" },
    ]);
    assert.equal(user.MFAOptions, undefined);
    assert.equal(user.UserMFASettingList, undefined);
  });

  it("finds a user by sub and answers with the real username", async () => {
    const poolId = await createPool(t().client);
    const created = await t().client.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: "bob", MessageAction: "SUPPRESS" }),
    );
    const sub = created.User?.Attributes?.find((a) => a.Name === "sub")?.Value ?? "";
    const user = await t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: sub }));
    assert.equal(user.Username, "bob");
  });

  it("answers an unknown user with UserNotFoundException and an unknown pool with ResourceNotFoundException", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "nobody" })),
      "UserNotFoundException",
      "User does not exist.",
    );
    await rejectsWith(
      t().client.send(new AdminGetUserCommand({ UserPoolId: "us-east-1_000000000", Username: "nobody" })),
      "ResourceNotFoundException",
      "User pool us-east-1_000000000 does not exist.",
    );
  });

  it("does not find a user of another pool", async () => {
    const poolA = await createPool(t().client);
    const poolB = await createPool(t().client);
    await t().client.send(new AdminCreateUserCommand({ UserPoolId: poolA, Username: "carol", MessageAction: "SUPPRESS" }));
    await rejectsWith(
      t().client.send(new AdminGetUserCommand({ UserPoolId: poolB, Username: "carol" })),
      "UserNotFoundException",
    );
  });
});
