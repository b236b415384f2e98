import assert from "node:assert/strict";
import { it } from "node:test";
import { CreateUserPoolCommand, ListUserPoolsCommand } from "@aws-sdk/client-cognito-identity-provider";
import { rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("CreateUserPool", (t) => {
  it("creates a pool with Cognito's defaults when only PoolName is given", async () => {
    const { UserPool: pool } = await t().client.send(new CreateUserPoolCommand({ PoolName: "defaults" }));
    assert.ok(pool);
    assert.match(pool.Id ?? "", /^us-east-1_[0-9A-Za-z]{9}$/);
    assert.equal(pool.Arn, `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${pool.Id}`);
    assert.equal(pool.Name, "defaults");
    assert.deepEqual(pool.Policies, {
      PasswordPolicy: {
        MinimumLength: 8,
        RequireUppercase: true,
        RequireLowercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        TemporaryPasswordValidityDays: 7,
      },
      SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD"] },
    });
    assert.equal(pool.DeletionProtection, "INACTIVE");
    assert.deepEqual(pool.LambdaConfig, {});
    assert.equal(pool.MfaConfiguration, "OFF");
    assert.equal(pool.EstimatedNumberOfUsers, 0);
    assert.deepEqual(pool.VerificationMessageTemplate, { DefaultEmailOption: "CONFIRM_WITH_CODE" });
    assert.deepEqual(pool.UserAttributeUpdateSettings, { AttributesRequireVerificationBeforeUpdate: [] });
    assert.deepEqual(pool.EmailConfiguration, { EmailSendingAccount: "COGNITO_DEFAULT" });
    assert.deepEqual(pool.AdminCreateUserConfig, { AllowAdminCreateUserOnly: false, UnusedAccountValidityDays: 7 });
    assert.equal(pool.UserPoolTier, "ESSENTIALS");
    assert.equal(pool.UsernameConfiguration, undefined);
    assert.equal(pool.AliasAttributes, undefined);
    assert.ok(pool.CreationDate instanceof Date);
    assert.deepEqual(pool.CreationDate, pool.LastModifiedDate);
  });

  it("lists the 20 standard attributes in Cognito's order, sub first", async () => {
    const { UserPool: pool } = await t().client.send(new CreateUserPoolCommand({ PoolName: "schema" }));
    const names = pool?.SchemaAttributes?.map((a) => a.Name);
    assert.deepEqual(names, [
      "sub",
      "name",
      "given_name",
      "family_name",
      "middle_name",
      "nickname",
      "preferred_username",
      "profile",
      "picture",
      "website",
      "email",
      "email_verified",
      "gender",
      "birthdate",
      "zoneinfo",
      "locale",
      "phone_number",
      "phone_number_verified",
      "address",
      "updated_at",
    ]);
    assert.deepEqual(pool?.SchemaAttributes?.[0], {
      Name: "sub",
      AttributeDataType: "String",
      DeveloperOnlyAttribute: false,
      Mutable: false,
      Required: true,
      StringAttributeConstraints: { MinLength: "1", MaxLength: "2048" },
    });
  });

  it("adds custom attributes as custom:<name> and can make a standard attribute required", async () => {
    const { UserPool: pool } = await t().client.send(
      new CreateUserPoolCommand({
        PoolName: "custom",
        Schema: [
          { Name: "email", AttributeDataType: "String", Required: true, Mutable: true },
          { Name: "tenant", AttributeDataType: "String", Mutable: false, StringAttributeConstraints: { MaxLength: "40" } },
          { Name: "level", AttributeDataType: "Number", NumberAttributeConstraints: { MinValue: "1", MaxValue: "9" } },
          { Name: "secret", AttributeDataType: "String", DeveloperOnlyAttribute: true },
        ],
      }),
    );
    const byName = new Map(pool?.SchemaAttributes?.map((a) => [a.Name, a]));
    assert.equal(byName.get("email")?.Required, true);
    assert.deepEqual(byName.get("custom:tenant"), {
      Name: "custom:tenant",
      AttributeDataType: "String",
      DeveloperOnlyAttribute: false,
      Mutable: false,
      Required: false,
      StringAttributeConstraints: { MaxLength: "40" },
    });
    assert.deepEqual(byName.get("custom:level")?.NumberAttributeConstraints, { MinValue: "1", MaxValue: "9" });
    assert.equal(byName.get("dev:custom:secret")?.DeveloperOnlyAttribute, true);
  });

  it("refuses a required custom attribute", async () => {
    await rejectsWith(
      t().client.send(
        new CreateUserPoolCommand({ PoolName: "x", Schema: [{ Name: "tenant", AttributeDataType: "String", Required: true }] }),
      ),
      "InvalidParameterException",
      "Required custom attributes are not supported currently.",
    );
  });

  it("refuses AliasAttributes together with UsernameAttributes", async () => {
    await rejectsWith(
      t().client.send(new CreateUserPoolCommand({ PoolName: "x", AliasAttributes: ["email"], UsernameAttributes: ["email"] })),
      "InvalidParameterException",
    );
  });

  it("keeps a password policy as sent: unset requirements are off", async () => {
    const { UserPool: pool } = await t().client.send(
      new CreateUserPoolCommand({
        PoolName: "policy",
        Policies: { PasswordPolicy: { MinimumLength: 12, RequireNumbers: true } },
      }),
    );
    assert.deepEqual(pool?.Policies?.PasswordPolicy, {
      MinimumLength: 12,
      RequireUppercase: false,
      RequireLowercase: false,
      RequireNumbers: true,
      RequireSymbols: false,
      TemporaryPasswordValidityDays: 7,
    });
  });

  it("answers a bad PoolName with the model's constraint, and creates nothing", async () => {
    const before = (await t().client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools?.length;
    await rejectsWith(
      t().client.send(new CreateUserPoolCommand({ PoolName: "bad/name" })),
      "InvalidParameterException",
      "1 validation error detected: Value 'bad/name' at 'poolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+",
    );
    await rejectsWith(
      t().client.send(new CreateUserPoolCommand({ PoolName: "x", Policies: { PasswordPolicy: { MinimumLength: 5 } } })),
      "InvalidParameterException",
      /minimumLength/,
    );
    assert.equal((await t().client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools?.length, before);
  });

  it("refuses MFA ON without an SMS configuration", async () => {
    await rejectsWith(
      t().client.send(new CreateUserPoolCommand({ PoolName: "mfa", MfaConfiguration: "ON" })),
      "InvalidParameterException",
    );
  });
});
