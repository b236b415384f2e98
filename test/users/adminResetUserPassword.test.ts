import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminDisableUserCommand,
  AdminResetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  type CreateUserPoolCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";
import { createUser, rejectsWith } from "../support/fixtures.js";
import { confirmForgotPassword, NEW_PASSWORD, passwordWorks, permanentPasswordUser, storedUser } from "../support/passwords.js";
import { jsonHeaders, rawPost } from "../support/rawHttp.js";
import {
  codeIn,
  getUser,
  outbox,
  PASSWORD,
  type SelfServicePool,
  selfServicePool,
  signUp,
  statusOf,
} from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

const CANNOT_RESET = "User password cannot be reset in the current state.";
const NO_CONTACT = "Cannot reset password for the user as there is no registered/verified email or phone_number";
const EXPIRED = "Invalid code provided, please request a code again.";

const EMAIL = { email: "alice@example.com", email_verified: "true" };
const PHONE = { phone_number: "+14325551212", phone_number_verified: "true" };

describeEachEngine("AdminResetUserPassword", (t) => {
  function reset(poolId: string, username: string) {
    return t().client.send(
      new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: username, ClientMetadata: { source: "test" } }),
    );
  }

  /** Where the newest message of the pool went. */
  async function lastDestination(poolId: string) {
    const message = (await outbox(t(), poolId)).at(-1);
    return message === undefined ? undefined : { medium: message.deliveryMedium, to: message.destination };
  }

  async function poolWith(settings: Partial<CreateUserPoolCommandInput>): Promise<SelfServicePool> {
    return selfServicePool(t(), settings);
  }

  it("deactivates the password, makes the user RESET_REQUIRED and mails a code that ConfirmForgotPassword takes", async () => {
    const pool = await poolWith({});
    await permanentPasswordUser(t(), pool.poolId, "alice", EMAIL);
    const before = await getUser(t(), pool.poolId, "alice");
    t().clock.advance(1000);
    const out = await reset(pool.poolId, "alice");
    assert.deepEqual(
      Object.keys(out).filter((k) => k !== "$metadata"),
      [],
    );

    const after = await getUser(t(), pool.poolId, "alice");
    assert.equal(after.UserStatus, "RESET_REQUIRED");
    assert.equal(after.Enabled, true);
    assert.deepEqual(after.UserAttributes, before.UserAttributes);
    assert.equal((after.UserLastModifiedDate?.getTime() ?? 0) - (before.UserLastModifiedDate?.getTime() ?? 0), 1000);
    const stored = await storedUser(t(), pool.poolId, "alice");
    assert.equal(stored.passwordHash, null);

    const [message, ...rest] = await outbox(t(), pool.poolId);
    assert.deepEqual(rest, []);
    assert.equal(message?.reason, "CustomMessage_ForgotPassword");
    assert.equal(message?.deliveryMedium, "EMAIL");
    assert.equal(message?.destination, "alice@example.com");
    assert.equal(message?.username, "alice");
    assert.equal(message?.subject, "Your verification code");
    assert.equal(message?.body, `Your verification code is ${codeIn(message)}. `);

    await confirmForgotPassword(t(), pool, "alice", codeIn(message));
    assert.equal(await statusOf(t(), pool.poolId, "alice"), "CONFIRMED");
    assert.equal(await passwordWorks(t(), pool.poolId, "alice", NEW_PASSWORD), true);
  });

  it("without AccountRecoverySetting: a verified phone first, then a verified email (Cognito's legacy rule)", async () => {
    const pool = await poolWith({});
    await permanentPasswordUser(t(), pool.poolId, "both", { ...EMAIL, ...PHONE });
    await reset(pool.poolId, "both");
    assert.deepEqual(await lastDestination(pool.poolId), { medium: "SMS", to: "+14325551212" });
    const sms = (await outbox(t(), pool.poolId)).at(-1);
    assert.equal(sms?.subject, null);
    assert.equal(sms?.body, `Your verification code is ${codeIn(sms)}. `);

    // An unverified phone does not count.
    await permanentPasswordUser(t(), pool.poolId, "mailer", { ...EMAIL, phone_number: "+14325550000" });
    await reset(pool.poolId, "mailer");
    assert.deepEqual(await lastDestination(pool.poolId), { medium: "EMAIL", to: "alice@example.com" });
  });

  it("follows AccountRecoverySetting priorities, falling back to the second mechanism", async () => {
    const emailFirst = await poolWith({
      AccountRecoverySetting: {
        RecoveryMechanisms: [
          { Name: "verified_phone_number", Priority: 2 },
          { Name: "verified_email", Priority: 1 },
        ],
      },
    });
    await permanentPasswordUser(t(), emailFirst.poolId, "both", { ...EMAIL, ...PHONE });
    await reset(emailFirst.poolId, "both");
    assert.deepEqual(await lastDestination(emailFirst.poolId), { medium: "EMAIL", to: "alice@example.com" });

    await permanentPasswordUser(t(), emailFirst.poolId, "phoneOnly", PHONE);
    await reset(emailFirst.poolId, "phoneOnly");
    assert.deepEqual(await lastDestination(emailFirst.poolId), { medium: "SMS", to: "+14325551212" });
  });

  it("refuses when the pool recovers through no contact the user has verified, or only through administrators", async () => {
    const phoneOnly = await poolWith({
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "verified_phone_number", Priority: 1 }] },
    });
    await permanentPasswordUser(t(), phoneOnly.poolId, "mailer", EMAIL);
    await rejectsWith(reset(phoneOnly.poolId, "mailer"), "InvalidParameterException", NO_CONTACT);
    assert.equal(await statusOf(t(), phoneOnly.poolId, "mailer"), "CONFIRMED");

    const adminOnly = await poolWith({ AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "admin_only", Priority: 1 }] } });
    await permanentPasswordUser(t(), adminOnly.poolId, "both", { ...EMAIL, ...PHONE });
    await rejectsWith(reset(adminOnly.poolId, "both"), "InvalidParameterException", NO_CONTACT);
    assert.equal(await statusOf(t(), adminOnly.poolId, "both"), "CONFIRMED");
    assert.deepEqual([...(await outbox(t(), phoneOnly.poolId)), ...(await outbox(t(), adminOnly.poolId))], []);
  });

  it("answers a user without a verified email or phone with InvalidParameterException and changes nothing", async () => {
    const pool = await poolWith({});
    await permanentPasswordUser(t(), pool.poolId, "unverified", { email: "unverified@example.com" });
    const before = await getUser(t(), pool.poolId, "unverified");
    t().clock.advance(1000);
    await rejectsWith(reset(pool.poolId, "unverified"), "InvalidParameterException", NO_CONTACT);
    const after = await getUser(t(), pool.poolId, "unverified");
    assert.equal(after.UserStatus, "CONFIRMED");
    assert.deepEqual(after.UserLastModifiedDate, before.UserLastModifiedDate);
    assert.equal(await passwordWorks(t(), pool.poolId, "unverified", PASSWORD), true);
    assert.deepEqual(await outbox(t(), pool.poolId), []);
  });

  it("uses the pool's verification templates", async () => {
    const pool = await poolWith({
      VerificationMessageTemplate: {
        EmailSubject: "Reset your password",
        EmailMessage: "Hello {username}, your reset code is {####}",
        SmsMessage: "Reset code {####}",
      },
    });
    await permanentPasswordUser(t(), pool.poolId, "mailed", EMAIL);
    await reset(pool.poolId, "mailed");
    const mail = (await outbox(t(), pool.poolId)).at(-1);
    assert.equal(mail?.subject, "Reset your password");
    assert.equal(mail?.body, `Hello mailed, your reset code is ${codeIn(mail)}`);

    await permanentPasswordUser(t(), pool.poolId, "texted", PHONE);
    await reset(pool.poolId, "texted");
    const sms = (await outbox(t(), pool.poolId)).at(-1);
    assert.equal(sms?.body, `Reset code ${codeIn(sms)}`);
  });

  it("refuses a disabled user with NotAuthorizedException and changes nothing", async () => {
    const pool = await poolWith({});
    await permanentPasswordUser(t(), pool.poolId, "dora", EMAIL);
    await t().client.send(new AdminDisableUserCommand({ UserPoolId: pool.poolId, Username: "dora" }));
    await rejectsWith(reset(pool.poolId, "dora"), "NotAuthorizedException", "User is disabled.");
    assert.equal(await statusOf(t(), pool.poolId, "dora"), "CONFIRMED");
    assert.equal(await passwordWorks(t(), pool.poolId, "dora", PASSWORD), true);
    assert.deepEqual(await outbox(t(), pool.poolId), []);
  });

  it("refuses FORCE_CHANGE_PASSWORD with NotAuthorizedException, with or without a verified contact", async () => {
    const pool = await poolWith({});
    await createUser(t().client, pool.poolId, "invited", EMAIL);
    await createUser(t().client, pool.poolId, "unverified", { email: "unverified@example.com" });
    for (const username of ["invited", "unverified"]) {
      const hash = (await storedUser(t(), pool.poolId, username)).passwordHash;
      await rejectsWith(reset(pool.poolId, username), "NotAuthorizedException", CANNOT_RESET);
      assert.equal(await statusOf(t(), pool.poolId, username), "FORCE_CHANGE_PASSWORD");
      assert.equal((await storedUser(t(), pool.poolId, username)).passwordHash, hash);
    }
    assert.deepEqual(await outbox(t(), pool.poolId), []);
  });

  it("treats an UNCONFIRMED user by the contact rule first: no verified contact is InvalidParameterException, else not resettable", async () => {
    const pool = await poolWith({ AutoVerifiedAttributes: [] });
    await signUp(t(), pool, "signer", { email: "signer@example.com" });
    await rejectsWith(reset(pool.poolId, "signer"), "InvalidParameterException", NO_CONTACT);

    await t().client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: pool.poolId,
        Username: "signer",
        UserAttributes: [{ Name: "email_verified", Value: "true" }],
      }),
    );
    await rejectsWith(reset(pool.poolId, "signer"), "NotAuthorizedException", CANNOT_RESET);
    assert.equal(await statusOf(t(), pool.poolId, "signer"), "UNCONFIRMED");
    assert.equal(await passwordWorks(t(), pool.poolId, "signer", PASSWORD), true);
    assert.deepEqual(await outbox(t(), pool.poolId), []);
  });

  it("sends a RESET_REQUIRED user a new code that replaces the previous one", async () => {
    const pool = await poolWith({});
    await permanentPasswordUser(t(), pool.poolId, "again", EMAIL);
    await reset(pool.poolId, "again");
    const first = codeIn((await outbox(t(), pool.poolId)).at(-1));
    await reset(pool.poolId, "again");
    const messages = await outbox(t(), pool.poolId);
    assert.equal(messages.length, 2);
    const second = codeIn(messages.at(-1));
    assert.equal(await statusOf(t(), pool.poolId, "again"), "RESET_REQUIRED");
    if (first !== second) await rejectsWith(confirmForgotPassword(t(), pool, "again", first), "ExpiredCodeException", EXPIRED);
    await confirmForgotPassword(t(), pool, "again", second);
    assert.equal(await statusOf(t(), pool.poolId, "again"), "CONFIRMED");
  });

  it("finds the user by alias and by sub", async () => {
    const pool = await poolWith({ AliasAttributes: ["email"] });
    const sub = await createUser(t().client, pool.poolId, "invited", EMAIL);
    await permanentPasswordUser(t(), pool.poolId, "other", { email: "other@example.com", email_verified: "true" });
    await reset(pool.poolId, "other@example.com");
    assert.equal(await statusOf(t(), pool.poolId, "other"), "RESET_REQUIRED");
    await rejectsWith(reset(pool.poolId, sub), "NotAuthorizedException", CANNOT_RESET);
  });

  it("answers an unknown user with UserNotFoundException and an unknown pool with ResourceNotFoundException", async () => {
    const pool = await poolWith({});
    await rejectsWith(reset(pool.poolId, "ghost"), "UserNotFoundException", "User does not exist.");
    await rejectsWith(
      reset("us-east-1_nosuchpol", "ghost"),
      "ResourceNotFoundException",
      "User pool us-east-1_nosuchpol does not exist.",
    );
  });

  it("requires a signature", async () => {
    const pool = await poolWith({});
    await permanentPasswordUser(t(), pool.poolId, "unsigned", EMAIL);
    const response = await rawPost(
      t().url,
      jsonHeaders("AdminResetUserPassword"),
      JSON.stringify({ UserPoolId: pool.poolId, Username: "unsigned" }),
    );
    assert.equal(response.json.__type, "MissingAuthenticationTokenException");
    assert.equal(await statusOf(t(), pool.poolId, "unsigned"), "CONFIRMED");
  });
});
