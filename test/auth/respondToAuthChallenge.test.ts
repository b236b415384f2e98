import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  type ChallengeNameType,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import {
  adminRespond,
  adminSignIn,
  claimsOf,
  invitedUser,
  PASSWORD,
  type SignInPool,
  signInPool,
  TEMPORARY_PASSWORD,
} from "../support/auth.js";
import { attributesOf, createUser, rejectsWith } from "../support/fixtures.js";
import { describeEachEngine } from "../support/testServer.js";

describeEachEngine("RespondToAuthChallenge and AdminRespondToAuthChallenge: NEW_PASSWORD_REQUIRED", (t) => {
  /** Invites the user and signs in with the temporary password; returns the NEW_PASSWORD_REQUIRED session. */
  async function invited(pool: SignInPool, username: string, attributes: Record<string, string> = {}) {
    await invitedUser(t().client, pool, username, attributes);
    const out = await adminSignIn(t().client, pool, username, TEMPORARY_PASSWORD);
    assert.ok(out.Session);
    return out.Session;
  }

  const answer = (
    pool: SignInPool,
    session: string | undefined,
    responses: Record<string, string>,
    challenge: ChallengeNameType = "NEW_PASSWORD_REQUIRED",
  ) => adminRespond(t().client, pool, challenge, session, responses);

  it("sets the new password, confirms the user and returns tokens; the new password then signs in", async () => {
    const pool = await signInPool(t().client);
    const session = await invited(pool, "ann");
    const out = await answer(pool, session, { USERNAME: "ann", NEW_PASSWORD: PASSWORD });
    assert.ok(out.AuthenticationResult?.RefreshToken);
    assert.equal(claimsOf(out.AuthenticationResult?.IdToken).token_use, "id");
    assert.equal(
      (await t().client.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: "ann" }))).UserStatus,
      "CONFIRMED",
    );
    assert.ok((await adminSignIn(t().client, pool, "ann")).AuthenticationResult);
    await rejectsWith(adminSignIn(t().client, pool, "ann", TEMPORARY_PASSWORD), "NotAuthorizedException");
  });

  it("works through the public operations too (USER_PASSWORD_AUTH)", async () => {
    const pool = await signInPool(t().client);
    await invitedUser(t().client, pool, "pub");
    const started = await t().client.send(
      new InitiateAuthCommand({
        ClientId: pool.clientId,
        AuthFlow: "USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: "pub", PASSWORD: TEMPORARY_PASSWORD },
      }),
    );
    assert.equal(started.ChallengeName, "NEW_PASSWORD_REQUIRED");
    const done = await t().client.send(
      new RespondToAuthChallengeCommand({
        ClientId: pool.clientId,
        ChallengeName: "NEW_PASSWORD_REQUIRED",
        Session: started.Session,
        ChallengeResponses: { USERNAME: "pub", NEW_PASSWORD: PASSWORD },
      }),
    );
    assert.ok(done.AuthenticationResult?.AccessToken);
  });

  it("takes required attributes as userAttributes.<name> and refuses the answer without them", async () => {
    const pool = await signInPool(t().client, {
      Schema: [{ Name: "given_name", AttributeDataType: "String", Required: true, Mutable: true }],
    });
    const session = await invited(pool, "bo");
    await rejectsWith(
      answer(pool, session, { USERNAME: "bo", NEW_PASSWORD: PASSWORD }),
      "InvalidParameterException",
      "Invalid attributes given, given_name is missing",
    );
    await answer(pool, session, {
      USERNAME: "bo",
      NEW_PASSWORD: PASSWORD,
      "userAttributes.given_name": "Bo",
      "userAttributes.nickname": "B",
    });
    const attributes = await attributesOf(t().client, pool.poolId, "bo");
    assert.equal(attributes.given_name, "Bo");
    assert.equal(attributes.nickname, "B");
  });

  it("refuses writing a verified flag or overwriting a required attribute that has a value", async () => {
    const pool = await signInPool(t().client, {
      Schema: [{ Name: "email", AttributeDataType: "String", Required: true, Mutable: true }],
    });
    const session = await invited(pool, "cy", { email: "cy@example.com" });
    await rejectsWith(
      answer(pool, session, { USERNAME: "cy", NEW_PASSWORD: PASSWORD, "userAttributes.email_verified": "true" }),
      "InvalidParameterException",
      "Cannot modify the non-mutable attribute email_verified",
    );
    await rejectsWith(
      answer(pool, session, { USERNAME: "cy", NEW_PASSWORD: PASSWORD, "userAttributes.email": "other@example.com" }),
      "InvalidParameterException",
      "Cannot modify an already provided email",
    );
  });

  it("checks the new password against the policy, and the session survives that mistake", async () => {
    const pool = await signInPool(t().client);
    const session = await invited(pool, "di");
    await rejectsWith(
      answer(pool, session, { USERNAME: "di", NEW_PASSWORD: "short" }),
      "InvalidPasswordException",
      "Password does not conform to policy: Password not long enough",
    );
    await answer(pool, session, { USERNAME: "di", NEW_PASSWORD: PASSWORD });
  });

  it("uses a session once", async () => {
    const pool = await signInPool(t().client);
    const session = await invited(pool, "ed");
    await answer(pool, session, { USERNAME: "ed", NEW_PASSWORD: PASSWORD });
    await rejectsWith(
      answer(pool, session, { USERNAME: "ed", NEW_PASSWORD: "Another-Passw0rd!" }),
      "NotAuthorizedException",
      /session/,
    );
  });

  it("refuses a session after three minutes", async () => {
    const pool = await signInPool(t().client);
    const session = await invited(pool, "flo");
    t().clock.advance(3 * 60_000 + 1);
    await rejectsWith(
      answer(pool, session, { USERNAME: "flo", NEW_PASSWORD: PASSWORD }),
      "NotAuthorizedException",
      "Invalid session for the user, session is expired.",
    );
  });

  it("refuses a tampered or missing session, another user's name, and another client", async () => {
    const pool = await signInPool(t().client);
    const session = await invited(pool, "gil");
    await invited(pool, "hob");
    const tampered = `${session.slice(0, -2)}${session.endsWith("AA") ? "BB" : "AA"}`;
    await rejectsWith(answer(pool, tampered, { USERNAME: "gil", NEW_PASSWORD: PASSWORD }), "NotAuthorizedException");
    await rejectsWith(answer(pool, undefined, { USERNAME: "gil", NEW_PASSWORD: PASSWORD }), "NotAuthorizedException");
    await rejectsWith(answer(pool, session, { USERNAME: "hob", NEW_PASSWORD: PASSWORD }), "NotAuthorizedException");
    const other = await signInPool(t().client);
    await rejectsWith(answer(other, session, { USERNAME: "gil", NEW_PASSWORD: PASSWORD }), "NotAuthorizedException");
    await answer(pool, session, { USERNAME: "gil", NEW_PASSWORD: PASSWORD });
  });

  it("refuses a preferred_username alias another user holds with AliasExistsException, and the session survives", async () => {
    const pool = await signInPool(t().client, { AliasAttributes: ["preferred_username"] });
    await createUser(t().client, pool.poolId, "holder", { preferred_username: "taken" });
    const session = await invited(pool, "jo");
    await rejectsWith(
      answer(pool, session, { USERNAME: "jo", NEW_PASSWORD: PASSWORD, "userAttributes.preferred_username": "taken" }),
      "AliasExistsException",
      "An account with the preferred_username already exists.",
    );
    await answer(pool, session, { USERNAME: "jo", NEW_PASSWORD: PASSWORD, "userAttributes.preferred_username": "free" });
    assert.equal((await attributesOf(t().client, pool.poolId, "jo")).preferred_username, "free");
  });

  it("refuses a user disabled since the challenge; the session survives until the user is enabled again", async () => {
    const pool = await signInPool(t().client);
    const session = await invited(pool, "kit");
    await t().client.send(new AdminDisableUserCommand({ UserPoolId: pool.poolId, Username: "kit" }));
    await rejectsWith(
      answer(pool, session, { USERNAME: "kit", NEW_PASSWORD: PASSWORD }),
      "NotAuthorizedException",
      "User is disabled.",
    );
    assert.equal(
      (await t().client.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: "kit" }))).UserStatus,
      "FORCE_CHANGE_PASSWORD",
    );
    await t().client.send(new AdminEnableUserCommand({ UserPoolId: pool.poolId, Username: "kit" }));
    assert.ok((await answer(pool, session, { USERNAME: "kit", NEW_PASSWORD: PASSWORD })).AuthenticationResult);
  });

  it("refuses the session of a user no longer waiting for a new password", async () => {
    const pool = await signInPool(t().client);
    const session = await invited(pool, "lu");
    await t().client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: pool.poolId, Username: "lu", Password: PASSWORD, Permanent: true }),
    );
    await rejectsWith(
      answer(pool, session, { USERNAME: "lu", NEW_PASSWORD: "Another-Passw0rd!" }),
      "NotAuthorizedException",
      "Invalid session for the user.",
    );
    assert.ok((await adminSignIn(t().client, pool, "lu")).AuthenticationResult);
  });

  it("refuses an answer to a challenge this session is not for", async () => {
    const pool = await signInPool(t().client);
    const session = await invited(pool, "ike");
    await rejectsWith(
      answer(pool, session, { USERNAME: "ike", SOFTWARE_TOKEN_MFA_CODE: "123456" }, "SOFTWARE_TOKEN_MFA"),
      "InvalidParameterException",
    );
  });
});
