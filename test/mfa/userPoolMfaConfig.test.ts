import assert from "node:assert/strict";
import { it } from "node:test";
import {
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
  SetUserPoolMfaConfigCommand,
  type SetUserPoolMfaConfigCommandInput,
  UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createPool, rejectsWith } from "../support/fixtures.js";
import { setPoolMfa } from "../support/mfa.js";
import { describeEachEngine } from "../support/testServer.js";

const SMS_CONFIGURATION = { SnsCallerArn: "arn:aws:iam::123456789012:role/sms", ExternalId: "external", SnsRegion: "us-east-1" };
const DEVELOPER_EMAIL = {
  EmailSendingAccount: "DEVELOPER" as const,
  SourceArn: "arn:aws:ses:us-east-1:123456789012:identity/mail@example.com",
};

describeEachEngine("SetUserPoolMfaConfig / GetUserPoolMfaConfig", (t) => {
  const getConfig = async (poolId: string) => {
    const { $metadata: _metadata, ...config } = await t().client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
    return config;
  };
  const describe = async (poolId: string) => {
    const { UserPool } = await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    assert.ok(UserPool);
    return UserPool;
  };
  const set = (input: Omit<SetUserPoolMfaConfigCommandInput, "UserPoolId">, poolId: string) =>
    t().client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, ...input }));

  it("reports a new pool's MFA as OFF with TOTP not enabled", async () => {
    const poolId = await createPool(t().client);
    assert.deepEqual(await getConfig(poolId), { MfaConfiguration: "OFF", SoftwareTokenMfaConfiguration: { Enabled: false } });
  });

  it("turns on TOTP MFA: Set answers the configuration, Get and DescribeUserPool agree", async () => {
    const poolId = await createPool(t().client);
    const { $metadata: _metadata, ...answer } = await set(
      { MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } },
      poolId,
    );
    const expected = { MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } };
    assert.deepEqual(answer, expected);
    assert.deepEqual(await getConfig(poolId), expected);
    const pool = await describe(poolId);
    assert.equal(pool.MfaConfiguration, "OPTIONAL");
    // UserPoolType has no member for the TOTP setting: only GetUserPoolMfaConfig shows it.
    assert.equal((pool as Record<string, unknown>).SoftwareTokenMfaConfiguration, undefined);
    assert.equal((pool as Record<string, unknown>).MfaFactors, undefined);
  });

  it("keeps SMS MFA's message and SMS configuration where DescribeUserPool shows them too", async () => {
    const poolId = await createPool(t().client);
    const sms = { SmsAuthenticationMessage: "Your sign-in code is {####}", SmsConfiguration: SMS_CONFIGURATION };
    await set({ MfaConfiguration: "ON", SmsMfaConfiguration: sms }, poolId);
    assert.deepEqual(await getConfig(poolId), {
      MfaConfiguration: "ON",
      SmsMfaConfiguration: sms,
      SoftwareTokenMfaConfiguration: { Enabled: false },
    });
    const pool = await describe(poolId);
    assert.equal(pool.MfaConfiguration, "ON");
    assert.equal(pool.SmsAuthenticationMessage, sms.SmsAuthenticationMessage);
    assert.deepEqual(pool.SmsConfiguration, SMS_CONFIGURATION);
  });

  it("keeps email MFA's message and subject for a pool that sends email as a developer", async () => {
    const poolId = await createPool(t().client, { EmailConfiguration: DEVELOPER_EMAIL });
    const email = { Message: "Your code: {####}", Subject: "Sign-in code" };
    await set({ MfaConfiguration: "OPTIONAL", EmailMfaConfiguration: email }, poolId);
    assert.deepEqual(await getConfig(poolId), {
      MfaConfiguration: "OPTIONAL",
      EmailMfaConfiguration: email,
      SoftwareTokenMfaConfiguration: { Enabled: false },
    });
  });

  it("replaces the factors: a factor block left out turns that factor off", async () => {
    const poolId = await createPool(t().client);
    await set(
      {
        MfaConfiguration: "OPTIONAL",
        SmsMfaConfiguration: { SmsConfiguration: SMS_CONFIGURATION },
        SoftwareTokenMfaConfiguration: { Enabled: true },
      },
      poolId,
    );
    await set({ MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: true } }, poolId);
    assert.equal((await getConfig(poolId)).SmsMfaConfiguration, undefined);
    assert.deepEqual((await getConfig(poolId)).SoftwareTokenMfaConfiguration, { Enabled: true });
  });

  it("stores the WebAuthn configuration, with MFA OFF too, and keeps it when a later request leaves it out", async () => {
    const poolId = await createPool(t().client);
    const webAuthn = { RelyingPartyId: "auth.example.com", UserVerification: "required" as const };
    await set({ MfaConfiguration: "OFF", WebAuthnConfiguration: webAuthn }, poolId);
    assert.deepEqual((await getConfig(poolId)).WebAuthnConfiguration, webAuthn);
    await setPoolMfa(t().client, poolId);
    assert.deepEqual(await getConfig(poolId), {
      MfaConfiguration: "OPTIONAL",
      SoftwareTokenMfaConfiguration: { Enabled: true },
      WebAuthnConfiguration: webAuthn,
    });
  });

  it("refuses MFA ON or OPTIONAL with no factor, and changes nothing", async () => {
    const poolId = await createPool(t().client);
    await setPoolMfa(t().client, poolId);
    const before = await getConfig(poolId);
    const message = "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.";
    await rejectsWith(set({ MfaConfiguration: "ON" }, poolId), "InvalidParameterException", message);
    await rejectsWith(
      set({ MfaConfiguration: "OPTIONAL", SoftwareTokenMfaConfiguration: { Enabled: false } }, poolId),
      "InvalidParameterException",
      message,
    );
    assert.deepEqual(await getConfig(poolId), before);
  });

  it("refuses MFA OFF together with an MFA factor", async () => {
    const poolId = await createPool(t().client, { EmailConfiguration: DEVELOPER_EMAIL });
    const message = "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.";
    await rejectsWith(
      set({ MfaConfiguration: "OFF", SoftwareTokenMfaConfiguration: { Enabled: true } }, poolId),
      "InvalidParameterException",
      message,
    );
    await rejectsWith(
      set({ MfaConfiguration: "OFF", EmailMfaConfiguration: { Message: "Code {####}" } }, poolId),
      "InvalidParameterException",
      message,
    );
    assert.equal((await getConfig(poolId)).MfaConfiguration, "OFF");
  });

  it("refuses an SMS or email message without the {####} placeholder", async () => {
    const poolId = await createPool(t().client, { EmailConfiguration: DEVELOPER_EMAIL });
    await rejectsWith(
      set({ MfaConfiguration: "ON", SmsMfaConfiguration: { SmsAuthenticationMessage: "no code here" } }, poolId),
      "InvalidParameterException",
      /smsMfaConfiguration\.smsAuthenticationMessage' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
    await rejectsWith(
      set({ MfaConfiguration: "ON", EmailMfaConfiguration: { Message: "no code here" } }, poolId),
      "InvalidParameterException",
      /emailMfaConfiguration\.message' failed to satisfy constraint/,
    );
  });

  it("refuses email MFA on the Lite plan with FeatureUnavailableInTierException", async () => {
    const poolId = await createPool(t().client, { EmailConfiguration: DEVELOPER_EMAIL, UserPoolTier: "LITE" });
    await rejectsWith(
      set({ MfaConfiguration: "OPTIONAL", EmailMfaConfiguration: { Message: "Code {####}" } }, poolId),
      "FeatureUnavailableInTierException",
      "The following features need to be disabled for the LITE pricing tier configured: Email MFA",
    );
    assert.equal((await getConfig(poolId)).EmailMfaConfiguration, undefined);
  });

  it("refuses email MFA for a pool that sends email with Cognito's default sender", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      set({ MfaConfiguration: "OPTIONAL", EmailMfaConfiguration: { Message: "Code {####}" } }, poolId),
      "InvalidParameterException",
      /EmailSendingAccount set to DEVELOPER/,
    );
  });

  it("answers ResourceNotFoundException for an unknown pool", async () => {
    await rejectsWith(
      t().client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: "us-east-1_unknown00" })),
      "ResourceNotFoundException",
    );
    await rejectsWith(set({ MfaConfiguration: "OFF" }, "us-east-1_unknown00"), "ResourceNotFoundException");
  });
});

describeEachEngine("MFA and the plan in CreateUserPool / UpdateUserPool / DescribeUserPool", (t) => {
  const getConfig = (poolId: string) => t().client.send(new GetUserPoolMfaConfigCommand({ UserPoolId: poolId }));
  const tierOf = async (poolId: string) =>
    (await t().client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool?.UserPoolTier;

  it("keeps UserPoolTier as created and updated, Essentials by default", async () => {
    const poolId = await createPool(t().client, { UserPoolTier: "LITE" });
    assert.equal(await tierOf(poolId), "LITE");
    await t().client.send(new UpdateUserPoolCommand({ UserPoolId: poolId, UserPoolTier: "PLUS" }));
    assert.equal(await tierOf(poolId), "PLUS");
    await t().client.send(new UpdateUserPoolCommand({ UserPoolId: poolId }));
    assert.equal(await tierOf(poolId), "ESSENTIALS");
  });

  it("refuses threat protection below the Plus plan, naming the feature as Cognito does", async () => {
    await rejectsWith(
      t().client.send(new CreateUserPoolCommand({ PoolName: "threats", UserPoolAddOns: { AdvancedSecurityMode: "ENFORCED" } })),
      "FeatureUnavailableInTierException",
      "The following features need to be disabled for the ESSENTIALS pricing tier configured: Threat Protection",
    );
    const poolId = await createPool(t().client, { UserPoolTier: "PLUS", UserPoolAddOns: { AdvancedSecurityMode: "AUDIT" } });
    assert.equal(await tierOf(poolId), "PLUS");
  });

  it("refuses passwordless sign-in on the Lite plan", async () => {
    await rejectsWith(
      t().client.send(
        new CreateUserPoolCommand({
          PoolName: "passwordless",
          UserPoolTier: "LITE",
          Policies: { SignInPolicy: { AllowedFirstAuthFactors: ["PASSWORD", "EMAIL_OTP"] } },
        }),
      ),
      "FeatureUnavailableInTierException",
      "The following features need to be disabled for the LITE pricing tier configured: Passwordless Sign-In",
    );
  });

  it("refuses moving a pool with email MFA to the Lite plan, and changes nothing", async () => {
    const poolId = await createPool(t().client, { EmailConfiguration: DEVELOPER_EMAIL });
    await setPoolMfa(t().client, poolId, { EmailMfaConfiguration: { Message: "Code {####}" } });
    await rejectsWith(
      t().client.send(
        new UpdateUserPoolCommand({
          UserPoolId: poolId,
          UserPoolTier: "LITE",
          MfaConfiguration: "OPTIONAL",
          EmailConfiguration: DEVELOPER_EMAIL,
        }),
      ),
      "FeatureUnavailableInTierException",
      "The following features need to be disabled for the LITE pricing tier configured: Email MFA",
    );
    assert.equal(await tierOf(poolId), "ESSENTIALS");
  });

  it("turns SMS MFA on with CreateUserPool's MfaConfiguration and SmsConfiguration", async () => {
    const poolId = await createPool(t().client, { MfaConfiguration: "ON", SmsConfiguration: SMS_CONFIGURATION });
    const config = await getConfig(poolId);
    assert.equal(config.MfaConfiguration, "ON");
    assert.deepEqual(config.SmsMfaConfiguration, { SmsConfiguration: SMS_CONFIGURATION });
  });

  it("keeps TOTP MFA through an UpdateUserPool that keeps MFA on, and drops it when an update turns MFA off", async () => {
    const poolId = await createPool(t().client);
    await setPoolMfa(t().client, poolId);
    await t().client.send(new UpdateUserPoolCommand({ UserPoolId: poolId, MfaConfiguration: "OPTIONAL" }));
    assert.deepEqual((await getConfig(poolId)).SoftwareTokenMfaConfiguration, { Enabled: true });
    // UpdateUserPool resets what it is not given (reference §3.3): MfaConfiguration left out is OFF.
    await t().client.send(new UpdateUserPoolCommand({ UserPoolId: poolId }));
    const config = await getConfig(poolId);
    assert.equal(config.MfaConfiguration, "OFF");
    assert.deepEqual(config.SoftwareTokenMfaConfiguration, { Enabled: false });
  });

  it("still refuses MFA on in UpdateUserPool when the pool would have no factor", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(
      t().client.send(new UpdateUserPoolCommand({ UserPoolId: poolId, MfaConfiguration: "ON" })),
      "InvalidParameterException",
      "SMS configuration is required when MFA is ON or OPTIONAL.",
    );
  });
});
