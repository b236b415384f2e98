import { it } from "node:test";
import { AdminDisableUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { adminSignIn, confirmedUser, PASSWORD, signInPool } from "../support/auth.js";
import { rejectsWith } from "../support/fixtures.js";
import { confirmForgotPassword, forgotPassword, permanentPasswordUser } from "../support/passwords.js";
import { latestCode, selfServicePool } from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

const INCORRECT = "Incorrect username or password.";
const EXPIRED = "Invalid code provided, please request a code again.";

/** With PreventUserExistenceErrors ENABLED, answers that would tell an attacker a user exists. */
describeEachEngine("PreventUserExistenceErrors hides who exists", (t) => {
  it("answers a disabled user's wrong password as any wrong password; only the right one hears the user is disabled", async () => {
    const pool = await signInPool(t().client, {}, { PreventUserExistenceErrors: "ENABLED" });
    await confirmedUser(t().client, pool, "dormant");
    await t().client.send(new AdminDisableUserCommand({ UserPoolId: pool.poolId, Username: "dormant" }));
    await rejectsWith(adminSignIn(t().client, pool, "dormant", "Wrong-Passw0rd!"), "NotAuthorizedException", INCORRECT);
    await rejectsWith(adminSignIn(t().client, pool, "nobody", "Wrong-Passw0rd!"), "NotAuthorizedException", INCORRECT);
    await rejectsWith(adminSignIn(t().client, pool, "dormant", PASSWORD), "NotAuthorizedException", "User is disabled.");
  });

  it("still says a disabled user is disabled without it (LEGACY), whatever the password", async () => {
    const pool = await signInPool(t().client);
    await confirmedUser(t().client, pool, "dormant");
    await t().client.send(new AdminDisableUserCommand({ UserPoolId: pool.poolId, Username: "dormant" }));
    await rejectsWith(adminSignIn(t().client, pool, "dormant", "Wrong-Passw0rd!"), "NotAuthorizedException", "User is disabled.");
  });

  it("answers ConfirmForgotPassword for an unknown user as for an existing user without a code", async () => {
    const pool = await selfServicePool(t(), {}, { PreventUserExistenceErrors: "ENABLED" });
    await permanentPasswordUser(t(), pool.poolId, "known", { email: "known@example.com", email_verified: "true" });
    await rejectsWith(confirmForgotPassword(t(), pool, "known", "123456"), "ExpiredCodeException", EXPIRED);
    await rejectsWith(confirmForgotPassword(t(), pool, "unknown", "123456"), "ExpiredCodeException", EXPIRED);
    // After a code went out and was used, the existing user answers the same again.
    await forgotPassword(t(), pool, "known");
    await confirmForgotPassword(t(), pool, "known", await latestCode(t(), pool.poolId));
    await rejectsWith(confirmForgotPassword(t(), pool, "known", "123456"), "ExpiredCodeException", EXPIRED);
  });
});
