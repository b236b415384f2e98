import assert from "node:assert/strict";
import { it } from "node:test";
import { AdminConfirmSignUpCommand, ConfirmSignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import { attributesOf, createUser, rejectsWith } from "../support/fixtures.js";
import { jsonHeaders, rawPost } from "../support/rawHttp.js";
import { getUser, latestCode, selfServicePool, signUp } from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("AdminConfirmSignUp", (t) => {
  function adminConfirm(poolId: string, username: string) {
    return t().client.send(
      new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: username, ClientMetadata: { source: "test" } }),
    );
  }

  it("confirms an UNCONFIRMED user without verifying the email, and the pending code stops working", async () => {
    const pool = await selfServicePool(t());
    await signUp(t(), pool, "alice", { email: "alice@example.com" });
    const code = await latestCode(t(), pool.poolId);
    const before = await getUser(t(), pool.poolId, "alice");
    t().clock.advance(1000);
    await adminConfirm(pool.poolId, "alice");

    const after = await getUser(t(), pool.poolId, "alice");
    assert.equal(after.UserStatus, "CONFIRMED");
    assert.equal(after.Enabled, true);
    assert.deepEqual(after.UserAttributes, before.UserAttributes);
    assert.equal((await attributesOf(t().client, pool.poolId, "alice")).email_verified, undefined);
    assert.equal((after.UserLastModifiedDate?.getTime() ?? 0) - (before.UserLastModifiedDate?.getTime() ?? 0), 1000);

    await rejectsWith(
      t().client.send(new ConfirmSignUpCommand({ ClientId: pool.clientId, Username: "alice", ConfirmationCode: code })),
      "NotAuthorizedException",
      "User cannot be confirmed. Current status is CONFIRMED",
    );
  });

  it("refuses any other status with NotAuthorizedException naming it, and changes nothing", async () => {
    const pool = await selfServicePool(t());
    await signUp(t(), pool, "done", { email: "done@example.com" });
    await adminConfirm(pool.poolId, "done");
    await rejectsWith(
      adminConfirm(pool.poolId, "done"),
      "NotAuthorizedException",
      "User cannot be confirmed. Current status is CONFIRMED",
    );

    await createUser(t().client, pool.poolId, "invited");
    const before = await getUser(t(), pool.poolId, "invited");
    t().clock.advance(1000);
    await rejectsWith(
      adminConfirm(pool.poolId, "invited"),
      "NotAuthorizedException",
      "User cannot be confirmed. Current status is FORCE_CHANGE_PASSWORD",
    );
    const after = await getUser(t(), pool.poolId, "invited");
    assert.equal(after.UserStatus, "FORCE_CHANGE_PASSWORD");
    assert.deepEqual(after.UserLastModifiedDate, before.UserLastModifiedDate);
  });

  it("finds the user by email in an email-as-username pool", async () => {
    const pool = await selfServicePool(t(), { UsernameAttributes: ["email"] });
    const { UserSub: sub } = await signUp(t(), pool, "erin@example.com");
    assert.ok(sub);
    await adminConfirm(pool.poolId, "erin@example.com");
    assert.equal((await getUser(t(), pool.poolId, sub)).UserStatus, "CONFIRMED");
  });

  it("answers an unknown user with UserNotFoundException and an unknown pool with ResourceNotFoundException", async () => {
    const pool = await selfServicePool(t());
    await rejectsWith(adminConfirm(pool.poolId, "ghost"), "UserNotFoundException", "User does not exist.");
    await rejectsWith(
      adminConfirm("us-east-1_nosuchpol", "ghost"),
      "ResourceNotFoundException",
      "User pool us-east-1_nosuchpol does not exist.",
    );
  });

  it("requires a signature, unlike ConfirmSignUp", async () => {
    const pool = await selfServicePool(t());
    await signUp(t(), pool, "unsigned");
    const response = await rawPost(
      t().url,
      jsonHeaders("AdminConfirmSignUp"),
      JSON.stringify({ UserPoolId: pool.poolId, Username: "unsigned" }),
    );
    assert.equal(response.json.__type, "MissingAuthenticationTokenException");
    assert.equal((await getUser(t(), pool.poolId, "unsigned")).UserStatus, "UNCONFIRMED");
  });
});
