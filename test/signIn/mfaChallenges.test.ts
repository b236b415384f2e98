import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminDeleteUserAttributesCommand,
  AdminGetUserCommand,
  type AdminInitiateAuthCommandOutput,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  type AdminSetUserMFAPreferenceCommandInput,
  AssociateSoftwareTokenCommand,
  type ChallengeNameType,
  InitiateAuthCommand,
  type SetUserPoolMfaConfigCommandInput,
  VerifySoftwareTokenCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import {
  adminRespond,
  adminSignIn,
  confirmedUser,
  invitedUser,
  PASSWORD,
  publicRespond,
  type SignInPool,
  signInPool,
  TEMPORARY_PASSWORD,
} from "../support/auth.js";
import { attributesOf, rejectsWith } from "../support/fixtures.js";
import { captureLog } from "../support/logs.js";
import { authenticatorCode, enrolSoftwareToken, setPoolMfa } from "../support/mfa.js";
import { outbox } from "../support/selfService.js";
import { describeEachEngine, startTestServer, type TestServer } from "../support/testServer.js";

const STEP = 30_000;
const WRONG_CODE = "Invalid code received for user";
const EXPIRED = "Invalid session for the user, session is expired.";
const INVALID_SESSION = "Invalid session for the user.";
const SMS_CONFIGURATION = { SnsCallerArn: "arn:aws:iam::123456789012:role/sms", ExternalId: "external", SnsRegion: "us-east-1" };
const DEVELOPER_EMAIL = {
  EmailSendingAccount: "DEVELOPER" as const,
  SourceArn: "arn:aws:ses:us-east-1:123456789012:identity/mail@example.com",
};
const PHONE = "+15555550100";
const ALL_FACTORS: Partial<SetUserPoolMfaConfigCommandInput> = {
  SmsMfaConfiguration: { SmsAuthenticationMessage: "Your sign-in code: {####}", SmsConfiguration: SMS_CONFIGURATION },
  SoftwareTokenMfaConfiguration: { Enabled: true },
  EmailMfaConfiguration: { Message: "Sign in with {####}", Subject: "Your sign-in code" },
};

type Preference = Omit<AdminSetUserMFAPreferenceCommandInput, "UserPoolId" | "Username">;

/** A code that is certainly not `code`, of the same length. */
const otherThan = (code: string) => (code.startsWith("0") ? "1" : "0").repeat(code.length);

/** The newest message of the pool's outbox to `to`, and the code in it (6 or 8 digits). */
async function sentCode(t: TestServer, poolId: string, to: string) {
  const message = (await outbox(t, poolId)).filter((m) => m.destination === to).at(-1);
  assert.ok(message, `nothing was sent to ${to}`);
  const code = /\b(\d{6}|\d{8})\b/.exec(message.body)?.[1];
  assert.ok(code, `no code in "${message.body}"`);
  return { message, code };
}

function challengeOf(out: Pick<AdminInitiateAuthCommandOutput, "ChallengeName" | "ChallengeParameters" | "Session">) {
  assert.ok(out.ChallengeName, "expected a challenge, got tokens");
  assert.ok(out.Session);
  return { name: out.ChallengeName, parameters: out.ChallengeParameters ?? {}, session: out.Session };
}

describeEachEngine("MFA sign-in challenges", (t) => {
  /** A pool with every factor (SMS, TOTP, email) in `mode`, and its client. */
  async function mfaPool(mode: "ON" | "OPTIONAL", factors = ALL_FACTORS): Promise<SignInPool> {
    const pool = await signInPool(t().client, { EmailConfiguration: DEVELOPER_EMAIL, SmsConfiguration: SMS_CONFIGURATION });
    await setPoolMfa(t().client, pool.poolId, { MfaConfiguration: mode, ...factors });
    return pool;
  }

  const prefer = (pool: SignInPool, username: string, preference: Preference) =>
    t().client.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: pool.poolId, Username: username, ...preference }));

  /** A CONFIRMED user of an OPTIONAL pool with these factors turned on (TOTP verified first, when asked for); the TOTP secret. */
  async function userWith(pool: SignInPool, username: string, preference: Preference): Promise<string | undefined> {
    const tokens = await confirmedUser(t().client, pool, username, { phone_number: PHONE, email: `${username}@example.com` });
    assert.ok(tokens.AccessToken);
    const secret = preference.SoftwareTokenMfaSettings
      ? await enrolSoftwareToken(t(), tokens.AccessToken, `${username}'s phone`)
      : undefined;
    await prefer(pool, username, preference);
    // The enrolment used this step's code; the sign-in answers with the next one, as an authenticator would show it.
    t().clock.advance(STEP);
    return secret;
  }

  const adminAnswer = (
    pool: SignInPool,
    challenge: ChallengeNameType,
    session: string | undefined,
    responses: Record<string, string>,
  ) => adminRespond(t().client, pool, challenge, session, responses);
  const publicAnswer = (
    pool: SignInPool,
    challenge: ChallengeNameType,
    session: string | undefined,
    responses: Record<string, string>,
  ) => publicRespond(t().client, pool, challenge, session, responses);
  const publicSignIn = (pool: SignInPool, username: string, password = PASSWORD) =>
    t().client.send(
      new InitiateAuthCommand({
        ClientId: pool.clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
  const totpNow = (secret: string | undefined) => {
    assert.ok(secret);
    return authenticatorCode(secret, t().clock.now());
  };

  it("SOFTWARE_TOKEN_MFA: AdminInitiateAuth asks for the authenticator's code and AdminRespondToAuthChallenge answers it with tokens", async () => {
    const pool = await mfaPool("OPTIONAL");
    const secret = await userWith(pool, "tia", { SoftwareTokenMfaSettings: { Enabled: true } });
    const asked = challengeOf(await adminSignIn(t().client, pool, "tia"));
    assert.equal(asked.name, "SOFTWARE_TOKEN_MFA");
    assert.deepEqual(asked.parameters, { FRIENDLY_DEVICE_NAME: "tia's phone", USER_ID_FOR_SRP: "tia" });
    const done = await adminAnswer(pool, "SOFTWARE_TOKEN_MFA", asked.session, {
      USERNAME: "tia",
      SOFTWARE_TOKEN_MFA_CODE: totpNow(secret),
    });
    assert.ok(done.AuthenticationResult?.AccessToken);
    assert.equal(done.ChallengeName, undefined);
  });

  it("SOFTWARE_TOKEN_MFA through InitiateAuth and RespondToAuthChallenge", async () => {
    const pool = await mfaPool("OPTIONAL");
    const secret = await userWith(pool, "tod", { SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
    const asked = challengeOf(await publicSignIn(pool, "tod"));
    assert.equal(asked.name, "SOFTWARE_TOKEN_MFA");
    const done = await publicAnswer(pool, "SOFTWARE_TOKEN_MFA", asked.session, {
      USERNAME: "tod",
      SOFTWARE_TOKEN_MFA_CODE: totpNow(secret),
    });
    assert.ok(done.AuthenticationResult?.IdToken);
  });

  it("SOFTWARE_TOKEN_MFA accepts a code once: the same code in the next sign-in is ExpiredCodeException", async () => {
    const pool = await mfaPool("OPTIONAL");
    const secret = await userWith(pool, "uma", { SoftwareTokenMfaSettings: { Enabled: true } });
    const code = totpNow(secret);
    const first = challengeOf(await adminSignIn(t().client, pool, "uma"));
    assert.ok(
      (await adminAnswer(pool, "SOFTWARE_TOKEN_MFA", first.session, { USERNAME: "uma", SOFTWARE_TOKEN_MFA_CODE: code }))
        .AuthenticationResult,
    );
    const second = challengeOf(await adminSignIn(t().client, pool, "uma"));
    await rejectsWith(
      adminAnswer(pool, "SOFTWARE_TOKEN_MFA", second.session, { USERNAME: "uma", SOFTWARE_TOKEN_MFA_CODE: code }),
      "ExpiredCodeException",
      "Your software token has already been used once.",
    );
    t().clock.advance(STEP);
    const done = await adminAnswer(pool, "SOFTWARE_TOKEN_MFA", second.session, {
      USERNAME: "uma",
      SOFTWARE_TOKEN_MFA_CODE: totpNow(secret),
    });
    assert.ok(done.AuthenticationResult);
  });

  it("refuses a wrong code with CodeMismatchException, and takes the right one on the same session", async () => {
    const pool = await mfaPool("OPTIONAL");
    const secret = await userWith(pool, "val", { SoftwareTokenMfaSettings: { Enabled: true } });
    const asked = challengeOf(await adminSignIn(t().client, pool, "val"));
    const right = totpNow(secret);
    await rejectsWith(
      adminAnswer(pool, "SOFTWARE_TOKEN_MFA", asked.session, { USERNAME: "val", SOFTWARE_TOKEN_MFA_CODE: otherThan(right) }),
      "CodeMismatchException",
      WRONG_CODE,
    );
    await rejectsWith(
      adminAnswer(pool, "SOFTWARE_TOKEN_MFA", asked.session, { USERNAME: "val" }),
      "InvalidParameterException",
      "Missing required parameter SOFTWARE_TOKEN_MFA_CODE",
    );
    const done = await adminAnswer(pool, "SOFTWARE_TOKEN_MFA", asked.session, {
      USERNAME: "val",
      SOFTWARE_TOKEN_MFA_CODE: right,
    });
    assert.ok(done.AuthenticationResult);
    await rejectsWith(
      adminAnswer(pool, "SOFTWARE_TOKEN_MFA", asked.session, { USERNAME: "val", SOFTWARE_TOKEN_MFA_CODE: right }),
      "NotAuthorizedException",
      EXPIRED,
    );
  });

  it("ends the session after five wrong codes, and the five count toward the sign-in lockout", async () => {
    const pool = await mfaPool("OPTIONAL");
    const secret = await userWith(pool, "wyn", { SoftwareTokenMfaSettings: { Enabled: true } });
    const asked = challengeOf(await adminSignIn(t().client, pool, "wyn"));
    const right = totpNow(secret);
    for (let i = 0; i < 5; i++) {
      await rejectsWith(
        adminAnswer(pool, "SOFTWARE_TOKEN_MFA", asked.session, { USERNAME: "wyn", SOFTWARE_TOKEN_MFA_CODE: otherThan(right) }),
        "CodeMismatchException",
        WRONG_CODE,
      );
    }
    await rejectsWith(
      adminAnswer(pool, "SOFTWARE_TOKEN_MFA", asked.session, { USERNAME: "wyn", SOFTWARE_TOKEN_MFA_CODE: right }),
      "NotAuthorizedException",
      EXPIRED,
    );
    // Reference §2.6: five failures lock the user for a second, the right password included.
    await rejectsWith(adminSignIn(t().client, pool, "wyn"), "NotAuthorizedException", "Password attempts exceeded");
    t().clock.advance(1_000);
    assert.equal(challengeOf(await adminSignIn(t().client, pool, "wyn")).name, "SOFTWARE_TOKEN_MFA");
  });

  it("OPTIONAL asks nothing of a user without a factor, nor for a factor the pool no longer offers", async () => {
    const pool = await mfaPool("OPTIONAL");
    await userWith(pool, "xia", { SoftwareTokenMfaSettings: { Enabled: true } });
    assert.equal(challengeOf(await adminSignIn(t().client, pool, "xia")).name, "SOFTWARE_TOKEN_MFA");
    await setPoolMfa(t().client, pool.poolId, {
      MfaConfiguration: "OPTIONAL",
      SoftwareTokenMfaConfiguration: { Enabled: false },
      SmsMfaConfiguration: { SmsConfiguration: SMS_CONFIGURATION },
    });
    assert.ok((await adminSignIn(t().client, pool, "xia")).AuthenticationResult);
    await confirmedUser(t().client, pool, "yve", { phone_number: PHONE });
    assert.ok((await adminSignIn(t().client, pool, "yve")).AuthenticationResult);
  });

  describeMfaSetup();
  describeCodeFactors();

  function describeMfaSetup() {
    /** A CONFIRMED user, made before the pool turns MFA ON (so no challenge stands in the way), without phone or email. */
    async function onPoolUser(username: string): Promise<SignInPool> {
      const pool = await mfaPool("OPTIONAL", { SoftwareTokenMfaConfiguration: { Enabled: true } });
      await confirmedUser(t().client, pool, username);
      await setPoolMfa(t().client, pool.poolId, { MfaConfiguration: "ON" });
      return pool;
    }
    const associate = (session: string) => t().client.send(new AssociateSoftwareTokenCommand({ Session: session }));
    const verify = (session: string | undefined, code: string) =>
      t().client.send(new VerifySoftwareTokenCommand({ Session: session, UserCode: code, FriendlyDeviceName: "work phone" }));

    it("MFA_SETUP: ON asks a user without a factor to set one up: Associate → Verify → MFA_SETUP answer, each with a new Session, then tokens", async () => {
      const pool = await onPoolUser("ada");
      const asked = challengeOf(await adminSignIn(t().client, pool, "ada"));
      assert.equal(asked.name, "MFA_SETUP");
      assert.deepEqual(asked.parameters, { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]', USER_ID_FOR_SRP: "ada" });
      const associated = await associate(asked.session);
      assert.match(associated.SecretCode ?? "", /^[A-Z2-7]{52}$/);
      assert.ok(associated.Session && associated.Session !== asked.session);
      const verified = await verify(associated.Session, authenticatorCode(associated.SecretCode ?? "", t().clock.now()));
      assert.equal(verified.Status, "SUCCESS");
      assert.ok(verified.Session && verified.Session !== associated.Session);
      const done = await adminAnswer(pool, "MFA_SETUP", verified.Session, { USERNAME: "ada" });
      assert.ok(done.AuthenticationResult?.AccessToken);
      const user = await t().client.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: "ada" }));
      assert.deepEqual(user.UserMFASettingList, ["SOFTWARE_TOKEN_MFA"]);
      const next = challengeOf(await adminSignIn(t().client, pool, "ada"));
      assert.equal(next.name, "SOFTWARE_TOKEN_MFA");
      assert.equal(next.parameters.FRIENDLY_DEVICE_NAME, "work phone");
    });

    it("MFA_SETUP refuses each step with another step's session, and a session used once", async () => {
      const pool = await onPoolUser("bob");
      const asked = challengeOf(await adminSignIn(t().client, pool, "bob"));
      await rejectsWith(verify(asked.session, "123456"), "NotAuthorizedException", INVALID_SESSION);
      await rejectsWith(
        adminAnswer(pool, "MFA_SETUP", asked.session, { USERNAME: "bob" }),
        "NotAuthorizedException",
        INVALID_SESSION,
      );
      const associated = await associate(asked.session);
      await rejectsWith(associate(asked.session), "NotAuthorizedException", EXPIRED);
      assert.ok(associated.Session);
      await rejectsWith(
        adminAnswer(pool, "MFA_SETUP", associated.Session, { USERNAME: "bob" }),
        "NotAuthorizedException",
        INVALID_SESSION,
      );
      const code = authenticatorCode(associated.SecretCode ?? "", t().clock.now());
      const verified = await verify(associated.Session, code);
      await rejectsWith(verify(associated.Session, code), "NotAuthorizedException", EXPIRED);
      await rejectsWith(associate(verified.Session ?? ""), "NotAuthorizedException", INVALID_SESSION);
      await rejectsWith(
        t().client.send(new AssociateSoftwareTokenCommand({ Session: verified.Session, AccessToken: "a.b.c" })),
        "InvalidParameterException",
      );
      await rejectsWith(
        adminAnswer(pool, "MFA_SETUP", verified.Session, { USERNAME: "bob", EMAIL: "bob@example.com" }),
        "UnsupportedOperationException",
      );
      assert.ok((await adminAnswer(pool, "MFA_SETUP", verified.Session, { USERNAME: "bob" })).AuthenticationResult);
      await rejectsWith(adminAnswer(pool, "MFA_SETUP", verified.Session, { USERNAME: "bob" }), "NotAuthorizedException", EXPIRED);
    });

    it("MFA_SETUP takes a wrong code (EnableSoftwareTokenMFAException) on the same session up to five times, then the session is dead", async () => {
      const pool = await onPoolUser("cyd");
      const asked = challengeOf(await adminSignIn(t().client, pool, "cyd"));
      const { SecretCode, Session } = await associate(asked.session);
      const right = authenticatorCode(SecretCode ?? "", t().clock.now());
      await rejectsWith(
        verify(Session, otherThan(right)),
        "EnableSoftwareTokenMFAException",
        "Code mismatch and fail enable Software Token MFA",
      );
      assert.equal((await verify(Session, right)).Status, "SUCCESS");

      const again = await onPoolUser("cyd2");
      const second = await associate(challengeOf(await adminSignIn(t().client, again, "cyd2")).session);
      const code = authenticatorCode(second.SecretCode ?? "", t().clock.now());
      for (let i = 0; i < 5; i++) await rejectsWith(verify(second.Session, otherThan(code)), "EnableSoftwareTokenMFAException");
      await rejectsWith(verify(second.Session, code), "NotAuthorizedException", EXPIRED);
    });

    it("MFA_SETUP follows NEW_PASSWORD_REQUIRED, through the public operations", async () => {
      const pool = await mfaPool("ON", { SoftwareTokenMfaConfiguration: { Enabled: true } });
      await invitedUser(t().client, pool, "dee");
      const first = challengeOf(await publicSignIn(pool, "dee", TEMPORARY_PASSWORD));
      assert.equal(first.name, "NEW_PASSWORD_REQUIRED");
      const setup = challengeOf(
        await publicAnswer(pool, "NEW_PASSWORD_REQUIRED", first.session, { USERNAME: "dee", NEW_PASSWORD: PASSWORD }),
      );
      assert.equal(setup.name, "MFA_SETUP");
      const { SecretCode, Session } = await associate(setup.session);
      const verified = await verify(Session, authenticatorCode(SecretCode ?? "", t().clock.now()));
      const done = await publicAnswer(pool, "MFA_SETUP", verified.Session, { USERNAME: "dee" });
      assert.ok(done.AuthenticationResult?.RefreshToken);
    });

    it("logs no TOTP secret, code or otpauth URI of the MFA_SETUP steps", async () => {
      const log = captureLog("trace");
      const own = await startTestServer(t().engine, { logger: log.logger });
      try {
        const pool = await signInPool(own.client);
        await setPoolMfa(own.client, pool.poolId, { MfaConfiguration: "ON" });
        await invitedUser(own.client, pool, "eli");
        const asked = challengeOf(await adminSignIn(own.client, pool, "eli", TEMPORARY_PASSWORD));
        const setup = challengeOf(
          await own.client.send(
            new AdminRespondToAuthChallengeCommand({
              UserPoolId: pool.poolId,
              ClientId: pool.clientId,
              ChallengeName: "NEW_PASSWORD_REQUIRED",
              Session: asked.session,
              ChallengeResponses: { USERNAME: "eli", NEW_PASSWORD: PASSWORD },
            }),
          ),
        );
        const { SecretCode, Session } = await own.client.send(new AssociateSoftwareTokenCommand({ Session: setup.session }));
        const code = authenticatorCode(SecretCode ?? "", own.clock.now());
        await own.client.send(new VerifySoftwareTokenCommand({ Session, UserCode: code }));
        const text = log.text();
        assert.ok(text.includes("AssociateSoftwareToken"), "the requests were logged");
        for (const leak of [SecretCode ?? "?", code, "otpauth", Session ?? "?"])
          assert.ok(!text.includes(leak), `the log holds ${leak}`);
      } finally {
        await own.close();
      }
    });
  }

  function describeCodeFactors() {
    it("SMS_MFA: the pool's message with the code goes to the phone; the challenge names SMS and the masked number; the code signs in once and verifies the number", async () => {
      const pool = await mfaPool("OPTIONAL");
      await userWith(pool, "sam", { SMSMfaSettings: { Enabled: true } });
      const asked = challengeOf(await adminSignIn(t().client, pool, "sam"));
      assert.equal(asked.name, "SMS_MFA");
      assert.deepEqual(asked.parameters, {
        CODE_DELIVERY_DELIVERY_MEDIUM: "SMS",
        CODE_DELIVERY_DESTINATION: "+*******0100",
        USER_ID_FOR_SRP: "sam",
      });
      const { message, code } = await sentCode(t(), pool.poolId, PHONE);
      assert.equal(message.body, `Your sign-in code: ${code}`);
      assert.equal(message.deliveryMedium, "SMS");
      assert.equal(code.length, 6);
      await rejectsWith(
        adminAnswer(pool, "SMS_MFA", asked.session, { USERNAME: "sam", SMS_MFA_CODE: otherThan(code) }),
        "CodeMismatchException",
        WRONG_CODE,
      );
      const done = await adminAnswer(pool, "SMS_MFA", asked.session, { USERNAME: "sam", SMS_MFA_CODE: code });
      assert.ok(done.AuthenticationResult);
      assert.equal((await attributesOf(t().client, pool.poolId, "sam")).phone_number_verified, "true");
      const next = challengeOf(await adminSignIn(t().client, pool, "sam"));
      await rejectsWith(
        adminAnswer(pool, "SMS_MFA", next.session, { USERNAME: "sam", SMS_MFA_CODE: code }),
        "CodeMismatchException",
      );
    });

    it("SMS_MFA sends Cognito's default text when the pool sets none, through the public operations", async () => {
      const pool = await mfaPool("OPTIONAL", { SmsMfaConfiguration: { SmsConfiguration: SMS_CONFIGURATION } });
      await userWith(pool, "sid", { SMSMfaSettings: { Enabled: true } });
      const asked = challengeOf(await publicSignIn(pool, "sid"));
      const { message, code } = await sentCode(t(), pool.poolId, PHONE);
      assert.equal(message.body, `Your authentication code is ${code}. `);
      assert.ok(
        (await publicAnswer(pool, "SMS_MFA", asked.session, { USERNAME: "sid", SMS_MFA_CODE: code })).AuthenticationResult,
      );
    });

    it("EMAIL_OTP: the pool's email MFA message and subject carry an eight-digit code to the address; the challenge names EMAIL and the masked address", async () => {
      const pool = await mfaPool("OPTIONAL");
      await userWith(pool, "eve", { EmailMfaSettings: { Enabled: true } });
      const asked = challengeOf(await publicSignIn(pool, "eve"));
      assert.equal(asked.name, "EMAIL_OTP");
      assert.deepEqual(asked.parameters, {
        CODE_DELIVERY_DELIVERY_MEDIUM: "EMAIL",
        CODE_DELIVERY_DESTINATION: "e***@e***",
        USER_ID_FOR_SRP: "eve",
      });
      const { message, code } = await sentCode(t(), pool.poolId, "eve@example.com");
      assert.equal(message.subject, "Your sign-in code");
      assert.equal(message.body, `Sign in with ${code}`);
      assert.equal(code.length, 8);
      await rejectsWith(
        publicAnswer(pool, "EMAIL_OTP", asked.session, { USERNAME: "eve", EMAIL_OTP_CODE: otherThan(code) }),
        "CodeMismatchException",
        WRONG_CODE,
      );
      assert.ok(
        (await publicAnswer(pool, "EMAIL_OTP", asked.session, { USERNAME: "eve", EMAIL_OTP_CODE: code })).AuthenticationResult,
      );
    });

    it("keeps SMS and email codes only as keyed hashes in the session, and ends it after five wrong codes, counting them toward the lockout", async () => {
      const pool = await mfaPool("OPTIONAL");
      await userWith(pool, "kim", { EmailMfaSettings: { Enabled: true } });
      const asked = challengeOf(await adminSignIn(t().client, pool, "kim"));
      const { code } = await sentCode(t(), pool.poolId, "kim@example.com");
      const stored = await t().server.domain.store.sessions.get(asked.session);
      assert.ok(stored && !JSON.stringify(stored).includes(code));
      for (let i = 0; i < 5; i++) {
        await rejectsWith(
          adminAnswer(pool, "EMAIL_OTP", asked.session, { USERNAME: "kim", EMAIL_OTP_CODE: otherThan(code) }),
          "CodeMismatchException",
        );
      }
      await rejectsWith(
        adminAnswer(pool, "EMAIL_OTP", asked.session, { USERNAME: "kim", EMAIL_OTP_CODE: code }),
        "NotAuthorizedException",
        EXPIRED,
      );
      await rejectsWith(adminSignIn(t().client, pool, "kim"), "NotAuthorizedException", "Password attempts exceeded");
    });

    it("SELECT_MFA_TYPE: several factors and none preferred; the ANSWER's factor is asked next, with a new session", async () => {
      const pool = await mfaPool("OPTIONAL");
      await userWith(pool, "lea", { SMSMfaSettings: { Enabled: true }, EmailMfaSettings: { Enabled: true } });
      const asked = challengeOf(await adminSignIn(t().client, pool, "lea"));
      assert.equal(asked.name, "SELECT_MFA_TYPE");
      assert.deepEqual(asked.parameters, { MFAS_CAN_CHOOSE: '["SMS_MFA","EMAIL_OTP"]', USER_ID_FOR_SRP: "lea" });
      await rejectsWith(
        adminAnswer(pool, "SELECT_MFA_TYPE", asked.session, { USERNAME: "lea", ANSWER: "SOFTWARE_TOKEN_MFA" }),
        "InvalidParameterException",
      );
      const chosen = challengeOf(
        await adminAnswer(pool, "SELECT_MFA_TYPE", asked.session, { USERNAME: "lea", ANSWER: "EMAIL_OTP" }),
      );
      assert.equal(chosen.name, "EMAIL_OTP");
      assert.notEqual(chosen.session, asked.session);
      const { code } = await sentCode(t(), pool.poolId, "lea@example.com");
      await rejectsWith(
        adminAnswer(pool, "SMS_MFA", chosen.session, { USERNAME: "lea", SMS_MFA_CODE: code }),
        "InvalidParameterException",
      );
      assert.ok(
        (await adminAnswer(pool, "EMAIL_OTP", chosen.session, { USERNAME: "lea", EMAIL_OTP_CODE: code })).AuthenticationResult,
      );
    });

    it("SELECT_MFA_TYPE offers TOTP too, through the public operations, and a preferred factor is asked without a choice", async () => {
      const pool = await mfaPool("OPTIONAL");
      const secret = await userWith(pool, "max", {
        SoftwareTokenMfaSettings: { Enabled: true },
        SMSMfaSettings: { Enabled: true },
      });
      const asked = challengeOf(await publicSignIn(pool, "max"));
      assert.equal(asked.parameters.MFAS_CAN_CHOOSE, '["SMS_MFA","SOFTWARE_TOKEN_MFA"]');
      const chosen = challengeOf(
        await publicAnswer(pool, "SELECT_MFA_TYPE", asked.session, { USERNAME: "max", ANSWER: "SOFTWARE_TOKEN_MFA" }),
      );
      assert.equal(chosen.name, "SOFTWARE_TOKEN_MFA");
      const done = await publicAnswer(pool, "SOFTWARE_TOKEN_MFA", chosen.session, {
        USERNAME: "max",
        SOFTWARE_TOKEN_MFA_CODE: totpNow(secret),
      });
      assert.ok(done.AuthenticationResult);
      await prefer(pool, "max", { SMSMfaSettings: { PreferredMfa: true } });
      assert.equal(challengeOf(await publicSignIn(pool, "max")).name, "SMS_MFA");
    });

    it("keeps asking for a turned-on factor whose phone number is gone, refusing the sign-in rather than skipping MFA", async () => {
      const pool = await mfaPool("OPTIONAL");
      await userWith(pool, "nia", { SMSMfaSettings: { Enabled: true } });
      await t().client.send(
        new AdminDeleteUserAttributesCommand({ UserPoolId: pool.poolId, Username: "nia", UserAttributeNames: ["phone_number"] }),
      );
      await rejectsWith(adminSignIn(t().client, pool, "nia"), "InvalidParameterException", /phone_number/);
    });

    it("ON sends an SMS code to a user with a phone number and no factor turned on, after NEW_PASSWORD_REQUIRED", async () => {
      const pool = await mfaPool("ON", { SmsMfaConfiguration: { SmsConfiguration: SMS_CONFIGURATION } });
      await invitedUser(t().client, pool, "ola", { phone_number: PHONE });
      const first = challengeOf(await adminSignIn(t().client, pool, "ola", TEMPORARY_PASSWORD));
      const sms = challengeOf(
        await adminAnswer(pool, "NEW_PASSWORD_REQUIRED", first.session, { USERNAME: "ola", NEW_PASSWORD: PASSWORD }),
      );
      assert.equal(sms.name, "SMS_MFA");
      const { code } = await sentCode(t(), pool.poolId, PHONE);
      assert.ok((await adminAnswer(pool, "SMS_MFA", sms.session, { USERNAME: "ola", SMS_MFA_CODE: code })).AuthenticationResult);
      await invitedUser(t().client, pool, "pat");
      const other = challengeOf(await adminSignIn(t().client, pool, "pat", TEMPORARY_PASSWORD));
      const setup = challengeOf(
        await adminAnswer(pool, "NEW_PASSWORD_REQUIRED", other.session, { USERNAME: "pat", NEW_PASSWORD: PASSWORD }),
      );
      // Every factor the pool offers (setPoolMfa keeps TOTP on), though SMS is set up by adding a phone number.
      assert.deepEqual(setup.parameters, { MFAS_CAN_SETUP: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]', USER_ID_FOR_SRP: "pat" });
    });

    it("logs no SMS or email MFA code", async () => {
      const log = captureLog("trace");
      const own = await startTestServer(t().engine, { logger: log.logger });
      try {
        const pool = await signInPool(own.client, { SmsConfiguration: SMS_CONFIGURATION });
        await setPoolMfa(own.client, pool.poolId, {
          MfaConfiguration: "ON",
          SmsMfaConfiguration: { SmsConfiguration: SMS_CONFIGURATION },
        });
        await invitedUser(own.client, pool, "ray", { phone_number: PHONE });
        const first = challengeOf(await adminSignIn(own.client, pool, "ray", TEMPORARY_PASSWORD));
        const sms = challengeOf(
          await own.client.send(
            new AdminRespondToAuthChallengeCommand({
              UserPoolId: pool.poolId,
              ClientId: pool.clientId,
              ChallengeName: "NEW_PASSWORD_REQUIRED",
              Session: first.session,
              ChallengeResponses: { USERNAME: "ray", NEW_PASSWORD: PASSWORD },
            }),
          ),
        );
        const { code } = await sentCode(own, pool.poolId, PHONE);
        await own.client.send(
          new AdminRespondToAuthChallengeCommand({
            UserPoolId: pool.poolId,
            ClientId: pool.clientId,
            ChallengeName: "SMS_MFA",
            Session: sms.session,
            ChallengeResponses: { USERNAME: "ray", SMS_MFA_CODE: code },
          }),
        );
        const text = log.text();
        assert.ok(text.includes("AdminRespondToAuthChallenge"), "the requests were logged");
        assert.ok(!text.includes(code), "the log holds the code");
      } finally {
        await own.close();
      }
    });
  }
});
