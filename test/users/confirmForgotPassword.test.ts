import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  ConfirmForgotPasswordCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { rejectsSecretHash, rejectsWith } from "../support/fixtures.js";
import {
  confirmForgotPassword,
  forgotPassword,
  NEW_PASSWORD,
  passwordWorks,
  permanentPasswordUser,
  storedUser,
} from "../support/passwords.js";
import { jsonHeaders, rawPost } from "../support/rawHttp.js";
import {
  getUser,
  latestCode,
  otherThan,
  PASSWORD,
  type SelfServicePool,
  secretHashFor,
  selfServicePool,
  statusOf,
} from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

const HOUR = 3_600_000;
const MISMATCH = "Invalid verification code provided, please try again.";
const EXPIRED = "Invalid code provided, please request a code again.";
const LIMIT = "Attempt limit exceeded, please try after some time.";
const EMAIL = { email: "alice@example.com", email_verified: "true" };

describeEachEngine("ConfirmForgotPassword", (t) => {
  /** A CONFIRMED user with a verified email, and the reset code ForgotPassword mailed them. */
  async function userWithCode(pool: SelfServicePool, username: string): Promise<string> {
    await permanentPasswordUser(t(), pool.poolId, username, { email: `${username}@example.com`, email_verified: "true" });
    await forgotPassword(t(), pool, username);
    return latestCode(t(), pool.poolId);
  }

  it("completes an administrator's reset: RESET_REQUIRED becomes CONFIRMED with the new password, and the code works once", async () => {
    const pool = await selfServicePool(t());
    await permanentPasswordUser(t(), pool.poolId, "alice", EMAIL);
    await t().client.send(new AdminResetUserPasswordCommand({ UserPoolId: pool.poolId, Username: "alice" }));
    const code = await latestCode(t(), pool.poolId);
    const before = await getUser(t(), pool.poolId, "alice");
    t().clock.advance(1000);
    const out = await confirmForgotPassword(t(), pool, "alice", code, NEW_PASSWORD, {
      ClientMetadata: { source: "test" },
      AnalyticsMetadata: { AnalyticsEndpointId: "endpoint" },
      UserContextData: { IpAddress: "192.0.2.1" },
    });
    assert.deepEqual(
      Object.keys(out).filter((k) => k !== "$metadata"),
      [],
    );

    const after = await getUser(t(), pool.poolId, "alice");
    assert.equal(after.UserStatus, "CONFIRMED");
    assert.deepEqual(after.UserAttributes, before.UserAttributes);
    assert.equal((after.UserLastModifiedDate?.getTime() ?? 0) - (before.UserLastModifiedDate?.getTime() ?? 0), 1000);
    const stored = await storedUser(t(), pool.poolId, "alice");
    assert.equal(stored.passwordExpiresAt, null);
    assert.equal(await passwordWorks(t(), pool.poolId, "alice", NEW_PASSWORD), true);

    await rejectsWith(confirmForgotPassword(t(), pool, "alice", code, "An0ther-Passw0rd"), "ExpiredCodeException", EXPIRED);
    assert.equal(await passwordWorks(t(), pool.poolId, "alice", NEW_PASSWORD), true);
  });

  it("lets only one of two simultaneous requests with the same code through", async () => {
    const pool = await selfServicePool(t());
    const code = await userWithCode(pool, "racer");
    const results = await Promise.allSettled([
      confirmForgotPassword(t(), pool, "racer", code, "F1rst-Passw0rd"),
      confirmForgotPassword(t(), pool, "racer", code, "Sec0nd-Passw0rd"),
    ]);
    const won = results.findIndex((r) => r.status === "fulfilled");
    assert.notEqual(won, -1);
    const lost = results[1 - won];
    assert.equal(lost?.status, "rejected");
    assert.equal(lost.status === "rejected" && (lost.reason as Error).name, "ExpiredCodeException");
    assert.equal(await passwordWorks(t(), pool.poolId, "racer", won === 0 ? "F1rst-Passw0rd" : "Sec0nd-Passw0rd"), true);
  });

  it("accepts a code for one hour, then answers ExpiredCodeException and changes nothing", async () => {
    const pool = await selfServicePool(t());
    const early = await userWithCode(pool, "early");
    const late = await userWithCode(pool, "late");
    t().clock.advance(HOUR - 1000);
    await confirmForgotPassword(t(), pool, "early", early);
    t().clock.advance(1000);
    await rejectsWith(confirmForgotPassword(t(), pool, "late", late), "ExpiredCodeException", EXPIRED);
    await rejectsWith(confirmForgotPassword(t(), pool, "late", late), "ExpiredCodeException", EXPIRED);
    assert.equal(await passwordWorks(t(), pool.poolId, "late", PASSWORD), true);
    assert.equal(await passwordWorks(t(), pool.poolId, "early", NEW_PASSWORD), true);

    await forgotPassword(t(), pool, "late");
    await confirmForgotPassword(t(), pool, "late", await latestCode(t(), pool.poolId));
    assert.equal(await passwordWorks(t(), pool.poolId, "late", NEW_PASSWORD), true);
  });

  it("answers a wrong code with CodeMismatchException and spends the code after five wrong guesses", async () => {
    const pool = await selfServicePool(t());
    const code = await userWithCode(pool, "guesser");
    for (let i = 0; i < 5; i++) {
      await rejectsWith(confirmForgotPassword(t(), pool, "guesser", otherThan(code)), "CodeMismatchException", MISMATCH);
    }
    await rejectsWith(confirmForgotPassword(t(), pool, "guesser", code), "LimitExceededException", LIMIT);
    await rejectsWith(confirmForgotPassword(t(), pool, "guesser", code), "ExpiredCodeException", EXPIRED);
    assert.equal(await statusOf(t(), pool.poolId, "guesser"), "CONFIRMED");
    assert.equal(await passwordWorks(t(), pool.poolId, "guesser", PASSWORD), true);

    await forgotPassword(t(), pool, "guesser");
    await confirmForgotPassword(t(), pool, "guesser", await latestCode(t(), pool.poolId));
    assert.equal(await passwordWorks(t(), pool.poolId, "guesser", NEW_PASSWORD), true);
  });

  it("answers ExpiredCodeException when no code was requested, and a code works only for its own user", async () => {
    const pool = await selfServicePool(t());
    await permanentPasswordUser(t(), pool.poolId, "nocode", EMAIL);
    await rejectsWith(confirmForgotPassword(t(), pool, "nocode", "123456"), "ExpiredCodeException", EXPIRED);
    const code = await userWithCode(pool, "owner");
    await rejectsWith(confirmForgotPassword(t(), pool, "nocode", code), "ExpiredCodeException", EXPIRED);
    await confirmForgotPassword(t(), pool, "owner", code);
  });

  it("checks the new password against the policy with the wording of password changes; the code survives", async () => {
    const pool = await selfServicePool(t(), { Policies: { PasswordPolicy: { MinimumLength: 8, RequireNumbers: true } } });
    const code = await userWithCode(pool, "picky");
    await rejectsWith(
      confirmForgotPassword(t(), pool, "picky", code, "short1"),
      "InvalidPasswordException",
      "Password does not conform to policy: Password not long enough",
    );
    for (let i = 0; i < 6; i++) {
      await rejectsWith(
        confirmForgotPassword(t(), pool, "picky", code, "longenough-but-no-digit"),
        "InvalidPasswordException",
        "Password does not conform to policy: Password must have numeric characters",
      );
    }
    assert.equal(await passwordWorks(t(), pool.poolId, "picky", PASSWORD), true);
    await confirmForgotPassword(t(), pool, "picky", code, "longenough-1");
    assert.equal(await passwordWorks(t(), pool.poolId, "picky", "longenough-1"), true);
  });

  it("answers an unknown user with UserNotFoundException (LEGACY) or, under ENABLED, as a user without a code (ExpiredCodeException)", async () => {
    const legacy = await selfServicePool(t());
    await rejectsWith(confirmForgotPassword(t(), legacy, "ghost", "123456"), "UserNotFoundException", "User does not exist.");
    const enabled = await selfServicePool(t(), {}, { PreventUserExistenceErrors: "ENABLED" });
    await rejectsWith(confirmForgotPassword(t(), enabled, "ghost", "123456"), "ExpiredCodeException", EXPIRED);
    // An existing user whose code is used up answers the same.
    const code = await userWithCode(enabled, "real");
    await confirmForgotPassword(t(), enabled, "real", code);
    await rejectsWith(confirmForgotPassword(t(), enabled, "real", code), "ExpiredCodeException", EXPIRED);
  });

  it("refuses a disabled user (NotAuthorizedException, or hidden under ENABLED) and keeps the code", async () => {
    for (const mode of ["LEGACY", "ENABLED"] as const) {
      const pool = await selfServicePool(t(), {}, { PreventUserExistenceErrors: mode });
      const code = await userWithCode(pool, "dora");
      await t().client.send(new AdminDisableUserCommand({ UserPoolId: pool.poolId, Username: "dora" }));
      if (mode === "LEGACY") {
        await rejectsWith(confirmForgotPassword(t(), pool, "dora", code), "NotAuthorizedException", "User is disabled.");
      } else {
        await rejectsWith(confirmForgotPassword(t(), pool, "dora", code), "ExpiredCodeException", EXPIRED);
      }
      assert.equal(await passwordWorks(t(), pool.poolId, "dora", PASSWORD), true);
      await t().client.send(new AdminEnableUserCommand({ UserPoolId: pool.poolId, Username: "dora" }));
      await confirmForgotPassword(t(), pool, "dora", code);
      assert.equal(await passwordWorks(t(), pool.poolId, "dora", NEW_PASSWORD), true);
    }
  });

  it("refuses a user given a temporary password after the code went out, keeping the code", async () => {
    const pool = await selfServicePool(t());
    const code = await userWithCode(pool, "moved");
    const setPassword = (Permanent: boolean) =>
      t().client.send(
        new AdminSetUserPasswordCommand({ UserPoolId: pool.poolId, Username: "moved", Password: "Temp-0rary", Permanent }),
      );
    await setPassword(false);
    await rejectsWith(
      confirmForgotPassword(t(), pool, "moved", code),
      "NotAuthorizedException",
      "User password cannot be reset in the current state.",
    );
    assert.equal(await statusOf(t(), pool.poolId, "moved"), "FORCE_CHANGE_PASSWORD");
    await setPassword(true);
    await confirmForgotPassword(t(), pool, "moved", code);
    assert.equal(await statusOf(t(), pool.poolId, "moved"), "CONFIRMED");
    assert.equal(await passwordWorks(t(), pool.poolId, "moved", NEW_PASSWORD), true);
  });

  it("requires the right SECRET_HASH from a client with a secret", async () => {
    const pool = await selfServicePool(t(), {}, { GenerateSecret: true });
    assert.ok(pool.clientSecret);
    const code = await userWithCode(pool, "sam");
    const plain = { ClientId: pool.clientId, Username: "sam", ConfirmationCode: code, Password: NEW_PASSWORD };
    await rejectsSecretHash(
      pool.clientId,
      (SecretHash) => t().client.send(new ConfirmForgotPasswordCommand({ ...plain, SecretHash })),
      secretHashFor("wrong-secret", "sam", pool.clientId),
    );
    assert.equal(await passwordWorks(t(), pool.poolId, "sam", PASSWORD), true);
    await confirmForgotPassword(t(), pool, "sam", code);
    assert.equal(await passwordWorks(t(), pool.poolId, "sam", NEW_PASSWORD), true);
  });

  it("needs no signature; validates its input; answers an unknown client with ResourceNotFoundException", async () => {
    const pool = await selfServicePool(t());
    const code = await userWithCode(pool, "unsigned");
    const response = await rawPost(
      t().url,
      jsonHeaders("ConfirmForgotPassword"),
      JSON.stringify({ ClientId: pool.clientId, Username: "unsigned", ConfirmationCode: code, Password: NEW_PASSWORD }),
    );
    assert.equal(response.status, 200);
    assert.deepEqual(response.json, {});

    const missing = await rawPost(
      t().url,
      jsonHeaders("ConfirmForgotPassword"),
      JSON.stringify({ ClientId: pool.clientId, Username: "unsigned", ConfirmationCode: "123456" }),
    );
    assert.equal(missing.json.__type, "InvalidParameterException");
    await rejectsWith(
      t().client.send(
        new ConfirmForgotPasswordCommand({
          ClientId: "nosuchclient",
          Username: "x",
          ConfirmationCode: "123456",
          Password: NEW_PASSWORD,
        }),
      ),
      "ResourceNotFoundException",
      "User pool client nosuchclient does not exist.",
    );
  });
});
