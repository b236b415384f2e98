import assert from "node:assert/strict";
import { it } from "node:test";
import { AdminDeleteUserAttributesCommand, AdminGetUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { attributesOf, createPool, createUser, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("AdminDeleteUserAttributes", (t) => {
  const remove = (poolId: string, username: string, names: string[]) =>
    t().client.send(new AdminDeleteUserAttributesCommand({ UserPoolId: poolId, Username: username, UserAttributeNames: names }));

  it("removes the named attributes, and the verified flag with its email", async () => {
    const poolId = await createPool(t().client, { Schema: [{ Name: "team", AttributeDataType: "String" }] });
    await createUser(t().client, poolId, "zed", {
      email: "zed@example.com",
      email_verified: "true",
      "custom:team": "core",
      nickname: "Z",
    });
    await remove(poolId, "zed", ["email", "custom:team"]);
    const attributes = await attributesOf(t().client, poolId, "zed");
    assert.deepEqual(Object.keys(attributes).sort(), ["nickname", "sub"]);
  });

  it("makes an email alias unusable once removed", async () => {
    const poolId = await createPool(t().client, { AliasAttributes: ["email"] });
    await createUser(t().client, poolId, "amy", { email: "amy@example.com", email_verified: "true" });
    assert.equal(
      (await t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "amy@example.com" }))).Username,
      "amy",
    );
    await remove(poolId, "amy", ["email"]);
    await rejectsWith(
      t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "amy@example.com" })),
      "UserNotFoundException",
    );
  });

  it("refuses sub, required, immutable and unknown attributes and changes nothing", async () => {
    const poolId = await createPool(t().client, {
      Schema: [
        { Name: "email", AttributeDataType: "String", Required: true, Mutable: true },
        { Name: "tenant", AttributeDataType: "String", Mutable: false },
      ],
    });
    await createUser(t().client, poolId, "bea", { email: "bea@example.com", "custom:tenant": "acme" });
    await rejectsWith(remove(poolId, "bea", ["sub"]), "InvalidParameterException");
    await rejectsWith(remove(poolId, "bea", ["email"]), "InvalidParameterException", /email: The attribute is required/);
    await rejectsWith(remove(poolId, "bea", ["custom:tenant"]), "InvalidParameterException", /Attribute cannot be updated/);
    await rejectsWith(remove(poolId, "bea", ["custom:nope"]), "InvalidParameterException", /does not exist in the schema/);
    const attributes = await attributesOf(t().client, poolId, "bea");
    assert.equal(attributes.email, "bea@example.com");
    assert.equal(attributes["custom:tenant"], "acme");
  });

  it("answers an unknown user with UserNotFoundException", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(remove(poolId, "ghost", ["name"]), "UserNotFoundException");
  });
});
