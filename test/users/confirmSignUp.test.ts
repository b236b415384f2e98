import assert from "node:assert/strict";
import { it } from "node:test";
import { AdminDisableUserCommand, ConfirmSignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import { attributesOf, createUser, rejectsSecretHash, rejectsWith } from "../support/fixtures.js";
import {
  confirmSignUp,
  getUser,
  latestCode,
  otherThan,
  resendCode,
  secretHashFor,
  selfServicePool,
  signUp,
  statusOf,
} from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

const HOUR = 3_600_000;
const MISMATCH = "Invalid verification code provided, please try again.";
const EXPIRED = "Invalid code provided, please request a code again.";

describeEachEngine("ConfirmSignUp", (t) => {
  it("confirms with the mailed code, marks the email verified, and works once", async () => {
    const pool = await selfServicePool(t());
    await signUp(t(), pool, "alice", { email: "alice@example.com" });
    const code = await latestCode(t(), pool.poolId);
    const before = await getUser(t(), pool.poolId, "alice");
    t().clock.advance(1000);
    const out = await confirmSignUp(t(), pool, "alice", code, {
      ForceAliasCreation: false,
      ClientMetadata: { source: "test" },
      AnalyticsMetadata: { AnalyticsEndpointId: "endpoint" },
      UserContextData: { IpAddress: "192.0.2.1" },
    });
    assert.equal(out.Session, undefined);

    const after = await getUser(t(), pool.poolId, "alice");
    assert.equal(after.UserStatus, "CONFIRMED");
    assert.equal(after.Enabled, true);
    assert.equal(after.UserAttributes?.find((a) => a.Name === "email_verified")?.Value, "true");
    assert.equal((after.UserLastModifiedDate?.getTime() ?? 0) - (before.UserLastModifiedDate?.getTime() ?? 0), 1000);

    await rejectsWith(
      confirmSignUp(t(), pool, "alice", code),
      "NotAuthorizedException",
      "User cannot be confirmed. Current status is CONFIRMED",
    );
  });

  it("verifies the phone number when the code went by SMS, and nothing else", async () => {
    const pool = await selfServicePool(t(), { AutoVerifiedAttributes: ["email", "phone_number"] });
    await signUp(t(), pool, "phil", { email: "phil@example.com", phone_number: "+14325550000" });
    await confirmSignUp(t(), pool, "phil", await latestCode(t(), pool.poolId));
    const attributes = await attributesOf(t().client, pool.poolId, "phil");
    assert.equal(attributes.phone_number_verified, "true");
    assert.equal(attributes.email_verified, undefined);
  });

  it("answers a wrong code with CodeMismatchException and leaves the user unconfirmed", async () => {
    const pool = await selfServicePool(t());
    await signUp(t(), pool, "bob", { email: "bob@example.com" });
    const code = await latestCode(t(), pool.poolId);
    await rejectsWith(confirmSignUp(t(), pool, "bob", otherThan(code)), "CodeMismatchException", MISMATCH);
    assert.equal(await statusOf(t(), pool.poolId, "bob"), "UNCONFIRMED");
    assert.equal((await attributesOf(t().client, pool.poolId, "bob")).email_verified, undefined);
    await confirmSignUp(t(), pool, "bob", code);
    assert.equal(await statusOf(t(), pool.poolId, "bob"), "CONFIRMED");
  });

  it("accepts a code until 24 hours have passed, then answers ExpiredCodeException", async () => {
    const pool = await selfServicePool(t());
    await signUp(t(), pool, "early", { email: "early@example.com" });
    const early = await latestCode(t(), pool.poolId);
    await signUp(t(), pool, "late", { email: "late@example.com" });
    const late = await latestCode(t(), pool.poolId);
    t().clock.advance(24 * HOUR - 1000);
    await confirmSignUp(t(), pool, "early", early);
    t().clock.advance(1000);
    await rejectsWith(confirmSignUp(t(), pool, "late", late), "ExpiredCodeException", EXPIRED);
    assert.equal(await statusOf(t(), pool.poolId, "late"), "UNCONFIRMED");
    // Still expired on a second try; a resent code works.
    await rejectsWith(confirmSignUp(t(), pool, "late", late), "ExpiredCodeException", EXPIRED);
    await resendCode(t(), pool, "late");
    await confirmSignUp(t(), pool, "late", await latestCode(t(), pool.poolId));
    assert.equal(await statusOf(t(), pool.poolId, "late"), "CONFIRMED");
  });

  it("spends the code after five wrong guesses: the next attempt is LimitExceededException, even with the right code", async () => {
    const pool = await selfServicePool(t());
    await signUp(t(), pool, "guesser", { email: "guesser@example.com" });
    const code = await latestCode(t(), pool.poolId);
    for (let i = 0; i < 5; i++)
      await rejectsWith(confirmSignUp(t(), pool, "guesser", otherThan(code)), "CodeMismatchException", MISMATCH);
    await rejectsWith(
      confirmSignUp(t(), pool, "guesser", code),
      "LimitExceededException",
      "Attempt limit exceeded, please try after some time.",
    );
    await rejectsWith(confirmSignUp(t(), pool, "guesser", code), "ExpiredCodeException", EXPIRED);
    assert.equal(await statusOf(t(), pool.poolId, "guesser"), "UNCONFIRMED");

    await resendCode(t(), pool, "guesser");
    await confirmSignUp(t(), pool, "guesser", await latestCode(t(), pool.poolId));
    assert.equal(await statusOf(t(), pool.poolId, "guesser"), "CONFIRMED");
  });

  it("answers a code superseded by a resend with ExpiredCodeException (reference §2.8)", async () => {
    const pool = await selfServicePool(t());
    await signUp(t(), pool, "carol", { email: "carol@example.com" });
    const first = await latestCode(t(), pool.poolId);
    await resendCode(t(), pool, "carol");
    const second = await latestCode(t(), pool.poolId);
    if (first !== second) await rejectsWith(confirmSignUp(t(), pool, "carol", first), "ExpiredCodeException", EXPIRED);
    await confirmSignUp(t(), pool, "carol", second);
    assert.equal(await statusOf(t(), pool.poolId, "carol"), "CONFIRMED");
  });

  it("answers ExpiredCodeException for a user who was never sent a code", async () => {
    const pool = await selfServicePool(t(), { AutoVerifiedAttributes: [] });
    await signUp(t(), pool, "nocode", { email: "nocode@example.com" });
    await rejectsWith(confirmSignUp(t(), pool, "nocode", "123456"), "ExpiredCodeException", EXPIRED);
  });

  it("answers a user who is not UNCONFIRMED with NotAuthorizedException naming the actual status", async () => {
    const pool = await selfServicePool(t(), {}, { PreventUserExistenceErrors: "ENABLED" });
    await createUser(t().client, pool.poolId, "invited");
    await rejectsWith(
      confirmSignUp(t(), pool, "invited", "123456"),
      "NotAuthorizedException",
      "User cannot be confirmed. Current status is FORCE_CHANGE_PASSWORD",
    );
    assert.equal(await statusOf(t(), pool.poolId, "invited"), "FORCE_CHANGE_PASSWORD");
  });

  it("answers an unknown user with UserNotFoundException (LEGACY) or a code error (ENABLED)", async () => {
    const legacy = await selfServicePool(t(), {}, { PreventUserExistenceErrors: "LEGACY" });
    await rejectsWith(confirmSignUp(t(), legacy, "ghost", "123456"), "UserNotFoundException", "User does not exist.");
    const defaults = await selfServicePool(t());
    await rejectsWith(confirmSignUp(t(), defaults, "ghost", "123456"), "UserNotFoundException", "User does not exist.");

    const enabled = await selfServicePool(t(), {}, { PreventUserExistenceErrors: "ENABLED" });
    await rejectsWith(confirmSignUp(t(), enabled, "ghost", "123456"), "CodeMismatchException", MISMATCH);
    // The same answer an existing user gets for a wrong code.
    await signUp(t(), enabled, "real", { email: "real@example.com" });
    const code = await latestCode(t(), enabled.poolId);
    await rejectsWith(confirmSignUp(t(), enabled, "real", otherThan(code)), "CodeMismatchException", MISMATCH);
  });

  it("refuses a disabled user with NotAuthorizedException and keeps the code", async () => {
    const pool = await selfServicePool(t());
    await signUp(t(), pool, "dora", { email: "dora@example.com" });
    const code = await latestCode(t(), pool.poolId);
    await t().client.send(new AdminDisableUserCommand({ UserPoolId: pool.poolId, Username: "dora" }));
    await rejectsWith(confirmSignUp(t(), pool, "dora", code), "NotAuthorizedException", "User is disabled.");
    assert.equal(await statusOf(t(), pool.poolId, "dora"), "UNCONFIRMED");
  });

  it("requires the right SECRET_HASH from a client with a secret", async () => {
    const pool = await selfServicePool(t(), {}, { GenerateSecret: true });
    assert.ok(pool.clientSecret);
    await signUp(t(), pool, "sam", { email: "sam@example.com" });
    const code = await latestCode(t(), pool.poolId);
    const plain = { ClientId: pool.clientId, Username: "sam", ConfirmationCode: code };
    await rejectsSecretHash(
      pool.clientId,
      (SecretHash) => t().client.send(new ConfirmSignUpCommand({ ...plain, SecretHash })),
      secretHashFor("wrong-secret", "sam", pool.clientId),
    );
    assert.equal(await statusOf(t(), pool.poolId, "sam"), "UNCONFIRMED");
    await confirmSignUp(t(), pool, "sam", code);
    assert.equal(await statusOf(t(), pool.poolId, "sam"), "CONFIRMED");
  });

  it("answers an unknown client with ResourceNotFoundException and bad input with InvalidParameterException", async () => {
    await rejectsWith(
      t().client.send(new ConfirmSignUpCommand({ ClientId: "nosuchclient", Username: "x", ConfirmationCode: "123456" })),
      "ResourceNotFoundException",
      "User pool client nosuchclient does not exist.",
    );
    const pool = await selfServicePool(t());
    await rejectsWith(
      confirmSignUp(t(), pool, "x", "12 34"),
      "InvalidParameterException",
      "1 validation error detected: Value '12 34' at 'confirmationCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+",
    );
    await rejectsWith(
      confirmSignUp(t(), pool, "x", "123456", { Session: "short" }),
      "InvalidParameterException",
      "1 validation error detected: Value at 'session' failed to satisfy constraint: Member must have length greater than or equal to 20",
    );
  });

  it("finds the user by email or sub in an email-as-username pool", async () => {
    const pool = await selfServicePool(t(), { UsernameAttributes: ["email"] });
    const { UserSub: sub } = await signUp(t(), pool, "erin@example.com");
    assert.ok(sub);
    await confirmSignUp(t(), pool, "erin@example.com", await latestCode(t(), pool.poolId));
    assert.equal(await statusOf(t(), pool.poolId, sub), "CONFIRMED");

    const { UserSub: other } = await signUp(t(), pool, "fred@example.com");
    assert.ok(other);
    await confirmSignUp(t(), pool, other, await latestCode(t(), pool.poolId));
    assert.equal(await statusOf(t(), pool.poolId, "fred@example.com"), "CONFIRMED");
  });

  it("refuses to take a verified email another user holds unless ForceAliasCreation, then moves it", async () => {
    const pool = await selfServicePool(t(), { AliasAttributes: ["email"] });
    await createUser(t().client, pool.poolId, "jie", { email: "jie@example.com", email_verified: "true" });
    await signUp(t(), pool, "shirley", { email: "jie@example.com" });
    const code = await latestCode(t(), pool.poolId);

    await rejectsWith(
      confirmSignUp(t(), pool, "shirley", code),
      "AliasExistsException",
      "An account with the email already exists.",
    );
    // Refused as a whole: Shirley is still unconfirmed, Jie keeps the alias, and the code still works.
    assert.equal(await statusOf(t(), pool.poolId, "shirley"), "UNCONFIRMED");
    assert.equal((await attributesOf(t().client, pool.poolId, "shirley")).email_verified, undefined);
    assert.equal((await getUser(t(), pool.poolId, "jie@example.com")).Username, "jie");

    await confirmSignUp(t(), pool, "shirley", code, { ForceAliasCreation: true });
    assert.equal(await statusOf(t(), pool.poolId, "shirley"), "CONFIRMED");
    assert.equal((await attributesOf(t().client, pool.poolId, "shirley")).email_verified, "true");
    assert.equal((await attributesOf(t().client, pool.poolId, "jie")).email_verified, "false");
    assert.equal((await getUser(t(), pool.poolId, "jie@example.com")).Username, "shirley");
  });

  it("lets exactly one of several concurrent confirmations with the right code succeed", async () => {
    const pool = await selfServicePool(t());
    await signUp(t(), pool, "racer", { email: "racer@example.com" });
    const code = await latestCode(t(), pool.poolId);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => confirmSignUp(t(), pool, "racer", code)));
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    for (const r of results) {
      if (r.status === "rejected")
        assert.ok(["NotAuthorizedException", "ExpiredCodeException"].includes((r.reason as Error).name));
    }
    assert.equal(await statusOf(t(), pool.poolId, "racer"), "CONFIRMED");
  });
});
