import assert from "node:assert/strict";
import { it } from "node:test";
import { rejectsWith } from "../support/fixtures.js";
import {
  confirmForgotPassword,
  forgotPassword,
  NEW_PASSWORD,
  passwordWorks,
  permanentPasswordUser,
} from "../support/passwords.js";
import { confirmSignUp, latestCode, otherThan, resendCode, selfServicePool, signUp } from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

const MISMATCH = "Invalid verification code provided, please try again.";
const LIMIT = "Attempt limit exceeded, please try after some time.";
const HOUR = 3_600_000;

/**
 * Six-digit codes must not fall to guessing: a fresh code must not bring
 * fresh guesses, and codes cannot be asked for without limit (reference §8,
 * per-user quotas; users/userQuotas.ts).
 */
describeEachEngine("guessing one-time codes", (t) => {
  it("counts wrong codes per user across codes: after 15 in an hour even the right code is refused, until the hour has passed", async () => {
    const pool = await selfServicePool(t());
    await permanentPasswordUser(t(), pool.poolId, "victim", { email: "victim@example.com", email_verified: "true" });
    for (let code = 0; code < 3; code++) {
      await forgotPassword(t(), pool, "victim");
      const sent = await latestCode(t(), pool.poolId);
      for (let guess = 0; guess < 5; guess++) {
        await rejectsWith(confirmForgotPassword(t(), pool, "victim", otherThan(sent)), "CodeMismatchException", MISMATCH);
      }
    }
    await forgotPassword(t(), pool, "victim");
    const fourth = await latestCode(t(), pool.poolId);
    await rejectsWith(confirmForgotPassword(t(), pool, "victim", fourth), "LimitExceededException", LIMIT);
    assert.equal(await passwordWorks(t(), pool.poolId, "victim", NEW_PASSWORD), false);

    t().clock.advance(HOUR);
    await forgotPassword(t(), pool, "victim");
    await confirmForgotPassword(t(), pool, "victim", await latestCode(t(), pool.poolId));
    assert.equal(await passwordWorks(t(), pool.poolId, "victim", NEW_PASSWORD), true);
  });

  it("sends at most 5 confirmation codes a user an hour", async () => {
    const pool = await selfServicePool(t());
    await signUp(t(), pool, "newbie", { email: "newbie@example.com" });
    for (let i = 0; i < 5; i++) await resendCode(t(), pool, "newbie");
    await rejectsWith(resendCode(t(), pool, "newbie"), "LimitExceededException", LIMIT);
    t().clock.advance(HOUR);
    await resendCode(t(), pool, "newbie");
    await confirmSignUp(t(), pool, "newbie", await latestCode(t(), pool.poolId));
  });

  it("sends at most 5 password-reset codes a user an hour", async () => {
    const pool = await selfServicePool(t());
    await permanentPasswordUser(t(), pool.poolId, "forgetful", { email: "f@example.com", email_verified: "true" });
    for (let i = 0; i < 5; i++) await forgotPassword(t(), pool, "forgetful");
    await rejectsWith(forgotPassword(t(), pool, "forgetful"), "LimitExceededException", LIMIT);
    t().clock.advance(HOUR);
    await forgotPassword(t(), pool, "forgetful");
  });

  it("hashes a new password only for the right reset code, never for a wrong guess", async () => {
    const pool = await selfServicePool(t());
    await permanentPasswordUser(t(), pool.poolId, "hashy", { email: "h@example.com", email_verified: "true" });
    await forgotPassword(t(), pool, "hashy");
    const code = await latestCode(t(), pool.poolId);
    const hasher = t().server.domain.hasher;
    const hash = hasher.hash.bind(hasher);
    let hashed = 0;
    hasher.hash = (password: string) => {
      hashed++;
      return hash(password);
    };
    try {
      for (let i = 0; i < 3; i++) {
        await rejectsWith(confirmForgotPassword(t(), pool, "hashy", otherThan(code)), "CodeMismatchException", MISMATCH);
      }
      assert.equal(hashed, 0);
      await confirmForgotPassword(t(), pool, "hashy", code);
      assert.equal(hashed, 1);
    } finally {
      hasher.hash = hash;
    }
  });
});
