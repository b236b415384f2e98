import assert from "node:assert/strict";
import { it } from "node:test";
import {
  DeleteUserAttributesCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { signedInUser } from "../support/auth.js";
import { attributesOf, rejectsWith } from "../support/fixtures.js";
import { codeIn, outbox } from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

const asList = (attributes: Record<string, string>) => Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));

describeEachEngine("UpdateUserAttributes and DeleteUserAttributes with an access token", (t) => {
  const update = (token: string, attributes: Record<string, string>) =>
    t().client.send(new UpdateUserAttributesCommand({ AccessToken: token, UserAttributes: asList(attributes) }));
  const remove = (token: string, names: string[]) =>
    t().client.send(new DeleteUserAttributesCommand({ AccessToken: token, UserAttributeNames: names }));

  it("changes the signed-in user's attributes; GetUser and AdminGetUser read back what was written", async () => {
    const me = await signedInUser(
      t().client,
      "ann",
      { name: "Ann", nickname: "A" },
      {
        Schema: [{ Name: "beta", AttributeDataType: "Boolean" }],
      },
    );
    const output = await update(me.accessToken, { name: "Ann B", given_name: "Ann", nickname: "", "custom:beta": "True" });
    assert.equal(output.CodeDeliveryDetailsList, undefined);
    const own = await t().client.send(new GetUserCommand({ AccessToken: me.accessToken }));
    const ownAttributes = Object.fromEntries((own.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    assert.equal(ownAttributes.name, "Ann B");
    assert.equal(ownAttributes.given_name, "Ann");
    assert.equal(ownAttributes.nickname, undefined);
    assert.equal(ownAttributes["custom:beta"], "true");
    const { sub: _sub, ...admin } = await attributesOf(t().client, me.poolId, "ann");
    const { sub: _ownSub, ...self } = ownAttributes;
    assert.deepEqual(admin, self);
  });

  it("sends a code to a changed email and marks it unverified; VerifyUserAttribute verifies it", async () => {
    const me = await signedInUser(
      t().client,
      "bea",
      { email: "bea@example.com", email_verified: "true" },
      { AutoVerifiedAttributes: ["email"] },
    );
    const output = await update(me.accessToken, { email: "bea.new@example.com" });
    assert.deepEqual(output.CodeDeliveryDetailsList, [
      { Destination: "b***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" },
    ]);
    const [message] = await outbox(t(), me.poolId);
    assert.equal(message?.destination, "bea.new@example.com");
    assert.equal(message?.reason, "CustomMessage_UpdateUserAttribute");
    let attributes = await attributesOf(t().client, me.poolId, "bea");
    assert.equal(attributes.email, "bea.new@example.com");
    assert.equal(attributes.email_verified, "false");
    await t().client.send(
      new VerifyUserAttributeCommand({ AccessToken: me.accessToken, AttributeName: "email", Code: codeIn(message) }),
    );
    attributes = await attributesOf(t().client, me.poolId, "bea");
    assert.equal(attributes.email, "bea.new@example.com");
    assert.equal(attributes.email_verified, "true");
  });

  it("keeps the old verified email until the new one is verified when the pool requires it", async () => {
    const me = await signedInUser(
      t().client,
      "cat",
      { email: "cat@example.com", email_verified: "true" },
      {
        AutoVerifiedAttributes: ["email"],
        UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ["email"] },
      },
    );
    await update(me.accessToken, { email: "cat.new@example.com" });
    let attributes = await attributesOf(t().client, me.poolId, "cat");
    assert.equal(attributes.email, "cat@example.com");
    assert.equal(attributes.email_verified, "true");
    const [message] = await outbox(t(), me.poolId);
    assert.equal(message?.destination, "cat.new@example.com");
    await t().client.send(
      new VerifyUserAttributeCommand({ AccessToken: me.accessToken, AttributeName: "email", Code: codeIn(message) }),
    );
    attributes = await attributesOf(t().client, me.poolId, "cat");
    assert.equal(attributes.email, "cat.new@example.com");
    assert.equal(attributes.email_verified, "true");
  });

  it("writes only what the app client may write: its WriteAttributes, never a verified flag by default, never a developer-only attribute", async () => {
    const limited = await signedInUser(t().client, "dan", { email: "dan@example.com" }, {}, { WriteAttributes: ["name"] });
    await update(limited.accessToken, { name: "Dan" });
    await rejectsWith(
      update(limited.accessToken, { given_name: "Dan" }),
      "NotAuthorizedException",
      "A client attempted to write unauthorized attribute",
    );
    await rejectsWith(
      remove(limited.accessToken, ["email"]),
      "NotAuthorizedException",
      "A client attempted to write unauthorized attribute",
    );
    const open = await signedInUser(
      t().client,
      "eve",
      { email: "eve@example.com" },
      {
        Schema: [{ Name: "secret", AttributeDataType: "String", DeveloperOnlyAttribute: true }],
      },
    );
    await rejectsWith(
      update(open.accessToken, { email_verified: "true" }),
      "NotAuthorizedException",
      "A client attempted to write unauthorized attribute",
    );
    await rejectsWith(
      update(open.accessToken, { "dev:custom:secret": "x" }),
      "NotAuthorizedException",
      "A client attempted to write unauthorized attribute",
    );
    assert.equal((await attributesOf(t().client, open.poolId, "eve")).email_verified, undefined);
    assert.equal((await attributesOf(t().client, limited.poolId, "dan")).name, "Dan");
  });

  it("refuses unknown and immutable attributes and a malformed email, and changes nothing", async () => {
    const me = await signedInUser(
      t().client,
      "fay",
      { email: "fay@example.com" },
      {
        Schema: [{ Name: "origin", AttributeDataType: "String", Mutable: false }],
      },
    );
    await rejectsWith(
      update(me.accessToken, { name: "Fay", "custom:nope": "x" }),
      "InvalidParameterException",
      "Attributes did not conform to the schema: user.custom:nope: Attribute does not exist in the schema.",
    );
    await rejectsWith(
      update(me.accessToken, { "custom:origin": "x" }),
      "InvalidParameterException",
      "Attributes did not conform to the schema: user.custom:origin: Attribute cannot be updated.",
    );
    await rejectsWith(
      update(me.accessToken, { email: "not-an-email" }),
      "InvalidParameterException",
      "Invalid email address format.",
    );
    const attributes = await attributesOf(t().client, me.poolId, "fay");
    assert.equal(attributes.name, undefined);
    assert.equal(attributes.email, "fay@example.com");
  });

  it("DeleteUserAttributes removes attributes, with a contact's verified flag, but not a required one", async () => {
    const me = await signedInUser(
      t().client,
      "gus",
      { email: "gus@example.com", email_verified: "true", name: "Gus", nickname: "G" },
      { Schema: [{ Name: "name", AttributeDataType: "String", Required: true, Mutable: true }] },
    );
    await remove(me.accessToken, ["nickname", "email"]);
    let attributes = await attributesOf(t().client, me.poolId, "gus");
    assert.equal(attributes.nickname, undefined);
    assert.equal(attributes.email, undefined);
    assert.equal(attributes.email_verified, undefined);
    await rejectsWith(
      remove(me.accessToken, ["name"]),
      "InvalidParameterException",
      "Attributes did not conform to the schema: user.name: The attribute is required",
    );
    attributes = await attributesOf(t().client, me.poolId, "gus");
    assert.equal(attributes.name, "Gus");
  });

  it("refuses an invalid or revoked access token", async () => {
    const me = await signedInUser(t().client, "hal");
    await rejectsWith(update("not.a.jwt", { name: "x" }), "NotAuthorizedException", "Invalid Access Token");
    await rejectsWith(remove("not.a.jwt", ["name"]), "NotAuthorizedException", "Invalid Access Token");
    await t().client.send(new GlobalSignOutCommand({ AccessToken: me.accessToken }));
    await rejectsWith(update(me.accessToken, { name: "x" }), "NotAuthorizedException", "Access Token has been revoked");
    await rejectsWith(remove(me.accessToken, ["name"]), "NotAuthorizedException", "Access Token has been revoked");
  });
});
