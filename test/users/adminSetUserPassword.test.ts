import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminDisableUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  type AdminSetUserPasswordCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";
import { getPool } from "../../src/domain/pools/pools.js";
import { saveUser } from "../../src/domain/users/saveUser.js";
import { userFromRecord } from "../../src/domain/users/user.js";
import { attributesOf, createPool, createUser, rejectsWith } from "../support/fixtures.js";
import { NEW_PASSWORD, passwordWorks, storedUser } from "../support/passwords.js";
import { jsonHeaders, rawPost } from "../support/rawHttp.js";
import { getUser, outbox, PASSWORD, selfServicePool, signUp, statusOf } from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

const DAY = 86_400_000;

describeEachEngine("AdminSetUserPassword", (t) => {
  function setPassword(
    poolId: string,
    username: string,
    password: string,
    extra: Partial<AdminSetUserPasswordCommandInput> = {},
  ) {
    return t().client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: password, ...extra }),
    );
  }

  it("Permanent: makes an invited user CONFIRMED with the new password, keeps the attributes and sends nothing", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "alice", {
      email: "alice@example.com",
      email_verified: "true",
      phone_number: "+14325551212",
    });
    const before = await getUser(t(), poolId, "alice");
    const temporary = (await storedUser(t(), poolId, "alice")).passwordHash;
    t().clock.advance(1000);
    await setPassword(poolId, "alice", NEW_PASSWORD, { Permanent: true });

    const after = await getUser(t(), poolId, "alice");
    assert.equal(after.UserStatus, "CONFIRMED");
    assert.equal(after.Enabled, true);
    assert.deepEqual(after.UserAttributes, before.UserAttributes);
    const attributes = await attributesOf(t().client, poolId, "alice");
    assert.equal(attributes.email_verified, "true");
    assert.equal(attributes.phone_number_verified, undefined);
    assert.equal((after.UserLastModifiedDate?.getTime() ?? 0) - (before.UserLastModifiedDate?.getTime() ?? 0), 1000);

    const stored = await storedUser(t(), poolId, "alice");
    assert.notEqual(stored.passwordHash, temporary);
    assert.equal(stored.passwordExpiresAt, null);
    assert.equal(await passwordWorks(t(), poolId, "alice", NEW_PASSWORD), true);
    assert.deepEqual(await outbox(t(), poolId), []);
  });

  it("Permanent: confirms from UNCONFIRMED and RESET_REQUIRED too, without verifying anything", async () => {
    const pool = await selfServicePool(t());
    await signUp(t(), pool, "signer", { email: "signer@example.com" });
    await setPassword(pool.poolId, "signer", NEW_PASSWORD, { Permanent: true });
    assert.equal(await statusOf(t(), pool.poolId, "signer"), "CONFIRMED");
    assert.equal((await attributesOf(t().client, pool.poolId, "signer")).email_verified, undefined);
    assert.equal(await passwordWorks(t(), pool.poolId, "signer", NEW_PASSWORD), true);
    assert.equal(await passwordWorks(t(), pool.poolId, "signer", PASSWORD), false);

    await createUser(t().client, pool.poolId, "reset", { email: "reset@example.com", email_verified: "true" });
    await setPassword(pool.poolId, "reset", PASSWORD, { Permanent: true });
    await t().client.send(new AdminResetUserPasswordCommand({ UserPoolId: pool.poolId, Username: "reset" }));
    assert.equal(await statusOf(t(), pool.poolId, "reset"), "RESET_REQUIRED");
    assert.equal((await storedUser(t(), pool.poolId, "reset")).passwordHash, null);
    await setPassword(pool.poolId, "reset", NEW_PASSWORD, { Permanent: true });
    assert.equal(await statusOf(t(), pool.poolId, "reset"), "CONFIRMED");
    assert.equal(await passwordWorks(t(), pool.poolId, "reset", NEW_PASSWORD), true);
  });

  it("Permanent: converts an EXTERNAL_PROVIDER user to CONFIRMED (reference §2.1)", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "federated");
    // No federation here yet: put the user in that state through the domain.
    const ctx = t().server.domain;
    const user = userFromRecord(await storedUser(t(), poolId, "federated"));
    await saveUser(ctx, await getPool(ctx, poolId), user, { status: "EXTERNAL_PROVIDER", passwordHash: null });
    assert.equal(await statusOf(t(), poolId, "federated"), "EXTERNAL_PROVIDER");

    await setPassword(poolId, "federated", NEW_PASSWORD, { Permanent: true });
    assert.equal(await statusOf(t(), poolId, "federated"), "CONFIRMED");
    assert.equal(await passwordWorks(t(), poolId, "federated", NEW_PASSWORD), true);
  });

  it("without Permanent (or false): a temporary password, FORCE_CHANGE_PASSWORD, valid TemporaryPasswordValidityDays", async () => {
    const poolId = await createPool(t().client, {
      Policies: { PasswordPolicy: { MinimumLength: 8, TemporaryPasswordValidityDays: 3 } },
    });
    await createUser(t().client, poolId, "bob");
    await setPassword(poolId, "bob", PASSWORD, { Permanent: true });
    assert.equal(await statusOf(t(), poolId, "bob"), "CONFIRMED");

    const now = t().clock.now();
    await setPassword(poolId, "bob", "temporary1");
    assert.equal(await statusOf(t(), poolId, "bob"), "FORCE_CHANGE_PASSWORD");
    const stored = await storedUser(t(), poolId, "bob");
    assert.equal(stored.passwordExpiresAt, now + 3 * DAY);
    assert.equal(await passwordWorks(t(), poolId, "bob", "temporary1"), true);
    assert.equal(await passwordWorks(t(), poolId, "bob", PASSWORD), false);

    // Permanent false behaves the same, and a new temporary password restarts the validity.
    t().clock.advance(DAY);
    await setPassword(poolId, "bob", "temporary2", { Permanent: false });
    assert.equal(await statusOf(t(), poolId, "bob"), "FORCE_CHANGE_PASSWORD");
    assert.equal((await storedUser(t(), poolId, "bob")).passwordExpiresAt, now + 4 * DAY);
    assert.equal(await passwordWorks(t(), poolId, "bob", "temporary2"), true);
    assert.deepEqual(await outbox(t(), poolId), []);
  });

  it("checks the pool's policy with the wording of password changes and leaves the user as it was", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "carol");
    await setPassword(poolId, "carol", PASSWORD, { Permanent: true });
    const cases: [string, string][] = [
      ["Sh0rt!", "Password not long enough"],
      ["passw0rd!", "Password must have uppercase characters"],
      ["PASSW0RD!", "Password must have lowercase characters"],
      ["Password!", "Password must have numeric characters"],
      ["Passw0rd1", "Password must have symbol characters"],
    ];
    for (const [password, rule] of cases) {
      await rejectsWith(
        setPassword(poolId, "carol", password, { Permanent: true }),
        "InvalidPasswordException",
        `Password does not conform to policy: ${rule}`,
      );
    }
    assert.equal(await statusOf(t(), poolId, "carol"), "CONFIRMED");
    assert.equal(await passwordWorks(t(), poolId, "carol", PASSWORD), true);
  });

  it("rejects a password with whitespace or over 256 characters as the model does", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "dave");
    await rejectsWith(setPassword(poolId, "dave", "Passw0rd! x"), "InvalidParameterException", /password/);
    await rejectsWith(setPassword(poolId, "dave", `Aa1!${"x".repeat(253)}`), "InvalidParameterException", /password/);
  });

  it("works on a disabled user and leaves it disabled", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "dora");
    await t().client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: "dora" }));
    await setPassword(poolId, "dora", NEW_PASSWORD, { Permanent: true });
    const user = await getUser(t(), poolId, "dora");
    assert.equal(user.UserStatus, "CONFIRMED");
    assert.equal(user.Enabled, false);
  });

  it("finds the user by sub and by email in an email-as-username pool", async () => {
    const pool = await selfServicePool(t(), { UsernameAttributes: ["email"] });
    const { UserSub: sub } = await signUp(t(), pool, "erin@example.com");
    assert.ok(sub);
    await setPassword(pool.poolId, "erin@example.com", NEW_PASSWORD, { Permanent: true });
    assert.equal(await statusOf(t(), pool.poolId, sub), "CONFIRMED");
    await setPassword(pool.poolId, sub, "Temp-0rary");
    assert.equal(await statusOf(t(), pool.poolId, sub), "FORCE_CHANGE_PASSWORD");
  });

  it("answers an unknown user with UserNotFoundException and an unknown pool with ResourceNotFoundException", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      setPassword(poolId, "ghost", NEW_PASSWORD, { Permanent: true }),
      "UserNotFoundException",
      "User does not exist.",
    );
    await rejectsWith(
      setPassword("us-east-1_nosuchpol", "ghost", NEW_PASSWORD),
      "ResourceNotFoundException",
      "User pool us-east-1_nosuchpol does not exist.",
    );
  });

  it("requires a signature", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "unsigned");
    const response = await rawPost(
      t().url,
      jsonHeaders("AdminSetUserPassword"),
      JSON.stringify({ UserPoolId: poolId, Username: "unsigned", Password: NEW_PASSWORD, Permanent: true }),
    );
    assert.equal(response.json.__type, "MissingAuthenticationTokenException");
    assert.equal(await statusOf(t(), poolId, "unsigned"), "FORCE_CHANGE_PASSWORD");
  });
});
