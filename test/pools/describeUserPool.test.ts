import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminCreateUserCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  UpdateUserPoolCommand,
  type UserPoolType,
} from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("DescribeUserPool", (t) => {
  it("returns the pool as CreateUserPool did, with the number of users", async () => {
    const poolId = await createPool(t().client, { AutoVerifiedAttributes: ["email"] });
    for (const name of ["ann", "bob"]) {
      await t().client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: name, MessageAction: "SUPPRESS" }));
    }
    const { UserPool: pool } = await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    assert.equal(pool?.Id, poolId);
    assert.deepEqual(pool?.AutoVerifiedAttributes, ["email"]);
    assert.equal(pool?.EstimatedNumberOfUsers, 2);
  });

  it("fills in Cognito's defaults for a minimal pool: what CreateUserPool returned, UserPoolTags {} and a password-only SignInPolicy", async () => {
    // Real DescribeUserPool answers of pools created without these settings carry "UserPoolTags": {}
    // (aws cognito-idp describe-user-pool output in kengraf/nadialin, and a 2025 boto3 answer in prowler's
    // test fixtures), and "SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD"]} (the latter).
    const { UserPool: created } = await t().client.send(new CreateUserPoolCommand({ PoolName: "minimal" }));
    const { UserPool: described } = await t().client.send(new DescribeUserPoolCommand({ UserPoolId: created?.Id }));
    assert.deepEqual(described, created);
    assert.deepEqual(described?.UserPoolTags, {});
    assert.deepEqual(described?.Policies?.SignInPolicy, { AllowedFirstAuthFactors: ["PASSWORD"] });
  });

  it("shows no drift when a deployment tool sends the described settings back with UpdateUserPool", async () => {
    const poolId = await createPool(t().client, {
      AutoVerifiedAttributes: ["email"],
      UserPoolTags: { team: "auth" },
      VerificationMessageTemplate: { EmailSubject: "Your code", EmailMessage: "Code: {####}" },
    });
    const describe = async (): Promise<UserPoolType> => {
      const { UserPool: pool } = await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
      assert.ok(pool);
      return pool;
    };
    const before = await describe();
    await t().client.send(
      new UpdateUserPoolCommand({
        UserPoolId: poolId,
        Policies: before.Policies,
        DeletionProtection: before.DeletionProtection,
        LambdaConfig: before.LambdaConfig,
        AutoVerifiedAttributes: before.AutoVerifiedAttributes,
        SmsVerificationMessage: before.SmsVerificationMessage,
        EmailVerificationMessage: before.EmailVerificationMessage,
        EmailVerificationSubject: before.EmailVerificationSubject,
        VerificationMessageTemplate: before.VerificationMessageTemplate,
        UserAttributeUpdateSettings: before.UserAttributeUpdateSettings,
        MfaConfiguration: before.MfaConfiguration,
        EmailConfiguration: before.EmailConfiguration,
        UserPoolTags: before.UserPoolTags,
        AdminCreateUserConfig: before.AdminCreateUserConfig,
        UserPoolTier: before.UserPoolTier,
      }),
    );
    const { LastModifiedDate: _after, ...after } = await describe();
    const { LastModifiedDate: _before, ...unchanged } = before;
    assert.deepEqual(after, unchanged);
  });

  it("answers an unknown pool with ResourceNotFoundException", async () => {
    await rejectsWith(
      t().client.send(new DescribeUserPoolCommand({ UserPoolId: "us-east-1_000000000" })),
      "ResourceNotFoundException",
      "User pool us-east-1_000000000 does not exist.",
    );
  });
});
