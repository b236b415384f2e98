import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminConfirmSignUpCommand,
  AdminDisableUserCommand,
  ResendConfirmationCodeCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createUser, rejectsSecretHash, rejectsWith } from "../support/fixtures.js";
import {
  codeIn,
  confirmSignUp,
  getUser,
  latestCode,
  outbox,
  resendCode,
  secretHashFor,
  selfServicePool,
  signUp,
} from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

const HOUR = 3_600_000;
const NO_AUTO_VERIFICATION = "Cannot resend codes. Auto verification not turned on.";

describeEachEngine("ResendConfirmationCode", (t) => {
  it("sends a new code that replaces the old one, with the same CodeDeliveryDetails as SignUp", async () => {
    const pool = await selfServicePool(t());
    const signedUp = await signUp(t(), pool, "alice", { email: "alice@example.com" });
    const out = await t().client.send(
      new ResendConfirmationCodeCommand({
        ClientId: pool.clientId,
        Username: "alice",
        ClientMetadata: { source: "test" },
        AnalyticsMetadata: { AnalyticsEndpointId: "endpoint" },
        UserContextData: { EncodedData: "data" },
      }),
    );
    assert.deepEqual(out.CodeDeliveryDetails, signedUp.CodeDeliveryDetails);
    assert.deepEqual(out.CodeDeliveryDetails, { Destination: "a***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" });

    const [first, second, ...rest] = await outbox(t(), pool.poolId);
    assert.deepEqual(rest, []);
    assert.equal(first?.reason, "CustomMessage_SignUp");
    assert.equal(second?.reason, "CustomMessage_ResendCode");
    assert.equal(second?.destination, "alice@example.com");
    assert.equal(second?.subject, "Your verification code");
    assert.equal(second?.body, `Your verification code is ${codeIn(second)}. `);

    if (codeIn(first) !== codeIn(second))
      await rejectsWith(confirmSignUp(t(), pool, "alice", codeIn(first)), "ExpiredCodeException");
    await confirmSignUp(t(), pool, "alice", codeIn(second));
    assert.equal((await getUser(t(), pool.poolId, "alice")).UserStatus, "CONFIRMED");
  });

  it("gives the new code a fresh 24 hours", async () => {
    const pool = await selfServicePool(t());
    await signUp(t(), pool, "slow", { email: "slow@example.com" });
    t().clock.advance(23 * HOUR);
    await resendCode(t(), pool, "slow");
    t().clock.advance(2 * HOUR);
    await confirmSignUp(t(), pool, "slow", await latestCode(t(), pool.poolId));
    assert.equal((await getUser(t(), pool.poolId, "slow")).UserStatus, "CONFIRMED");
  });

  it("texts the code by SMS when the pool verifies phone numbers", async () => {
    const pool = await selfServicePool(t(), { AutoVerifiedAttributes: ["phone_number"] });
    await signUp(t(), pool, "phil", { phone_number: "+5511987654516" });
    const out = await resendCode(t(), pool, "phil");
    assert.deepEqual(out.CodeDeliveryDetails, {
      Destination: "+*********4516",
      DeliveryMedium: "SMS",
      AttributeName: "phone_number",
    });
    assert.equal((await outbox(t(), pool.poolId)).at(-1)?.destination, "+5511987654516");
  });

  it("answers a confirmed or administrator-created user with InvalidParameterException and sends nothing", async () => {
    const pool = await selfServicePool(t());
    await signUp(t(), pool, "done", { email: "done@example.com" });
    await t().client.send(new AdminConfirmSignUpCommand({ UserPoolId: pool.poolId, Username: "done" }));
    await createUser(t().client, pool.poolId, "invited", { email: "invited@example.com" });
    const before = (await outbox(t(), pool.poolId)).length;
    await rejectsWith(resendCode(t(), pool, "done"), "InvalidParameterException", "User is already confirmed.");
    await rejectsWith(resendCode(t(), pool, "invited"), "InvalidParameterException", "User is already confirmed.");
    assert.equal((await outbox(t(), pool.poolId)).length, before);
  });

  it("answers an unknown user with UserNotFoundException under LEGACY", async () => {
    const pool = await selfServicePool(t(), {}, { PreventUserExistenceErrors: "LEGACY" });
    await rejectsWith(resendCode(t(), pool, "ghost"), "UserNotFoundException", "User does not exist.");
  });

  it("answers an unknown user with plausible, stable CodeDeliveryDetails and sends nothing under ENABLED", async () => {
    const pool = await selfServicePool(t(), {}, { PreventUserExistenceErrors: "ENABLED" });
    const first = await resendCode(t(), pool, "ghost");
    const again = await resendCode(t(), pool, "ghost");
    assert.deepEqual(first.CodeDeliveryDetails, again.CodeDeliveryDetails);
    assert.equal(first.CodeDeliveryDetails?.DeliveryMedium, "EMAIL");
    assert.equal(first.CodeDeliveryDetails?.AttributeName, "email");
    assert.match(first.CodeDeliveryDetails?.Destination ?? "", /^[a-z]\*\*\*@[a-z]\*\*\*$/);
    assert.deepEqual(await outbox(t(), pool.poolId), []);

    // A name that is an email address is masked as itself, as a real user's would be.
    const byEmail = await selfServicePool(t(), { UsernameAttributes: ["email"] }, { PreventUserExistenceErrors: "ENABLED" });
    const ghost = await resendCode(t(), byEmail, "ghost@example.com");
    assert.deepEqual(ghost.CodeDeliveryDetails, { Destination: "g***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" });

    const byPhone = await selfServicePool(
      t(),
      { AutoVerifiedAttributes: ["phone_number"] },
      { PreventUserExistenceErrors: "ENABLED" },
    );
    const phone = await resendCode(t(), byPhone, "ghost");
    assert.equal(phone.CodeDeliveryDetails?.DeliveryMedium, "SMS");
    assert.match(phone.CodeDeliveryDetails?.Destination ?? "", /^\+\*{7}\d{4}$/);
    assert.deepEqual([...(await outbox(t(), byEmail.poolId)), ...(await outbox(t(), byPhone.poolId))], []);
  });

  it("refuses when the pool auto-verifies nothing the user has, for known and hidden unknown users alike", async () => {
    const none = await selfServicePool(t(), { AutoVerifiedAttributes: [] }, { PreventUserExistenceErrors: "ENABLED" });
    await signUp(t(), none, "quiet", { email: "quiet@example.com" });
    await rejectsWith(resendCode(t(), none, "quiet"), "NotAuthorizedException", NO_AUTO_VERIFICATION);
    await rejectsWith(resendCode(t(), none, "ghost"), "NotAuthorizedException", NO_AUTO_VERIFICATION);

    const phoneOnly = await selfServicePool(t(), { AutoVerifiedAttributes: ["phone_number"] });
    await signUp(t(), phoneOnly, "mailer", { email: "mailer@example.com" });
    await rejectsWith(resendCode(t(), phoneOnly, "mailer"), "NotAuthorizedException", NO_AUTO_VERIFICATION);
    assert.deepEqual([...(await outbox(t(), none.poolId)), ...(await outbox(t(), phoneOnly.poolId))], []);
  });

  it("refuses a disabled user under LEGACY and hides them under ENABLED, sending nothing either way", async () => {
    for (const mode of ["LEGACY", "ENABLED"] as const) {
      const pool = await selfServicePool(t(), {}, { PreventUserExistenceErrors: mode });
      await signUp(t(), pool, "dora", { email: "dora@example.com" });
      await t().client.send(new AdminDisableUserCommand({ UserPoolId: pool.poolId, Username: "dora" }));
      if (mode === "LEGACY") {
        await rejectsWith(resendCode(t(), pool, "dora"), "NotAuthorizedException", "User is disabled.");
      } else {
        assert.equal((await resendCode(t(), pool, "dora")).CodeDeliveryDetails?.DeliveryMedium, "EMAIL");
      }
      assert.equal((await outbox(t(), pool.poolId)).length, 1);
    }
  });

  it("requires the right SECRET_HASH from a client with a secret", async () => {
    const pool = await selfServicePool(t(), {}, { GenerateSecret: true });
    assert.ok(pool.clientSecret);
    await signUp(t(), pool, "sam", { email: "sam@example.com" });
    await rejectsSecretHash(
      pool.clientId,
      (SecretHash) =>
        t().client.send(new ResendConfirmationCodeCommand({ ClientId: pool.clientId, Username: "sam", SecretHash })),
      secretHashFor(pool.clientSecret, "notsam", pool.clientId),
    );
    assert.equal((await outbox(t(), pool.poolId)).length, 1);
    await resendCode(t(), pool, "sam");
    assert.equal((await outbox(t(), pool.poolId)).length, 2);
  });

  it("answers an unknown client with ResourceNotFoundException", async () => {
    await rejectsWith(
      t().client.send(new ResendConfirmationCodeCommand({ ClientId: "nosuchclient", Username: "x" })),
      "ResourceNotFoundException",
      "User pool client nosuchclient does not exist.",
    );
  });
});
