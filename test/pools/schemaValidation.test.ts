import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AddCustomAttributesCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  ListUserPoolsCommand,
  type SchemaAttributeType,
} from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

/** Schema entries of CreateUserPool and AddCustomAttributes are checked before anything is stored (messages as moto records Cognito's). */
describeEachEngine("Schema validation", (t) => {
  const REFUSALS: [string, SchemaAttributeType, string][] = [
    [
      "a standard attribute's data type changed",
      { Name: "email", AttributeDataType: "Number" },
      "You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute email",
    ],
    [
      "a standard attribute made developer-only",
      { Name: "email", AttributeDataType: "String", DeveloperOnlyAttribute: true },
      "You can not change AttributeDataType or set developerOnlyAttribute for standard schema attribute email",
    ],
    [
      "a string length that is not a number",
      { Name: "nick", AttributeDataType: "String", StringAttributeConstraints: { MaxLength: "ten" } },
      "Invalid StringAttributeConstraints for schema attribute custom:nick",
    ],
    [
      "a negative string length",
      { Name: "nick", AttributeDataType: "String", StringAttributeConstraints: { MinLength: "-1" } },
      "Invalid StringAttributeConstraints for schema attribute custom:nick",
    ],
    [
      "a string length over 2048",
      { Name: "nick", AttributeDataType: "String", StringAttributeConstraints: { MaxLength: "2049" } },
      "user.custom:nick: String attributes cannot have a length of more than 2048",
    ],
    [
      "MinLength above MaxLength",
      { Name: "nick", AttributeDataType: "String", StringAttributeConstraints: { MinLength: "9", MaxLength: "3" } },
      "user.custom:nick: Max length cannot be less than min length.",
    ],
    [
      "a standard attribute's MaxLength below its MinLength",
      { Name: "birthdate", AttributeDataType: "String", StringAttributeConstraints: { MaxLength: "5" } },
      "user.birthdate: Max length cannot be less than min length.",
    ],
    [
      "a number bound that is not a number",
      { Name: "level", AttributeDataType: "Number", NumberAttributeConstraints: { MinValue: "1.5" } },
      "Invalid NumberAttributeConstraints for schema attribute custom:level",
    ],
    [
      "MinValue above MaxValue",
      { Name: "level", AttributeDataType: "Number", NumberAttributeConstraints: { MinValue: "10", MaxValue: "2" } },
      "user.custom:level: Max value cannot be less than min value.",
    ],
  ];

  for (const [what, entry, message] of REFUSALS) {
    it(`CreateUserPool refuses ${what}, and creates nothing`, async () => {
      const before = await t().client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
      await rejectsWith(
        t().client.send(new CreateUserPoolCommand({ PoolName: "refused", Schema: [entry] })),
        "InvalidParameterException",
        message,
      );
      const after = await t().client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
      assert.equal(after.UserPools?.length, before.UserPools?.length);
    });
  }

  it("AddCustomAttributes refuses an invalid constraint, and the schema stays as it was", async () => {
    const poolId = await createPool(t().client);
    const before = (await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool;
    await rejectsWith(
      t().client.send(
        new AddCustomAttributesCommand({
          UserPoolId: poolId,
          CustomAttributes: [
            { Name: "fine", AttributeDataType: "String" },
            { Name: "bad", AttributeDataType: "String", StringAttributeConstraints: { MinLength: "5", MaxLength: "4" } },
          ],
        }),
      ),
      "InvalidParameterException",
      "user.custom:bad: Max length cannot be less than min length.",
    );
    const after = (await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool;
    assert.deepEqual(after?.SchemaAttributes, before?.SchemaAttributes);
    assert.deepEqual(after?.LastModifiedDate, before?.LastModifiedDate);
  });

  it("stores constraints as numbers, whatever their spelling, and echoes what it stored", async () => {
    const { UserPool: created } = await t().client.send(
      new CreateUserPoolCommand({
        PoolName: "canonical",
        Schema: [
          { Name: "nick", AttributeDataType: "String", StringAttributeConstraints: { MinLength: "01", MaxLength: "" } },
          { Name: "level", AttributeDataType: "Number", NumberAttributeConstraints: { MinValue: "-5", MaxValue: "0010" } },
          { Name: "email", AttributeDataType: "String", Required: true, StringAttributeConstraints: { MinLength: "5" } },
        ],
      }),
    );
    const described = (await t().client.send(new DescribeUserPoolCommand({ UserPoolId: created?.Id }))).UserPool;
    const byName = new Map(described?.SchemaAttributes?.map((a) => [a.Name, a]));
    assert.deepEqual(byName.get("custom:nick")?.StringAttributeConstraints, { MinLength: "1" });
    assert.deepEqual(byName.get("custom:level")?.NumberAttributeConstraints, { MinValue: "-5", MaxValue: "10" });
    assert.deepEqual(byName.get("email")?.StringAttributeConstraints, { MinLength: "5", MaxLength: "2048" });
    assert.deepEqual(described?.SchemaAttributes, created?.SchemaAttributes);
  });
});
