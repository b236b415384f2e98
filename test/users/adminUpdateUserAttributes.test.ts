import assert from "node:assert/strict";
import { it } from "node:test";
import { AdminGetUserCommand, AdminUpdateUserAttributesCommand } from "@aws-sdk/client-cognito-identity-provider";
import { attributesOf, createPool, createUser, rejectsWith } from "../support/fixtures.js";
import { outbox } from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("AdminUpdateUserAttributes", (t) => {
  const update = (poolId: string, username: string, attributes: Record<string, string>) =>
    t().client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username: username,
        UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
      }),
    );

  it("upserts attributes, removes those given an empty value, and moves UserLastModifiedDate", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "ulla", { name: "Ulla", nickname: "U" });
    t().clock.advance(2000);
    await update(poolId, "ulla", { name: "Ulla B", given_name: "Ulla", nickname: "" });
    const user = await t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "ulla" }));
    const attributes = Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    assert.equal(attributes.name, "Ulla B");
    assert.equal(attributes.given_name, "Ulla");
    assert.equal(attributes.nickname, undefined);
    assert.equal((user.UserLastModifiedDate?.getTime() ?? 0) - (user.UserCreateDate?.getTime() ?? 0), 2000);
  });

  it("marks a changed email unverified, and sends a code to it when the pool auto-verifies email", async () => {
    const poolId = await createPool(t().client, { AutoVerifiedAttributes: ["email"] });
    await createUser(t().client, poolId, "vic", { email: "old@example.com", email_verified: "true" });
    await update(poolId, "vic", { email: "new@example.com" });
    const attributes = await attributesOf(t().client, poolId, "vic");
    assert.equal(attributes.email, "new@example.com");
    assert.equal(attributes.email_verified, "false");
    const messages = await outbox(t(), poolId);
    assert.equal(messages.length, 1);
    assert.equal(messages[0]?.destination, "new@example.com");
    assert.equal(messages[0]?.reason, "CustomMessage_UpdateUserAttribute");
    assert.equal(messages[0]?.subject, "Your verification code");
    assert.match(messages[0]?.body ?? "", /^Your verification code is \d{6}\. $/);
  });

  it("keeps an email verified and sends nothing when the same request sets email_verified", async () => {
    const poolId = await createPool(t().client, { AutoVerifiedAttributes: ["email"] });
    await createUser(t().client, poolId, "wes", { email: "old@example.com", email_verified: "true" });
    await update(poolId, "wes", { email: "new@example.com", email_verified: "true" });
    const attributes = await attributesOf(t().client, poolId, "wes");
    assert.equal(attributes.email, "new@example.com");
    assert.equal(attributes.email_verified, "true");
    assert.deepEqual(await outbox(t(), poolId), []);
  });

  it("keeps the old verified email until the new one is verified when the pool requires it", async () => {
    const poolId = await createPool(t().client, {
      AutoVerifiedAttributes: ["email"],
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ["email"] },
    });
    await createUser(t().client, poolId, "xia", { email: "old@example.com", email_verified: "true" });
    await update(poolId, "xia", { email: "new@example.com" });
    const attributes = await attributesOf(t().client, poolId, "xia");
    assert.equal(attributes.email, "old@example.com");
    assert.equal(attributes.email_verified, "true");
    const messages = await outbox(t(), poolId);
    assert.equal(messages[0]?.destination, "new@example.com");
  });

  it("treats an email that differs only in case as unchanged in a case-insensitive pool", async () => {
    const poolId = await createPool(t().client, {
      AutoVerifiedAttributes: ["email"],
      UsernameConfiguration: { CaseSensitive: false },
    });
    await createUser(t().client, poolId, "bob", { email: "bob@example.com", email_verified: "true" });
    await update(poolId, "bob", { email: "Bob@Example.com" });
    const attributes = await attributesOf(t().client, poolId, "bob");
    assert.equal(attributes.email, "bob@example.com");
    assert.equal(attributes.email_verified, "true");
    assert.deepEqual(await outbox(t(), poolId), []);
  });

  it("refuses an email alias another user holds with AliasExistsException", async () => {
    const poolId = await createPool(t().client, { AliasAttributes: ["email"] });
    await createUser(t().client, poolId, "holder", { email: "shared@example.com", email_verified: "true" });
    await createUser(t().client, poolId, "taker", { email: "mine@example.com" });
    await rejectsWith(
      update(poolId, "taker", { email: "shared@example.com", email_verified: "true" }),
      "AliasExistsException",
      "An account with the email already exists.",
    );
    assert.equal((await attributesOf(t().client, poolId, "taker")).email, "mine@example.com");
  });

  it("refuses immutable, unknown and required attributes, and a verified flag without its contact", async () => {
    const poolId = await createPool(t().client, {
      Schema: [
        { Name: "tenant", AttributeDataType: "String", Mutable: false },
        { Name: "name", AttributeDataType: "String", Required: true, Mutable: true },
      ],
    });
    await createUser(t().client, poolId, "yan", { "custom:tenant": "acme", name: "Yan" });
    await rejectsWith(
      update(poolId, "yan", { "custom:tenant": "other" }),
      "InvalidParameterException",
      "Attributes did not conform to the schema: user.custom:tenant: Attribute cannot be updated.",
    );
    await rejectsWith(
      update(poolId, "yan", { "custom:nope": "x" }),
      "InvalidParameterException",
      "Attributes did not conform to the schema: user.custom:nope: Attribute does not exist in the schema.",
    );
    await rejectsWith(
      update(poolId, "yan", { sub: "x" }),
      "InvalidParameterException",
      "Cannot modify the non-mutable attribute sub",
    );
    await rejectsWith(
      update(poolId, "yan", { name: "" }),
      "InvalidParameterException",
      "Attributes did not conform to the schema: user.name: The attribute is required",
    );
    await rejectsWith(
      update(poolId, "yan", { email_verified: "true" }),
      "InvalidParameterException",
      "Email is required to verify/un-verify an email",
    );
    await rejectsWith(
      update(poolId, "yan", { phone_number: "555-1234" }),
      "InvalidParameterException",
      "Invalid phone number format.",
    );
    assert.deepEqual(
      { ...(await attributesOf(t().client, poolId, "yan")), sub: "" },
      { sub: "", "custom:tenant": "acme", name: "Yan" },
    );
  });

  it("answers an unknown user with UserNotFoundException", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(update(poolId, "ghost", { name: "x" }), "UserNotFoundException");
  });
});
