import assert from "node:assert/strict";
import { it } from "node:test";
import { AdminCreateUserCommand, AdminGetUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("AdminCreateUser", (t) => {
  it("creates an enabled user in FORCE_CHANGE_PASSWORD and returns the whole UserType", async () => {
    const poolId = await createPool(t().client);
    const { User: user } = await t().client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: "newuser",
        UserAttributes: [
          { Name: "email", Value: "newuser@example.com" },
          { Name: "name", Value: "New User" },
          { Name: "email_verified", Value: "true" },
        ],
        TemporaryPassword: "TempPass123!",
        MessageAction: "SUPPRESS",
      }),
    );
    assert.equal(user?.Username, "newuser");
    assert.equal(user?.Enabled, true);
    assert.equal(user?.UserStatus, "FORCE_CHANGE_PASSWORD");
    assert.deepEqual(
      user?.Attributes?.map((a) => a.Name),
      ["sub", "email", "name", "email_verified"],
    );
    assert.ok(user?.UserCreateDate instanceof Date);
    assert.deepEqual(user?.UserCreateDate, user?.UserLastModifiedDate);
  });

  it("refuses a username that exists, and the refused request changes nothing", async () => {
    const poolId = await createPool(t().client);
    await t().client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: "dup",
        UserAttributes: [{ Name: "name", Value: "First" }],
        MessageAction: "SUPPRESS",
      }),
    );
    await rejectsWith(
      t().client.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: "dup",
          UserAttributes: [{ Name: "name", Value: "Second" }],
          MessageAction: "SUPPRESS",
        }),
      ),
      "UsernameExistsException",
      "User account already exists",
    );
    const user = await t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "dup" }));
    assert.equal(user.UserAttributes?.find((a) => a.Name === "name")?.Value, "First");
  });

  it("answers bad input with InvalidParameterException naming the field, and creates no user", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      t().client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: "has space", MessageAction: "SUPPRESS" })),
      "InvalidParameterException",
      /at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
    await rejectsWith(
      t().client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: "x", MessageAction: "DELETE" as never })),
      "InvalidParameterException",
      "1 validation error detected: Value 'DELETE' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]",
    );
    await rejectsWith(
      t().client.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: "x",
          UserAttributes: [{ Name: "custom:nope", Value: "1" }],
          MessageAction: "SUPPRESS",
        }),
      ),
      "InvalidParameterException",
      "Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.",
    );
    await rejectsWith(
      t().client.send(
        new AdminCreateUserCommand({ UserPoolId: poolId, Username: "x", TemporaryPassword: "short", MessageAction: "SUPPRESS" }),
      ),
      "InvalidPasswordException",
      "Password did not conform with password policy: Password not long enough",
    );
    await rejectsWith(t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "x" })), "UserNotFoundException");
  });

  it("lets exactly one of 50 concurrent creates of one username succeed", async () => {
    const poolId = await createPool(t().client);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        t().client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: "racer", MessageAction: "SUPPRESS" })),
      ),
    );
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    assert.equal(fulfilled.length, 1);
    assert.equal(rejected.length, 49);
    for (const r of rejected) assert.equal((r.reason as Error).name, "UsernameExistsException");
  });
});
