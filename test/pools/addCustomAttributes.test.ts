import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AddCustomAttributesCommand,
  AdminUpdateUserAttributesCommand,
  DescribeUserPoolCommand,
  type SchemaAttributeType,
} from "@aws-sdk/client-cognito-identity-provider";
import { attributesOf, createPool, createUser, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("AddCustomAttributes", (t) => {
  const add = (poolId: string, CustomAttributes: SchemaAttributeType[]) =>
    t().client.send(new AddCustomAttributesCommand({ UserPoolId: poolId, CustomAttributes }));
  const schemaOf = async (poolId: string) =>
    (await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.SchemaAttributes ?? [];

  it("appends custom:<name> attributes that DescribeUserPool lists and users can hold at once", async () => {
    const poolId = await createPool(t().client);
    t().clock.advance(1000);
    const output = await add(poolId, [
      { Name: "tier", AttributeDataType: "String", Mutable: true, StringAttributeConstraints: { MaxLength: "16" } },
      { Name: "score", AttributeDataType: "Number", NumberAttributeConstraints: { MinValue: "0", MaxValue: "100" } },
      { Name: "beta", AttributeDataType: "Boolean" },
      { Name: "secret", AttributeDataType: "String", DeveloperOnlyAttribute: true },
    ]);
    assert.deepEqual(
      Object.keys(output).filter((k) => k !== "$metadata"),
      [],
    );
    const schema = await schemaOf(poolId);
    assert.deepEqual(
      schema.slice(-4).map((a) => a.Name),
      ["custom:tier", "custom:score", "custom:beta", "dev:custom:secret"],
    );
    assert.deepEqual(schema.at(-4), {
      Name: "custom:tier",
      AttributeDataType: "String",
      DeveloperOnlyAttribute: false,
      Mutable: true,
      Required: false,
      StringAttributeConstraints: { MaxLength: "16" },
    });
    assert.deepEqual(schema.at(-3)?.NumberAttributeConstraints, { MinValue: "0", MaxValue: "100" });
    assert.equal(schema.at(-1)?.DeveloperOnlyAttribute, true);
    const pool = (await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool;
    assert.equal((pool?.LastModifiedDate?.getTime() ?? 0) - (pool?.CreationDate?.getTime() ?? 0), 1000);

    await createUser(t().client, poolId, "holder", { "custom:tier": "gold", "custom:score": "42", "custom:beta": "true" });
    const attributes = await attributesOf(t().client, poolId, "holder");
    assert.equal(attributes["custom:tier"], "gold");
    assert.equal(attributes["custom:score"], "42");
    await rejectsWith(
      createUser(t().client, poolId, "over", { "custom:score": "101" }),
      "InvalidParameterException",
      "Attributes did not conform to the schema: custom:score: Number must be less than or equal to 100",
    );
  });

  it("makes a custom attribute of a standard name, and refuses an attribute the pool has already", async () => {
    const poolId = await createPool(t().client, { Schema: [{ Name: "tier", AttributeDataType: "String" }] });
    await add(poolId, [{ Name: "email", AttributeDataType: "String" }]);
    assert.ok((await schemaOf(poolId)).some((a) => a.Name === "custom:email"));
    await rejectsWith(
      add(poolId, [{ Name: "tier", AttributeDataType: "String" }]),
      "InvalidParameterException",
      "custom:tier: Existing attribute already has name custom:tier.",
    );
    await add(poolId, [{ Name: "hidden", AttributeDataType: "String", DeveloperOnlyAttribute: true }]);
    await rejectsWith(
      add(poolId, [{ Name: "hidden", AttributeDataType: "String", DeveloperOnlyAttribute: true }]),
      "InvalidParameterException",
      "custom:hidden: Existing attribute already has name dev:custom:hidden.",
    );
  });

  it("refuses required attributes and names over 20 characters, and adds none of the request", async () => {
    const poolId = await createPool(t().client);
    const before = await schemaOf(poolId);
    await rejectsWith(
      add(poolId, [
        { Name: "ok", AttributeDataType: "String" },
        { Name: "must", AttributeDataType: "String", Required: true },
      ]),
      "InvalidParameterException",
      "Required custom attributes are not supported currently.",
    );
    await rejectsWith(
      add(poolId, [{ Name: "a".repeat(21), AttributeDataType: "String" }]),
      "InvalidParameterException",
      /^1 validation error detected: .*customAttributes\.1\.member\.name.*length less than or equal to 20/,
    );
    await add(poolId, [{ Name: "b".repeat(20), AttributeDataType: "String" }]);
    assert.equal((await schemaOf(poolId)).length, before.length + 1);
  });

  it("keeps a pool to 50 custom attributes", async () => {
    const poolId = await createPool(t().client, { Schema: [{ Name: "first", AttributeDataType: "String" }] });
    const batch = (from: number) =>
      Array.from({ length: 25 }, (_, i): SchemaAttributeType => ({ Name: `attr${from + i}`, AttributeDataType: "String" }));
    await add(poolId, batch(0));
    await rejectsWith(add(poolId, batch(25)), "InvalidParameterException", "A user pool can have at most 50 custom attributes.");
    await add(poolId, batch(25).slice(0, 24));
    assert.equal((await schemaOf(poolId)).filter((a) => a.Name?.startsWith("custom:")).length, 50);
    await rejectsWith(
      add(poolId, [{ Name: "one_more", AttributeDataType: "String" }]),
      "InvalidParameterException",
      "A user pool can have at most 50 custom attributes.",
    );
  });

  it("adds an immutable attribute that is written at creation and cannot be updated", async () => {
    const poolId = await createPool(t().client);
    await add(poolId, [{ Name: "origin", AttributeDataType: "String", Mutable: false }]);
    await createUser(t().client, poolId, "fixed", { "custom:origin": "import" });
    await rejectsWith(
      t().client.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: poolId,
          Username: "fixed",
          UserAttributes: [{ Name: "custom:origin", Value: "other" }],
        }),
      ),
      "InvalidParameterException",
      "Attributes did not conform to the schema: user.custom:origin: Attribute cannot be updated.",
    );
  });

  it("answers an unknown pool with ResourceNotFoundException", async () => {
    await rejectsWith(
      add("us-east-1_nope00000", [{ Name: "x", AttributeDataType: "String" }]),
      "ResourceNotFoundException",
      "User pool us-east-1_nope00000 does not exist.",
    );
  });
});
