import assert from "node:assert/strict";
import { it } from "node:test";
import { SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import { attributesOf, createUser, rejectsSecretHash, rejectsWith } from "../support/fixtures.js";
import {
  codeIn,
  getUser,
  outbox,
  PASSWORD,
  type SelfServicePool,
  secretHashFor,
  selfServicePool,
  signUp,
} from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("SignUp", (t) => {
  /** A refused sign-up leaves no user and sends nothing. */
  async function assertNothingCreated(pool: SelfServicePool, username: string) {
    await rejectsWith(getUser(t(), pool.poolId, username), "UserNotFoundException");
    assert.deepEqual(await outbox(t(), pool.poolId), []);
  }

  it("creates an enabled UNCONFIRMED user and mails a confirmation code to the auto-verified email", async () => {
    const pool = await selfServicePool(t());
    const out = await signUp(t(), pool, "alice", { email: "alice@example.com", name: "Alice" });
    assert.equal(out.UserConfirmed, false);
    assert.deepEqual(out.CodeDeliveryDetails, { Destination: "a***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" });
    assert.equal(out.Session, undefined);

    const user = await getUser(t(), pool.poolId, "alice");
    assert.equal(user.UserStatus, "UNCONFIRMED");
    assert.equal(user.Enabled, true);
    assert.deepEqual(user.UserAttributes, [
      { Name: "sub", Value: out.UserSub },
      { Name: "email", Value: "alice@example.com" },
      { Name: "name", Value: "Alice" },
    ]);

    const [message, ...rest] = await outbox(t(), pool.poolId);
    assert.deepEqual(rest, []);
    assert.equal(message?.username, "alice");
    assert.equal(message?.deliveryMedium, "EMAIL");
    assert.equal(message?.destination, "alice@example.com");
    assert.equal(message?.subject, "Your verification code");
    assert.equal(message?.reason, "CustomMessage_SignUp");
    assert.equal(message?.body, `Your verification code is ${codeIn(message)}. `);
  });

  it("texts the code when the pool auto-verifies phone numbers, using the pool's template", async () => {
    const pool = await selfServicePool(t(), {
      AutoVerifiedAttributes: ["phone_number"],
      VerificationMessageTemplate: { SmsMessage: "Code {####} for signing up" },
    });
    const out = await signUp(t(), pool, "phoebe", { phone_number: "+14325551212", email: "phoebe@example.com" });
    assert.deepEqual(out.CodeDeliveryDetails, {
      Destination: "+*******1212",
      DeliveryMedium: "SMS",
      AttributeName: "phone_number",
    });
    const [message] = await outbox(t(), pool.poolId);
    assert.equal(message?.deliveryMedium, "SMS");
    assert.equal(message?.destination, "+14325551212");
    assert.equal(message?.subject, null);
    assert.equal(message?.body, `Code ${codeIn(message)} for signing up`);
  });

  it("sends nothing and returns no CodeDeliveryDetails when nothing the user has is auto-verified", async () => {
    const none = await selfServicePool(t(), { AutoVerifiedAttributes: [] });
    const out = await signUp(t(), none, "quiet", { email: "quiet@example.com" });
    assert.equal(out.CodeDeliveryDetails, undefined);
    assert.equal((await getUser(t(), none.poolId, "quiet")).UserStatus, "UNCONFIRMED");

    const phoneOnly = await selfServicePool(t(), { AutoVerifiedAttributes: ["phone_number"] });
    assert.equal((await signUp(t(), phoneOnly, "mailer", { email: "mailer@example.com" })).CodeDeliveryDetails, undefined);
    assert.deepEqual([...(await outbox(t(), none.poolId)), ...(await outbox(t(), phoneOnly.poolId))], []);
  });

  it("accepts ValidationData, ClientMetadata, AnalyticsMetadata and UserContextData", async () => {
    const pool = await selfServicePool(t());
    const out = await signUp(
      t(),
      pool,
      "extras",
      {},
      {
        ValidationData: [{ Name: "invite", Value: "abc" }],
        ClientMetadata: { source: "test" },
        AnalyticsMetadata: { AnalyticsEndpointId: "endpoint" },
        UserContextData: { IpAddress: "192.0.2.1", EncodedData: "data" },
      },
    );
    assert.equal(out.UserConfirmed, false);
  });

  it("answers an unknown client with ResourceNotFoundException", async () => {
    await rejectsWith(
      t().client.send(new SignUpCommand({ ClientId: "nosuchclient0000000000000", Username: "x", Password: PASSWORD })),
      "ResourceNotFoundException",
      "User pool client nosuchclient0000000000000 does not exist.",
    );
  });

  it("requires the right SECRET_HASH from a client with a secret, and ignores one from a client without", async () => {
    const pool = await selfServicePool(t(), {}, { GenerateSecret: true });
    const secret = pool.clientSecret;
    assert.ok(secret);
    const withoutHash = { ClientId: pool.clientId, Username: "sam", Password: PASSWORD };
    await rejectsSecretHash(
      pool.clientId,
      (SecretHash) => t().client.send(new SignUpCommand({ ...withoutHash, SecretHash })),
      secretHashFor(secret, "someoneelse", pool.clientId),
    );
    await assertNothingCreated(pool, "sam");
    await signUp(t(), pool, "sam");
    assert.equal((await getUser(t(), pool.poolId, "sam")).UserStatus, "UNCONFIRMED");

    const open = await selfServicePool(t());
    await signUp(t(), open, "sam", {}, { SecretHash: "bm90LWEtcmVhbC1oYXNo" });
  });

  it("is refused with NotAuthorizedException when only administrators may create users", async () => {
    const pool = await selfServicePool(t(), { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
    await rejectsWith(signUp(t(), pool, "nope"), "NotAuthorizedException", "SignUp is not permitted for this user pool");
    await assertNothingCreated(pool, "nope");
  });

  it("refuses a taken username with UsernameExistsException in both PreventUserExistenceErrors modes", async () => {
    const legacy = await selfServicePool(t());
    for (const mode of ["LEGACY", "ENABLED"] as const) {
      const pool = await selfServicePool(t(), {}, { PreventUserExistenceErrors: mode });
      await signUp(t(), pool, "taken", { name: "First" });
      await rejectsWith(signUp(t(), pool, "taken", { name: "Second" }), "UsernameExistsException", "User already exists");
      assert.equal((await attributesOf(t().client, pool.poolId, "taken")).name, "First");
      assert.equal((await outbox(t(), pool.poolId)).length, 0);
    }
    // An administrator-created user holds the name just the same.
    await createUser(t().client, legacy.poolId, "admin-made");
    await rejectsWith(signUp(t(), legacy, "admin-made"), "UsernameExistsException", "User already exists");
  });

  it("compares usernames without case in a case-insensitive pool", async () => {
    const pool = await selfServicePool(t(), { UsernameConfiguration: { CaseSensitive: false } });
    await signUp(t(), pool, "Carol");
    await rejectsWith(signUp(t(), pool, "CAROL"), "UsernameExistsException", "User already exists");
    assert.equal((await getUser(t(), pool.poolId, "carol")).Username, "carol");
  });

  it("makes the sub the username in an email-as-username pool and refuses a taken email", async () => {
    const pool = await selfServicePool(t(), { UsernameAttributes: ["email"] });
    const out = await signUp(t(), pool, "erin@example.com");
    const user = await getUser(t(), pool.poolId, "erin@example.com");
    assert.equal(user.Username, out.UserSub);
    assert.equal((await attributesOf(t().client, pool.poolId, out.UserSub ?? "")).email, "erin@example.com");
    assert.equal(out.CodeDeliveryDetails?.Destination, "e***@e***");

    await rejectsWith(
      signUp(t(), pool, "erin@example.com"),
      "UsernameExistsException",
      "An account with the given email already exists.",
    );
    await rejectsWith(signUp(t(), pool, "erin"), "InvalidParameterException", "Username should be an email.");
    await rejectsWith(
      signUp(t(), pool, "other@example.com", { email: "different@example.com" }),
      "InvalidParameterException",
      "User email should be empty or same as username, since username attribute is email.",
    );
    assert.equal((await outbox(t(), pool.poolId)).length, 1);
  });

  it("refuses email-like usernames in an email-alias pool, but lets a second user sign up with a verified email", async () => {
    const pool = await selfServicePool(t(), { AliasAttributes: ["email"] });
    await rejectsWith(
      signUp(t(), pool, "dave@example.com"),
      "InvalidParameterException",
      "Username cannot be of email format, since user pool is configured for email alias.",
    );
    await createUser(t().client, pool.poolId, "jie", { email: "jie@example.com", email_verified: "true" });
    // Developer guide, "Managing error responses": the clash only surfaces when Shirley confirms.
    const out = await signUp(t(), pool, "shirley", { email: "jie@example.com" });
    assert.equal(out.CodeDeliveryDetails?.Destination, "j***@e***");
    assert.equal((await getUser(t(), pool.poolId, "jie@example.com")).Username, "jie");
  });

  it("checks attributes against the schema and the client's WriteAttributes", async () => {
    const pool = await selfServicePool(t(), {}, { WriteAttributes: ["email", "given_name"] });
    await rejectsWith(
      signUp(t(), pool, "u1", { "custom:nope": "1" }),
      "InvalidParameterException",
      "Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.",
    );
    await rejectsWith(
      signUp(t(), pool, "u1", { name: "Not allowed" }),
      "NotAuthorizedException",
      "A client attempted to write unauthorized attribute",
    );
    await rejectsWith(
      signUp(t(), pool, "u1", { email: "not-an-email" }),
      "InvalidParameterException",
      "Invalid email address format.",
    );
    await rejectsWith(
      signUp(t(), pool, "u1", { sub: "00000000-0000-4000-8000-000000000000" }),
      "InvalidParameterException",
      "Cannot modify the non-mutable attribute sub",
    );
    await assertNothingCreated(pool, "u1");

    const defaults = await selfServicePool(t());
    await rejectsWith(
      signUp(t(), defaults, "u2", { email: "u2@example.com", email_verified: "true" }),
      "NotAuthorizedException",
      "A client attempted to write unauthorized attribute",
    );
    await assertNothingCreated(defaults, "u2");
  });

  it("enforces the pool's required attributes", async () => {
    const pool = await selfServicePool(t(), {
      Schema: [
        { Name: "email", AttributeDataType: "String", Required: true, Mutable: true },
        { Name: "name", AttributeDataType: "String", Required: true, Mutable: true },
      ],
    });
    await rejectsWith(
      signUp(t(), pool, "incomplete", { email: "i@example.com" }),
      "InvalidParameterException",
      "Attributes did not conform to the schema: name: The attribute is required",
    );
    await assertNothingCreated(pool, "incomplete");
    await signUp(t(), pool, "complete", { email: "c@example.com", name: "Complete" });

    // In an email-as-username pool the username supplies the required email.
    const byEmail = await selfServicePool(t(), {
      UsernameAttributes: ["email"],
      Schema: [{ Name: "email", AttributeDataType: "String", Required: true, Mutable: true }],
    });
    await signUp(t(), byEmail, "req@example.com");
  });

  it("checks the password against the policy in SignUp's words, and requires one", async () => {
    const pool = await selfServicePool(t());
    await rejectsWith(
      signUp(t(), pool, "weak", {}, { Password: "Sh0rt!" }),
      "InvalidPasswordException",
      "Password did not conform with policy: Password not long enough",
    );
    await rejectsWith(
      signUp(t(), pool, "weak", {}, { Password: "nocapitals1!" }),
      "InvalidPasswordException",
      "Password did not conform with policy: Password must have uppercase characters",
    );
    await rejectsWith(
      t().client.send(new SignUpCommand({ ClientId: pool.clientId, Username: "weak" })),
      "InvalidParameterException",
      "1 validation error detected: Value null at 'password' failed to satisfy constraint: Member must not be null",
    );
    await assertNothingCreated(pool, "weak");
  });

  it("answers malformed requests with InvalidParameterException naming the member", async () => {
    const pool = await selfServicePool(t());
    await rejectsWith(
      signUp(t(), pool, "has space"),
      "InvalidParameterException",
      /^1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
    await rejectsWith(
      signUp(t(), pool, "ok", {}, { Password: "has space1A!" }),
      "InvalidParameterException",
      /Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
    await rejectsWith(
      signUp(t(), pool, "ok", {}, { SecretHash: "not a hash" }),
      "InvalidParameterException",
      /Value at 'secretHash' failed to satisfy constraint/,
    );
    await assertNothingCreated(pool, "ok");
  });

  it("lets exactly one of 20 concurrent sign-ups of one username succeed, with one message", async () => {
    const pool = await selfServicePool(t());
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => signUp(t(), pool, "racer", { email: "racer@example.com" })),
    );
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    for (const r of results) {
      if (r.status === "rejected") assert.equal((r.reason as Error).name, "UsernameExistsException");
    }
    assert.equal((await outbox(t(), pool.poolId)).length, 1);
  });
});
