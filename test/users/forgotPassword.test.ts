import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AdminDisableUserCommand,
  AdminResetUserPasswordCommand,
  type CreateUserPoolClientCommandInput,
  type CreateUserPoolCommandInput,
  ForgotPasswordCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createUser, rejectsSecretHash, rejectsWith } from "../support/fixtures.js";
import {
  confirmForgotPassword,
  forgotPassword,
  NEW_PASSWORD,
  passwordWorks,
  permanentPasswordUser,
  storedUser,
} from "../support/passwords.js";
import { jsonHeaders, rawPost } from "../support/rawHttp.js";
import {
  codeIn,
  confirmSignUp,
  getUser,
  latestCode,
  outbox,
  PASSWORD,
  type SelfServicePool,
  secretHashFor,
  selfServicePool,
  signUp,
} from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

const CANNOT_RESET = "User password cannot be reset in the current state.";
const NO_CONTACT = "Cannot reset password for the user as there is no registered/verified email or phone_number";
const EXPIRED = "Invalid code provided, please request a code again.";
const FAKE_EMAIL = /^[a-z]\*\*\*@[a-z]\*\*\*$/;
const FAKE_PHONE = /^\+\*{7}\d{4}$/;

const EMAIL = { email: "alice@example.com", email_verified: "true" };
const PHONE = { phone_number: "+14325551212", phone_number_verified: "true" };

describeEachEngine("ForgotPassword", (t) => {
  async function pool(
    settings: Partial<CreateUserPoolCommandInput> = {},
    client: Partial<CreateUserPoolClientCommandInput> = {},
  ): Promise<SelfServicePool> {
    return selfServicePool(t(), settings, client);
  }

  /** Signs up and confirms with the mailed code, which verifies the email. */
  async function selfConfirmed(p: SelfServicePool, username: string, email: string) {
    await signUp(t(), p, username, { email });
    const code = await latestCode(t(), p.poolId);
    await confirmSignUp(t(), p, username, code);
  }

  it("mails a reset code, leaves the status and the old password alone, and the code resets the password", async () => {
    const p = await pool();
    await selfConfirmed(p, "alice", "alice@example.com");
    const hash = (await storedUser(t(), p.poolId, "alice")).passwordHash;
    const before = (await outbox(t(), p.poolId)).length;
    const out = await forgotPassword(t(), p, "alice", {
      ClientMetadata: { source: "test" },
      AnalyticsMetadata: { AnalyticsEndpointId: "endpoint" },
      UserContextData: { IpAddress: "192.0.2.1", EncodedData: "data" },
    });
    assert.deepEqual(out.CodeDeliveryDetails, { Destination: "a***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" });

    const messages = await outbox(t(), p.poolId);
    assert.equal(messages.length, before + 1);
    const message = messages.at(-1);
    assert.equal(message?.reason, "CustomMessage_ForgotPassword");
    assert.equal(message?.destination, "alice@example.com");
    assert.equal(message?.subject, "Your verification code");
    assert.equal(message?.body, `Your verification code is ${codeIn(message)}. `);

    // Reference §2.2: nothing changes until the reset is confirmed.
    assert.equal((await getUser(t(), p.poolId, "alice")).UserStatus, "CONFIRMED");
    assert.equal((await storedUser(t(), p.poolId, "alice")).passwordHash, hash);
    assert.equal(await passwordWorks(t(), p.poolId, "alice", PASSWORD), true);

    await confirmForgotPassword(t(), p, "alice", codeIn(message));
    assert.equal(await passwordWorks(t(), p.poolId, "alice", NEW_PASSWORD), true);
    assert.equal(await passwordWorks(t(), p.poolId, "alice", PASSWORD), false);
  });

  it("texts the code when the user has a verified phone and the pool has no AccountRecoverySetting", async () => {
    const p = await pool();
    await permanentPasswordUser(t(), p.poolId, "phil", { ...EMAIL, ...PHONE });
    const out = await forgotPassword(t(), p, "phil");
    assert.deepEqual(out.CodeDeliveryDetails, {
      Destination: "+*******1212",
      DeliveryMedium: "SMS",
      AttributeName: "phone_number",
    });
    const sms = (await outbox(t(), p.poolId)).at(-1);
    assert.equal(sms?.deliveryMedium, "SMS");
    assert.equal(sms?.destination, "+14325551212");
  });

  it("follows AccountRecoverySetting: email first even when the phone is verified", async () => {
    const p = await pool({
      AccountRecoverySetting: {
        RecoveryMechanisms: [
          { Name: "verified_email", Priority: 1 },
          { Name: "verified_phone_number", Priority: 2 },
        ],
      },
    });
    await permanentPasswordUser(t(), p.poolId, "both", { ...EMAIL, ...PHONE });
    const out = await forgotPassword(t(), p, "both");
    assert.equal(out.CodeDeliveryDetails?.DeliveryMedium, "EMAIL");
    assert.equal((await outbox(t(), p.poolId)).at(-1)?.destination, "alice@example.com");
  });

  it("accepts a verified email alias as the name", async () => {
    const p = await pool({ AliasAttributes: ["email"] });
    await selfConfirmed(p, "aliased", "aliased@example.com");
    const out = await forgotPassword(t(), p, "aliased@example.com");
    assert.equal(out.CodeDeliveryDetails?.Destination, "a***@e***");
    assert.equal((await outbox(t(), p.poolId)).at(-1)?.username, "aliased");
  });

  it("replaces an earlier code with each request", async () => {
    const p = await pool();
    await selfConfirmed(p, "again", "again@example.com");
    await forgotPassword(t(), p, "again");
    const first = await latestCode(t(), p.poolId);
    await forgotPassword(t(), p, "again");
    const second = await latestCode(t(), p.poolId);
    if (first !== second) await rejectsWith(confirmForgotPassword(t(), p, "again", first), "ExpiredCodeException", EXPIRED);
    await confirmForgotPassword(t(), p, "again", second);
    assert.equal(await passwordWorks(t(), p.poolId, "again", NEW_PASSWORD), true);
  });

  it("lets a RESET_REQUIRED user ask for a code", async () => {
    const p = await pool();
    await permanentPasswordUser(t(), p.poolId, "imported", EMAIL);
    await t().client.send(new AdminResetUserPasswordCommand({ UserPoolId: p.poolId, Username: "imported" }));
    await forgotPassword(t(), p, "imported");
    assert.equal((await outbox(t(), p.poolId)).length, 2);
    await confirmForgotPassword(t(), p, "imported", await latestCode(t(), p.poolId));
    assert.equal((await getUser(t(), p.poolId, "imported")).UserStatus, "CONFIRMED");
  });

  describe("LEGACY (the API default)", () => {
    it("answers an unknown user with UserNotFoundException", async () => {
      const p = await pool();
      await rejectsWith(forgotPassword(t(), p, "ghost"), "UserNotFoundException", "User does not exist.");
      const legacy = await pool({}, { PreventUserExistenceErrors: "LEGACY" });
      await rejectsWith(forgotPassword(t(), legacy, "ghost"), "UserNotFoundException", "User does not exist.");
    });

    it("refuses a disabled user with NotAuthorizedException", async () => {
      const p = await pool({}, { PreventUserExistenceErrors: "LEGACY" });
      await permanentPasswordUser(t(), p.poolId, "dora", EMAIL);
      await t().client.send(new AdminDisableUserCommand({ UserPoolId: p.poolId, Username: "dora" }));
      await rejectsWith(forgotPassword(t(), p, "dora"), "NotAuthorizedException", "User is disabled.");
      assert.deepEqual(await outbox(t(), p.poolId), []);
    });

    it("answers a user without a verified contact with InvalidParameterException, an UNCONFIRMED one too", async () => {
      const p = await pool();
      await permanentPasswordUser(t(), p.poolId, "unverified", { email: "unverified@example.com" });
      await rejectsWith(forgotPassword(t(), p, "unverified"), "InvalidParameterException", NO_CONTACT);
      await signUp(t(), p, "signer", { email: "signer@example.com" });
      const sent = (await outbox(t(), p.poolId)).length;
      await rejectsWith(forgotPassword(t(), p, "signer"), "InvalidParameterException", NO_CONTACT);
      assert.equal((await outbox(t(), p.poolId)).length, sent);
      assert.equal((await getUser(t(), p.poolId, "signer")).UserStatus, "UNCONFIRMED");
    });

    it("refuses FORCE_CHANGE_PASSWORD with NotAuthorizedException, with or without a verified contact", async () => {
      const p = await pool();
      await createUser(t().client, p.poolId, "invited", EMAIL);
      await createUser(t().client, p.poolId, "unverified", { email: "unverified@example.com" });
      await rejectsWith(forgotPassword(t(), p, "invited"), "NotAuthorizedException", CANNOT_RESET);
      await rejectsWith(forgotPassword(t(), p, "unverified"), "NotAuthorizedException", CANNOT_RESET);
      assert.deepEqual(await outbox(t(), p.poolId), []);
    });
  });

  describe("PreventUserExistenceErrors ENABLED", () => {
    it("answers an unknown user with plausible, stable CodeDeliveryDetails and sends nothing", async () => {
      const p = await pool({}, { PreventUserExistenceErrors: "ENABLED" });
      const first = await forgotPassword(t(), p, "ghost");
      const again = await forgotPassword(t(), p, "ghost");
      assert.deepEqual(first.CodeDeliveryDetails, again.CodeDeliveryDetails);
      assert.equal(first.CodeDeliveryDetails?.DeliveryMedium, "EMAIL");
      assert.equal(first.CodeDeliveryDetails?.AttributeName, "email");
      assert.match(first.CodeDeliveryDetails?.Destination ?? "", FAKE_EMAIL);

      // A name that is an email address is masked as itself.
      const byEmail = await pool({ UsernameAttributes: ["email"] }, { PreventUserExistenceErrors: "ENABLED" });
      const ghost = await forgotPassword(t(), byEmail, "ghost@example.com");
      assert.deepEqual(ghost.CodeDeliveryDetails, { Destination: "g***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" });

      // The simulated medium follows the pool's settings.
      const phoneFirst = await pool(
        { AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "verified_phone_number", Priority: 1 }] } },
        { PreventUserExistenceErrors: "ENABLED" },
      );
      const phone = await forgotPassword(t(), phoneFirst, "ghost");
      assert.equal(phone.CodeDeliveryDetails?.DeliveryMedium, "SMS");
      assert.match(phone.CodeDeliveryDetails?.Destination ?? "", FAKE_PHONE);
      const phoneVerified = await pool({ AutoVerifiedAttributes: ["phone_number"] }, { PreventUserExistenceErrors: "ENABLED" });
      assert.equal((await forgotPassword(t(), phoneVerified, "ghost")).CodeDeliveryDetails?.DeliveryMedium, "SMS");

      for (const q of [p, byEmail, phoneFirst, phoneVerified]) assert.deepEqual(await outbox(t(), q.poolId), []);
    });

    it("hides a disabled user and a user without a verified contact the same way", async () => {
      const p = await pool({}, { PreventUserExistenceErrors: "ENABLED" });
      await permanentPasswordUser(t(), p.poolId, "dora", EMAIL);
      await t().client.send(new AdminDisableUserCommand({ UserPoolId: p.poolId, Username: "dora" }));
      await permanentPasswordUser(t(), p.poolId, "unverified", { email: "unverified@example.com" });
      for (const username of ["dora", "unverified"]) {
        const out = await forgotPassword(t(), p, username);
        assert.equal(out.CodeDeliveryDetails?.DeliveryMedium, "EMAIL");
        assert.match(out.CodeDeliveryDetails?.Destination ?? "", FAKE_EMAIL);
      }
      assert.deepEqual(await outbox(t(), p.poolId), []);
    });

    it("still sends real codes to real users, and still refuses FORCE_CHANGE_PASSWORD", async () => {
      const p = await pool({}, { PreventUserExistenceErrors: "ENABLED" });
      await permanentPasswordUser(t(), p.poolId, "alice", EMAIL);
      const out = await forgotPassword(t(), p, "alice");
      assert.deepEqual(out.CodeDeliveryDetails, { Destination: "a***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" });
      assert.equal((await outbox(t(), p.poolId)).length, 1);

      await createUser(t().client, p.poolId, "invited", { email: "invited@example.com", email_verified: "true" });
      await rejectsWith(forgotPassword(t(), p, "invited"), "NotAuthorizedException", CANNOT_RESET);
    });

    it("refuses everyone alike when the pool recovers only through administrators", async () => {
      const p = await pool(
        { AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "admin_only", Priority: 1 }] } },
        { PreventUserExistenceErrors: "ENABLED" },
      );
      await permanentPasswordUser(t(), p.poolId, "alice", EMAIL);
      await rejectsWith(forgotPassword(t(), p, "alice"), "InvalidParameterException", NO_CONTACT);
      await rejectsWith(forgotPassword(t(), p, "ghost"), "InvalidParameterException", NO_CONTACT);
      assert.deepEqual(await outbox(t(), p.poolId), []);
    });
  });

  it("requires the right SECRET_HASH from a client with a secret", async () => {
    const p = await pool({}, { GenerateSecret: true });
    assert.ok(p.clientSecret);
    await permanentPasswordUser(t(), p.poolId, "sam", EMAIL);
    await rejectsSecretHash(
      p.clientId,
      (SecretHash) => t().client.send(new ForgotPasswordCommand({ ClientId: p.clientId, Username: "sam", SecretHash })),
      secretHashFor(p.clientSecret, "notsam", p.clientId),
    );
    assert.deepEqual(await outbox(t(), p.poolId), []);
    await forgotPassword(t(), p, "sam");
    assert.equal((await outbox(t(), p.poolId)).length, 1);
  });

  it("needs no signature, and answers an unknown client with ResourceNotFoundException", async () => {
    const p = await pool();
    await permanentPasswordUser(t(), p.poolId, "unsigned", EMAIL);
    const response = await rawPost(
      t().url,
      jsonHeaders("ForgotPassword"),
      JSON.stringify({ ClientId: p.clientId, Username: "unsigned" }),
    );
    assert.equal(response.status, 200);
    assert.deepEqual(response.json, {
      CodeDeliveryDetails: { Destination: "a***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" },
    });

    await rejectsWith(
      t().client.send(new ForgotPasswordCommand({ ClientId: "nosuchclient", Username: "x" })),
      "ResourceNotFoundException",
      "User pool client nosuchclient does not exist.",
    );
  });
});
