import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminGetUserCommand,
  AssociateSoftwareTokenCommand,
  VerifySoftwareTokenCommand,
  type VerifySoftwareTokenCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";
import { confirmedUser, signInPool } from "../support/auth.js";
import { rejectsWith } from "../support/fixtures.js";
import { captureLog } from "../support/logs.js";
import { associate, authenticatorCode, enrolSoftwareToken, setPoolMfa, signedInMfaUser } from "../support/mfa.js";
import { storedUser } from "../support/passwords.js";
import { describeEachEngine, startTestServer } from "../support/testServer.js";

const STEP = 30_000;
const MISMATCH = "Code mismatch and fail enable Software Token MFA";
const A_SESSION = "a-session-string-of-twenty-or-more-characters";

describeEachEngine("AssociateSoftwareToken / VerifySoftwareToken", (t) => {
  const verify = (input: VerifySoftwareTokenCommandInput) => t().client.send(new VerifySoftwareTokenCommand(input));

  it("hands out a new 52-character base-32 secret on each call", async () => {
    const { accessToken } = await signedInMfaUser(t(), "ada");
    const first = await associate(t(), accessToken);
    const second = await associate(t(), accessToken);
    assert.match(first, /^[A-Z2-7]{52}$/);
    assert.notEqual(first, second);
  });

  it("accepts the authenticator's current code, answering SUCCESS, and keeps the secret sealed at rest", async () => {
    const { pool, accessToken } = await signedInMfaUser(t(), "bea");
    const secret = await associate(t(), accessToken);
    const answer = await verify({ AccessToken: accessToken, UserCode: authenticatorCode(secret, t().clock.now()) });
    assert.equal(answer.Status, "SUCCESS");
    const stored = await storedUser(t(), pool.poolId, "bea");
    assert.ok(stored.mfa.totpSecret?.startsWith("v1."));
    assert.ok(!JSON.stringify(stored).includes(secret));
  });

  it("keeps the FriendlyDeviceName with the verified token", async () => {
    const { pool, accessToken } = await signedInMfaUser(t(), "cai");
    await enrolSoftwareToken(t(), accessToken, "Cai's phone");
    assert.equal((await storedUser(t(), pool.poolId, "cai")).mfa.totpDeviceName, "Cai's phone");
  });

  it("verifies the token without turning TOTP MFA on in an OPTIONAL pool", async () => {
    const { pool, accessToken } = await signedInMfaUser(t(), "dan");
    await enrolSoftwareToken(t(), accessToken);
    const user = await t().client.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: "dan" }));
    assert.equal(user.UserMFASettingList, undefined);
  });

  it("turns TOTP MFA on as it verifies the token in a pool that requires MFA", async () => {
    const { pool, accessToken } = await signedInMfaUser(t(), "eve");
    await setPoolMfa(t().client, pool.poolId, { MfaConfiguration: "ON" });
    await enrolSoftwareToken(t(), accessToken);
    const user = await t().client.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: "eve" }));
    assert.deepEqual(user.UserMFASettingList, ["SOFTWARE_TOKEN_MFA"]);
  });

  it("accepts a code one 30-second step early or late, and refuses one two steps away", async () => {
    const { accessToken } = await signedInMfaUser(t(), "fay");
    const secret = await associate(t(), accessToken);
    const now = t().clock.now();
    await rejectsWith(
      verify({ AccessToken: accessToken, UserCode: authenticatorCode(secret, now + 2 * STEP) }),
      "EnableSoftwareTokenMFAException",
      MISMATCH,
    );
    await rejectsWith(
      verify({ AccessToken: accessToken, UserCode: authenticatorCode(secret, now - 2 * STEP) }),
      "EnableSoftwareTokenMFAException",
      MISMATCH,
    );
    const late = await verify({ AccessToken: accessToken, UserCode: authenticatorCode(secret, now - STEP) });
    assert.equal(late.Status, "SUCCESS");
    const early = await verify({ AccessToken: accessToken, UserCode: authenticatorCode(secret, now + STEP) });
    assert.equal(early.Status, "SUCCESS");
  });

  it("refuses a wrong code and keeps the secret waiting for the right one", async () => {
    const { accessToken } = await signedInMfaUser(t(), "gus");
    const secret = await associate(t(), accessToken);
    const right = authenticatorCode(secret, t().clock.now());
    const wrong = right === "000000" ? "111111" : "000000";
    await rejectsWith(verify({ AccessToken: accessToken, UserCode: wrong }), "EnableSoftwareTokenMFAException", MISMATCH);
    assert.equal((await verify({ AccessToken: accessToken, UserCode: right })).Status, "SUCCESS");
  });

  it("accepts a code once: the same code again is refused, the next step's code is accepted", async () => {
    const { accessToken } = await signedInMfaUser(t(), "hal");
    const secret = await enrolSoftwareToken(t(), accessToken);
    const used = authenticatorCode(secret, t().clock.now());
    await rejectsWith(verify({ AccessToken: accessToken, UserCode: used }), "EnableSoftwareTokenMFAException", MISMATCH);
    t().clock.advance(STEP);
    // Still inside the skew window, and still used.
    await rejectsWith(verify({ AccessToken: accessToken, UserCode: used }), "EnableSoftwareTokenMFAException", MISMATCH);
    const next = await verify({ AccessToken: accessToken, UserCode: authenticatorCode(secret, t().clock.now()) });
    assert.equal(next.Status, "SUCCESS");
  });

  it("of two concurrent uses of one code, accepts exactly one", async () => {
    const { accessToken } = await signedInMfaUser(t(), "ivy");
    const secret = await associate(t(), accessToken);
    const code = authenticatorCode(secret, t().clock.now());
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, () => verify({ AccessToken: accessToken, UserCode: code })),
    );
    assert.equal(outcomes.filter((o) => o.status === "fulfilled").length, 1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") assert.equal((outcome.reason as Error).name, "EnableSoftwareTokenMFAException");
    }
  });

  it("keeps a verified token working until a new association is verified, then uses the new one", async () => {
    const { pool, accessToken } = await signedInMfaUser(t(), "jon");
    await setPoolMfa(t().client, pool.poolId, { MfaConfiguration: "ON" });
    await enrolSoftwareToken(t(), accessToken);
    const replacement = await associate(t(), accessToken);
    const user = await t().client.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: "jon" }));
    assert.deepEqual(user.UserMFASettingList, ["SOFTWARE_TOKEN_MFA"]);
    t().clock.advance(STEP);
    const answer = await verify({ AccessToken: accessToken, UserCode: authenticatorCode(replacement, t().clock.now()) });
    assert.equal(answer.Status, "SUCCESS");
    assert.equal((await storedUser(t(), pool.poolId, "jon")).mfa.pendingTotpSecret, null);
  });

  it("refuses VerifySoftwareToken before any AssociateSoftwareToken", async () => {
    const { accessToken } = await signedInMfaUser(t(), "kit");
    await rejectsWith(
      verify({ AccessToken: accessToken, UserCode: "123456" }),
      "SoftwareTokenMFANotFoundException",
      "Software Token MFA does not exist for the user.",
    );
  });

  it("refuses both operations in a pool that does not offer TOTP MFA", async () => {
    const pool = await signInPool(t().client);
    const { AccessToken } = await confirmedUser(t().client, pool, "lou");
    const message = "Software Token MFA has not been enabled by the userPool.";
    await rejectsWith(
      t().client.send(new AssociateSoftwareTokenCommand({ AccessToken })),
      "SoftwareTokenMFANotFoundException",
      message,
    );
    await rejectsWith(verify({ AccessToken, UserCode: "123456" }), "SoftwareTokenMFANotFoundException", message);
  });

  it("refuses a UserCode that is not six digits, without echoing it", async () => {
    const { accessToken } = await signedInMfaUser(t(), "max");
    const error = await rejectsWith(verify({ AccessToken: accessToken, UserCode: "12345a" }), "InvalidParameterException");
    assert.match(
      error.message,
      /Value at 'userCode' failed to satisfy constraint: Member must satisfy regular expression pattern: \[0-9\]\+/,
    );
    assert.ok(!error.message.includes("12345a"));
    await rejectsWith(
      verify({ AccessToken: accessToken, UserCode: "1234567" }),
      "InvalidParameterException",
      /length less than or equal to 6/,
    );
  });

  it("refuses an invalid access token", async () => {
    await rejectsWith(
      t().client.send(new AssociateSoftwareTokenCommand({ AccessToken: "not.a.token" })),
      "NotAuthorizedException",
      "Invalid Access Token",
    );
  });

  it("refuses a Session that no MFA_SETUP challenge handed out", async () => {
    const expired = "Invalid session for the user, session is expired.";
    await rejectsWith(
      t().client.send(new AssociateSoftwareTokenCommand({ Session: A_SESSION })),
      "NotAuthorizedException",
      expired,
    );
    await rejectsWith(verify({ Session: A_SESSION, UserCode: "123456" }), "NotAuthorizedException", expired);
  });

  it("refuses a request with both an access token and a Session, or with neither", async () => {
    const { accessToken } = await signedInMfaUser(t(), "ned");
    await rejectsWith(
      t().client.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken, Session: A_SESSION })),
      "InvalidParameterException",
    );
    await rejectsWith(t().client.send(new AssociateSoftwareTokenCommand({})), "InvalidParameterException");
  });
});

it("logs no TOTP secret, code or otpauth URI, even at trace level", async () => {
  const log = captureLog("trace");
  const t = await startTestServer("sqlite", { logger: log.logger });
  try {
    const { accessToken } = await signedInMfaUser(t, "olive");
    const secret = await associate(t, accessToken);
    const code = authenticatorCode(secret, t.clock.now());
    await t.client.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: code }));
    const wrong = code === "000000" ? "111111" : "000000";
    await rejectsWith(
      t.client.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: wrong })),
      "EnableSoftwareTokenMFAException",
    );
    const text = log.text();
    assert.ok(text.includes("VerifySoftwareToken"), "the requests were logged");
    for (const leak of [secret, code, "otpauth"]) assert.ok(!text.includes(leak), `the log holds ${leak}`);
  } finally {
    await t.close();
  }
});
