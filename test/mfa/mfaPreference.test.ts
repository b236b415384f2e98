import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminDeleteSoftwareTokenCommand,
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  type AdminSetUserMFAPreferenceCommandInput,
  AdminSetUserSettingsCommand,
  GetUserCommand,
  ListUsersCommand,
  type MFAOptionType,
  SetUserMFAPreferenceCommand,
  SetUserSettingsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { createPool, createUser, rejectsWith } from "../support/fixtures.js";
import { associate, enrolSoftwareToken, setPoolMfa, signedInMfaUser } from "../support/mfa.js";
import { describeEachEngine } from "../support/testServer.js";

type Preference = Omit<AdminSetUserMFAPreferenceCommandInput, "UserPoolId" | "Username">;

const ON = { Enabled: true };
const PREFERRED = { Enabled: true, PreferredMfa: true };
const OFF = { Enabled: false, PreferredMfa: false };
const PHONE = { phone_number: "+15555550100" };
const EMAIL = { email: "user@example.com" };

describeEachEngine("AdminSetUserMFAPreference / SetUserMFAPreference and how users report MFA", (t) => {
  const adminSet = (poolId: string, username: string, preference: Preference) =>
    t().client.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: username, ...preference }));

  /** The MFA members of AdminGetUser and GetUser, which must agree. */
  const reported = async (poolId: string, username: string, accessToken?: string) => {
    const admin = await t().client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
    const mfa = {
      UserMFASettingList: admin.UserMFASettingList,
      PreferredMfaSetting: admin.PreferredMfaSetting,
      MFAOptions: admin.MFAOptions,
    };
    if (accessToken !== undefined) {
      const own = await t().client.send(new GetUserCommand({ AccessToken: accessToken }));
      assert.deepEqual(
        { UserMFASettingList: own.UserMFASettingList, PreferredMfaSetting: own.PreferredMfaSetting, MFAOptions: own.MFAOptions },
        mfa,
      );
    }
    return mfa;
  };
  const none = { UserMFASettingList: undefined, PreferredMfaSetting: undefined, MFAOptions: undefined };
  const smsOption: MFAOptionType[] = [{ DeliveryMedium: "SMS", AttributeName: "phone_number" }];

  it("reports no MFA for a new user", async () => {
    const { pool, accessToken } = await signedInMfaUser(t(), "ann");
    assert.deepEqual(await reported(pool.poolId, "ann", accessToken), none);
  });

  it("turns on and prefers TOTP after a verified token, through the access token", async () => {
    const { pool, accessToken } = await signedInMfaUser(t(), "ben");
    await enrolSoftwareToken(t(), accessToken);
    await t().client.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: PREFERRED }));
    assert.deepEqual(await reported(pool.poolId, "ben", accessToken), {
      ...none,
      UserMFASettingList: ["SOFTWARE_TOKEN_MFA"],
      PreferredMfaSetting: "SOFTWARE_TOKEN_MFA",
    });
  });

  it("refuses TOTP before a token is verified, as Cognito words it", async () => {
    const { pool, accessToken } = await signedInMfaUser(t(), "cat");
    await associate(t(), accessToken);
    const message = "User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA";
    await rejectsWith(
      adminSet(pool.poolId, "cat", { SoftwareTokenMfaSettings: PREFERRED }),
      "InvalidParameterException",
      message,
    );
    await rejectsWith(
      t().client.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: ON })),
      "InvalidParameterException",
      message,
    );
    assert.deepEqual(await reported(pool.poolId, "cat", accessToken), none);
  });

  it("turns on SMS MFA for a user with a phone number, reporting the legacy MFAOptions too", async () => {
    const { pool, accessToken } = await signedInMfaUser(t(), "dee", PHONE);
    await adminSet(pool.poolId, "dee", { SMSMfaSettings: ON });
    assert.deepEqual(await reported(pool.poolId, "dee", accessToken), {
      ...none,
      UserMFASettingList: ["SMS_MFA"],
      MFAOptions: smsOption,
    });
    const listed = await t().client.send(new ListUsersCommand({ UserPoolId: pool.poolId, Filter: 'username = "dee"' }));
    assert.deepEqual(listed.Users?.[0]?.MFAOptions, smsOption);
  });

  it("refuses SMS MFA for a user without a phone number", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "eli");
    await rejectsWith(
      adminSet(poolId, "eli", { SMSMfaSettings: ON }),
      "InvalidParameterException",
      "User does not have a phone_number set to turn on SMS MFA",
    );
  });

  it("turns on email MFA for a user with an email address, and refuses it without one", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "fox", EMAIL);
    await createUser(t().client, poolId, "gil");
    await adminSet(poolId, "fox", { EmailMfaSettings: PREFERRED });
    assert.deepEqual(await reported(poolId, "fox"), {
      ...none,
      UserMFASettingList: ["EMAIL_OTP"],
      PreferredMfaSetting: "EMAIL_OTP",
    });
    await rejectsWith(adminSet(poolId, "gil", { EmailMfaSettings: ON }), "InvalidParameterException", /EMAIL_OTP/);
  });

  it("refuses email MFA for a user of a Lite pool", async () => {
    const poolId = await createPool(t().client, { UserPoolTier: "LITE" });
    await createUser(t().client, poolId, "hana", EMAIL);
    await rejectsWith(adminSet(poolId, "hana", { EmailMfaSettings: ON }), "FeatureUnavailableInTierException");
    assert.deepEqual(await reported(poolId, "hana"), none);
  });

  it("lists every factor turned on in Cognito's order, with at most one preferred", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "ida", { ...PHONE, ...EMAIL });
    await adminSet(poolId, "ida", { EmailMfaSettings: ON, SMSMfaSettings: PREFERRED });
    assert.deepEqual(await reported(poolId, "ida"), {
      UserMFASettingList: ["SMS_MFA", "EMAIL_OTP"],
      PreferredMfaSetting: "SMS_MFA",
      MFAOptions: smsOption,
    });
    await adminSet(poolId, "ida", { EmailMfaSettings: PREFERRED });
    assert.equal((await reported(poolId, "ida")).PreferredMfaSetting, "EMAIL_OTP");
    await rejectsWith(
      adminSet(poolId, "ida", { EmailMfaSettings: PREFERRED, SMSMfaSettings: PREFERRED }),
      "InvalidParameterException",
    );
    assert.equal((await reported(poolId, "ida")).PreferredMfaSetting, "EMAIL_OTP");
  });

  it("leaves a factor whose settings are left out as it was, and drops the preference of a factor turned off", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "jay", { ...PHONE, ...EMAIL });
    await adminSet(poolId, "jay", { SMSMfaSettings: PREFERRED, EmailMfaSettings: ON });
    await adminSet(poolId, "jay", { SMSMfaSettings: OFF });
    assert.deepEqual(await reported(poolId, "jay"), { ...none, UserMFASettingList: ["EMAIL_OTP"] });
    await adminSet(poolId, "jay", { EmailMfaSettings: PREFERRED });
    await adminSet(poolId, "jay", { EmailMfaSettings: { PreferredMfa: false } });
    assert.deepEqual(await reported(poolId, "jay"), { ...none, UserMFASettingList: ["EMAIL_OTP"] });
  });

  it("keeps a user's last factor on while the pool requires MFA, but lets another go", async () => {
    const { pool, accessToken } = await signedInMfaUser(t(), "kai", PHONE);
    await enrolSoftwareToken(t(), accessToken);
    await adminSet(pool.poolId, "kai", { SoftwareTokenMfaSettings: PREFERRED, SMSMfaSettings: ON });
    await setPoolMfa(t().client, pool.poolId, { MfaConfiguration: "ON" });
    await adminSet(pool.poolId, "kai", { SMSMfaSettings: OFF });
    await rejectsWith(
      t().client.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: OFF })),
      "InvalidParameterException",
    );
    assert.deepEqual(await reported(pool.poolId, "kai", accessToken), {
      ...none,
      UserMFASettingList: ["SOFTWARE_TOKEN_MFA"],
      PreferredMfaSetting: "SOFTWARE_TOKEN_MFA",
    });
  });

  it("answers UnsupportedOperationException for passkey MFA, not built yet", async () => {
    const poolId = await createPool(t().client);
    await createUser(t().client, poolId, "lea");
    await rejectsWith(adminSet(poolId, "lea", { WebAuthnMfaSettings: { Enabled: true } }), "UnsupportedOperationException");
  });

  it("answers UserNotFoundException and ResourceNotFoundException for an unknown user or pool", async () => {
    const poolId = await createPool(t().client);
    await rejectsWith(adminSet(poolId, "nobody", { SMSMfaSettings: OFF }), "UserNotFoundException", "User does not exist.");
    await rejectsWith(adminSet("us-east-1_unknown00", "nobody", { SMSMfaSettings: OFF }), "ResourceNotFoundException");
  });

  it("sets legacy SMS MFA with AdminSetUserSettings and SetUserSettings; an empty list turns it off", async () => {
    const { pool, accessToken } = await signedInMfaUser(t(), "mia", PHONE);
    await t().client.send(new AdminSetUserSettingsCommand({ UserPoolId: pool.poolId, Username: "mia", MFAOptions: smsOption }));
    assert.deepEqual(await reported(pool.poolId, "mia", accessToken), {
      ...none,
      UserMFASettingList: ["SMS_MFA"],
      MFAOptions: smsOption,
    });
    await t().client.send(new SetUserSettingsCommand({ AccessToken: accessToken, MFAOptions: [] }));
    assert.deepEqual(await reported(pool.poolId, "mia", accessToken), none);
  });

  it("refuses a legacy MFA option other than SMS to phone_number", async () => {
    const { pool } = await signedInMfaUser(t(), "noa", { ...PHONE, ...EMAIL });
    await rejectsWith(
      t().client.send(
        new AdminSetUserSettingsCommand({
          UserPoolId: pool.poolId,
          Username: "noa",
          MFAOptions: [{ DeliveryMedium: "EMAIL", AttributeName: "email" }],
        }),
      ),
      "InvalidParameterException",
    );
    assert.deepEqual(await reported(pool.poolId, "noa"), none);
  });

  it("deletes a user's software token and its preference with AdminDeleteSoftwareToken, keeping other factors", async () => {
    const { pool, accessToken } = await signedInMfaUser(t(), "oto", PHONE);
    await enrolSoftwareToken(t(), accessToken);
    await adminSet(pool.poolId, "oto", { SoftwareTokenMfaSettings: PREFERRED, SMSMfaSettings: ON });
    await t().client.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: pool.poolId, Username: "oto" }));
    assert.deepEqual(await reported(pool.poolId, "oto", accessToken), {
      ...none,
      UserMFASettingList: ["SMS_MFA"],
      MFAOptions: smsOption,
    });
    await rejectsWith(
      adminSet(pool.poolId, "oto", { SoftwareTokenMfaSettings: ON }),
      "InvalidParameterException",
      "User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA",
    );
    await enrolSoftwareToken(t(), accessToken);
    await rejectsWith(
      t().client.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: pool.poolId, Username: "nobody" })),
      "UserNotFoundException",
    );
  });
});
