import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminCreateUserCommand,
  AdminRespondToAuthChallengeCommand,
  AdminUpdateUserAttributesCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { adminSignIn, invitedUser, PASSWORD, signInPool, TEMPORARY_PASSWORD } from "../support/auth.js";
import { attributesOf, createPool, createUser, rejectsWith } from "../support/fixtures.js";
import { outbox, selfServicePool, signUp } from "../support/selfService.js";
import { describeEachEngine } from "../support/testServer.js";

/** Boolean attribute values are read without case and stored and returned in lower case, as Cognito does. */
describeEachEngine("Boolean attribute values", (t) => {
  const FLAG_SCHEMA = { Schema: [{ Name: "flag", AttributeDataType: "Boolean" as const }] };

  it('AdminCreateUser accepts "True" and "FALSE" for the verified flags and custom Booleans, and stores them in lower case', async () => {
    const poolId = await createPool(t().client, FLAG_SCHEMA);
    await t().client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: "cased",
        MessageAction: "SUPPRESS",
        UserAttributes: [
          { Name: "email", Value: "cased@example.com" },
          { Name: "email_verified", Value: "True" },
          { Name: "phone_number", Value: "+15550001234" },
          { Name: "phone_number_verified", Value: "FALSE" },
          { Name: "custom:flag", Value: "tRuE" },
        ],
      }),
    );
    const attributes = await attributesOf(t().client, poolId, "cased");
    assert.equal(attributes.email_verified, "true");
    assert.equal(attributes.phone_number_verified, "false");
    assert.equal(attributes["custom:flag"], "true");
  });

  it('AdminUpdateUserAttributes treats email_verified "True" as verified: no code is sent and the new email stays verified', async () => {
    const poolId = await createPool(t().client, { AutoVerifiedAttributes: ["email"], ...FLAG_SCHEMA });
    await createUser(t().client, poolId, "upd", { email: "old@example.com", email_verified: "true" });
    await t().client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username: "upd",
        UserAttributes: [
          { Name: "email", Value: "new@example.com" },
          { Name: "email_verified", Value: "True" },
          { Name: "custom:flag", Value: "FALSE" },
        ],
      }),
    );
    const attributes = await attributesOf(t().client, poolId, "upd");
    assert.equal(attributes.email, "new@example.com");
    assert.equal(attributes.email_verified, "true");
    assert.equal(attributes["custom:flag"], "false");
    assert.deepEqual(await outbox(t(), poolId), []);
  });

  it("SignUp accepts a custom Boolean in any case", async () => {
    const pool = await selfServicePool(t(), FLAG_SCHEMA);
    await signUp(t(), pool, "signer", { email: "signer@example.com", "custom:flag": "True" });
    assert.equal((await attributesOf(t().client, pool.poolId, "signer"))["custom:flag"], "true");
  });

  it("the NEW_PASSWORD_REQUIRED answer accepts a custom Boolean in any case", async () => {
    const pool = await signInPool(t().client, FLAG_SCHEMA);
    await invitedUser(t().client, pool, "newpw");
    const started = await adminSignIn(t().client, pool, "newpw", TEMPORARY_PASSWORD);
    await t().client.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: pool.poolId,
        ClientId: pool.clientId,
        ChallengeName: "NEW_PASSWORD_REQUIRED",
        Session: started.Session,
        ChallengeResponses: { USERNAME: "newpw", NEW_PASSWORD: PASSWORD, "userAttributes.custom:flag": "FaLsE" },
      }),
    );
    assert.equal((await attributesOf(t().client, pool.poolId, "newpw"))["custom:flag"], "false");
  });

  it("still refuses a Boolean value that is neither true nor false, and writes nothing", async () => {
    const poolId = await createPool(t().client, FLAG_SCHEMA);
    await createUser(t().client, poolId, "strict", { "custom:flag": "true" });
    await rejectsWith(
      t().client.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: poolId,
          Username: "strict",
          UserAttributes: [{ Name: "custom:flag", Value: "yes" }],
        }),
      ),
      "InvalidParameterException",
      "Attributes did not conform to the schema: custom:flag: Boolean must be true or false",
    );
    assert.equal((await attributesOf(t().client, poolId, "strict"))["custom:flag"], "true");
  });
});
