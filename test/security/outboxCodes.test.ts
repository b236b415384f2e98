import assert from "node:assert/strict";
import { it } from "node:test";
import { AdminCreateUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import { outbox, selfServicePool, signUp } from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

/**
 * The outbox lives in the database: a live code or temporary password kept
 * there would let anyone who can read the file take over the user. By
 * default it keeps them masked; `outboxCodes: "plain"` is for development.
 */
describeEachEngine(
  "the outbox keeps codes masked by default",
  (t) => {
    it("stores a confirmation code as ******, never the digits", async () => {
      const pool = await selfServicePool(t());
      await signUp(t(), pool, "masked", { email: "masked@example.com" });
      const [message] = await outbox(t(), pool.poolId);
      assert.equal(message?.body, "Your verification code is ******. ");
      assert.doesNotMatch(message?.body ?? "", /\d/);
    });

    it("stores an invitation's temporary password masked", async () => {
      const pool = await selfServicePool(t());
      await t().client.send(
        new AdminCreateUserCommand({
          UserPoolId: pool.poolId,
          Username: "invitee",
          TemporaryPassword: "Temp-Passw0rd!",
          UserAttributes: [{ Name: "email", Value: "invitee@example.com" }],
          DesiredDeliveryMediums: ["EMAIL"],
        }),
      );
      const [message] = await outbox(t(), pool.poolId);
      assert.equal(message?.body, "Your username is invitee and temporary password is ******. ");
    });
  },
  { outboxCodes: "masked" },
);

describeEachEngine(
  "the outbox keeps codes as sent when told to (development)",
  (t) => {
    it("stores the confirmation code's digits", async () => {
      const pool = await selfServicePool(t());
      await signUp(t(), pool, "plain", { email: "plain@example.com" });
      const [message] = await outbox(t(), pool.poolId);
      assert.match(message?.body ?? "", /^Your verification code is \d{6}\. $/);
    });
  },
  { outboxCodes: "plain" },
);
