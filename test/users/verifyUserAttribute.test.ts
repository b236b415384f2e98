import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminUpdateUserAttributesCommand,
  GetUserAttributeVerificationCodeCommand,
  VerifyUserAttributeCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { adminSignIn, signedInUser } from "../support/auth.js";
import { attributesOf, rejectsWith } from "../support/fixtures.js";
import { latestCode, otherThan, outbox } from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("GetUserAttributeVerificationCode and VerifyUserAttribute", (t) => {
  const requestCode = (token: string, attribute: string) =>
    t().client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: attribute }));
  const verify = (token: string, attribute: string, code: string) =>
    t().client.send(new VerifyUserAttributeCommand({ AccessToken: token, AttributeName: attribute, Code: code }));
  const unverified = (username: string) =>
    signedInUser(t().client, username, { email: `${username}@example.com`, phone_number: "+15550001234" });

  it("sends a code to the user's email, and the code marks it verified", async () => {
    const me = await unverified("ada");
    const { CodeDeliveryDetails: details } = await requestCode(me.accessToken, "email");
    assert.deepEqual(details, { Destination: "a***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" });
    const [message] = await outbox(t(), me.poolId);
    assert.equal(message?.destination, "ada@example.com");
    assert.equal(message?.reason, "CustomMessage_VerifyUserAttribute");
    assert.equal(message?.subject, "Your verification code");
    await verify(me.accessToken, "email", await latestCode(t(), me.poolId));
    const attributes = await attributesOf(t().client, me.poolId, "ada");
    assert.equal(attributes.email_verified, "true");
    assert.equal(attributes.phone_number_verified, undefined);
  });

  it("sends a phone number's code by SMS", async () => {
    const me = await unverified("bo");
    const { CodeDeliveryDetails: details } = await requestCode(me.accessToken, "phone_number");
    assert.deepEqual(details, { Destination: "+*******1234", DeliveryMedium: "SMS", AttributeName: "phone_number" });
    await verify(me.accessToken, "phone_number", await latestCode(t(), me.poolId));
    assert.equal((await attributesOf(t().client, me.poolId, "bo")).phone_number_verified, "true");
  });

  it("answers a wrong code with CodeMismatchException, and a used, replaced or never requested code with ExpiredCodeException", async () => {
    const me = await unverified("cy");
    await rejectsWith(
      verify(me.accessToken, "email", "123456"),
      "ExpiredCodeException",
      "Invalid code provided, please request a code again.",
    );
    await requestCode(me.accessToken, "email");
    const first = await latestCode(t(), me.poolId);
    await rejectsWith(
      verify(me.accessToken, "email", otherThan(first)),
      "CodeMismatchException",
      "Invalid verification code provided, please try again.",
    );
    await requestCode(me.accessToken, "email");
    const second = await latestCode(t(), me.poolId);
    if (second !== first) await rejectsWith(verify(me.accessToken, "email", first), "ExpiredCodeException");
    await verify(me.accessToken, "email", second);
    await rejectsWith(verify(me.accessToken, "email", second), "ExpiredCodeException");
  });

  it("lets a code expire after 24 hours", async () => {
    const me = await unverified("dee");
    await requestCode(me.accessToken, "email");
    const code = await latestCode(t(), me.poolId);
    t().clock.advance(24 * 3600_000 + 1000);
    // The access token has expired by then too: the user signs in again.
    const token = (await adminSignIn(t().client, me, "dee")).AuthenticationResult?.AccessToken ?? "";
    await rejectsWith(
      verify(token, "email", code),
      "ExpiredCodeException",
      "Invalid code provided, please request a code again.",
    );
    assert.equal((await attributesOf(t().client, me.poolId, "dee")).email_verified, undefined);
  });

  it("refuses a code once 5 wrong guesses are spent, even the right one", async () => {
    const me = await unverified("eli");
    await requestCode(me.accessToken, "email");
    const code = await latestCode(t(), me.poolId);
    for (let i = 0; i < 5; i++) await rejectsWith(verify(me.accessToken, "email", otherThan(code)), "CodeMismatchException");
    await rejectsWith(
      verify(me.accessToken, "email", code),
      "LimitExceededException",
      "Attempt limit exceeded, please try after some time.",
    );
    assert.equal((await attributesOf(t().client, me.poolId, "eli")).email_verified, undefined);
  });

  it("refuses an attribute that is not a contact, or one the user lacks", async () => {
    const me = await signedInUser(t().client, "fin", { email: "fin@example.com" });
    await rejectsWith(
      requestCode(me.accessToken, "name"),
      "InvalidParameterException",
      "invalid attribute name. Only phone_number and email can be verified",
    );
    await rejectsWith(verify(me.accessToken, "name", "123456"), "InvalidParameterException");
    await rejectsWith(
      requestCode(me.accessToken, "phone_number"),
      "InvalidParameterException",
      "User does not have a value for the attribute phone_number.",
    );
    assert.deepEqual(await outbox(t(), me.poolId), []);
  });

  it("does not let a code sent to an old email verify the address that replaced it", async () => {
    const me = await unverified("gil");
    await requestCode(me.accessToken, "email");
    const code = await latestCode(t(), me.poolId);
    await t().client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: me.poolId,
        Username: "gil",
        UserAttributes: [{ Name: "email", Value: "someone.else@example.com" }],
      }),
    );
    await rejectsWith(verify(me.accessToken, "email", code), "ExpiredCodeException");
    const attributes = await attributesOf(t().client, me.poolId, "gil");
    assert.equal(attributes.email, "someone.else@example.com");
    assert.equal(attributes.email_verified, "false");
  });

  it("sends a code again to an email change that is waiting for verification", async () => {
    const me = await signedInUser(
      t().client,
      "hana",
      { email: "hana@example.com", email_verified: "true" },
      {
        AutoVerifiedAttributes: ["email"],
        UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ["email"] },
      },
    );
    await t().client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: me.poolId,
        Username: "hana",
        UserAttributes: [{ Name: "email", Value: "hana.new@example.com" }],
      }),
    );
    await requestCode(me.accessToken, "email");
    const messages = await outbox(t(), me.poolId);
    assert.deepEqual(
      messages.map((m) => m.destination),
      ["hana.new@example.com", "hana.new@example.com"],
    );
    await verify(me.accessToken, "email", await latestCode(t(), me.poolId));
    const attributes = await attributesOf(t().client, me.poolId, "hana");
    assert.equal(attributes.email, "hana.new@example.com");
    assert.equal(attributes.email_verified, "true");
  });
});
