import assert from "node:assert/strict";
import { it } from "node:test";
import { AdminSetUserMFAPreferenceCommand, type ExplicitAuthFlowsType } from "@aws-sdk/client-cognito-identity-provider";
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
  type ICognitoUserAttributeData,
} from "amazon-cognito-identity-js";
import { Amplify } from "aws-amplify";
import { confirmSignIn, fetchAuthSession, signIn, signOut } from "aws-amplify/auth";
import { cognitoUserPoolsTokenProvider } from "aws-amplify/auth/cognito";
import {
  claimsOf,
  confirmedUser,
  invitedUser,
  PASSWORD,
  refresh,
  type SignInPool,
  signInPool,
  TEMPORARY_PASSWORD,
} from "../support/auth.js";
import { rejectsWith } from "../support/fixtures.js";
import { authenticatorCode, enrolSoftwareToken, setPoolMfa } from "../support/mfa.js";
import { describeEachEngine } from "../support/testServer.js";

/**
 * The browser and mobile clients, unmodified but for the endpoint, signing
 * in with their default flow, USER_SRP_AUTH (reference §4.3), against a
 * real server from Node (which has the fetch they need).
 */

const SRP_CLIENT = {
  ExplicitAuthFlows: [
    "ALLOW_USER_SRP_AUTH",
    "ALLOW_ADMIN_USER_PASSWORD_AUTH",
    "ALLOW_REFRESH_TOKEN_AUTH",
  ] as ExplicitAuthFlowsType[],
};

describeEachEngine("amazon-cognito-identity-js signs in with SRP", (t) => {
  let pool: SignInPool;
  let userPool: CognitoUserPool;

  const cognitoUser = (username: string) => new CognitoUser({ Username: username, Pool: userPool });

  /** authenticateUser as an app calls it; resolves with the session, or with the new-password step's user. */
  function authenticate(username: string, password: string) {
    const user = cognitoUser(username);
    return new Promise<{ session: CognitoUserSession } | { newPassword: CognitoUser; attributes: ICognitoUserAttributeData }>(
      (resolve, reject) => {
        user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
          onSuccess: (session) => resolve({ session }),
          onFailure: reject,
          newPasswordRequired: (attributes: ICognitoUserAttributeData) => resolve({ newPassword: user, attributes }),
        });
      },
    );
  }

  it("authenticateUser with the right password returns a valid session for the user", async () => {
    pool = await signInPool(t().client, {}, SRP_CLIENT);
    userPool = new CognitoUserPool({ UserPoolId: pool.poolId, ClientId: pool.clientId, endpoint: t().url });
    await confirmedUser(t().client, pool, "alice");
    const out = await authenticate("alice", PASSWORD);
    assert.ok("session" in out);
    assert.ok(out.session.isValid());
    assert.equal(out.session.getIdToken().payload["cognito:username"], "alice");
  });

  it("authenticateUser with a wrong password fails with NotAuthorizedException", async () => {
    await rejectsWith(authenticate("alice", "Wrong-Passw0rd!"), "NotAuthorizedException", "Incorrect username or password.");
  });

  it("completes newPasswordRequired with completeNewPasswordChallenge, and the new password then signs in", async () => {
    await invitedUser(t().client, pool, "nora", { email: "nora@example.com" });
    const out = await authenticate("nora", TEMPORARY_PASSWORD);
    assert.ok("newPassword" in out);
    const session = await new Promise<CognitoUserSession>((resolve, reject) =>
      out.newPassword.completeNewPasswordChallenge(PASSWORD, {}, { onSuccess: resolve, onFailure: reject }),
    );
    assert.ok(session.isValid());
    assert.ok("session" in (await authenticate("nora", PASSWORD)));
  });

  it("after SRP, asks a user with TOTP on for the authenticator's code (totpRequired) and signs in with sendMFACode", async () => {
    await setPoolMfa(t().client, pool.poolId);
    const { AccessToken } = await confirmedUser(t().client, pool, "tina");
    assert.ok(AccessToken);
    const secret = await enrolSoftwareToken(t(), AccessToken);
    await t().client.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: pool.poolId,
        Username: "tina",
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    const user = cognitoUser("tina");
    const asked = await new Promise<string>((resolve, reject) =>
      user.authenticateUser(new AuthenticationDetails({ Username: "tina", Password: PASSWORD }), {
        onSuccess: () => reject(new Error("signed in without the second factor")),
        onFailure: reject,
        totpRequired: (challenge: string) => resolve(challenge),
      }),
    );
    assert.equal(asked, "SOFTWARE_TOKEN_MFA");
    // The enrolment used the current step's code; an authenticator shows the next one 30 s later.
    t().clock.advance(30_000);
    const session = await new Promise<CognitoUserSession>((resolve, reject) =>
      user.sendMFACode(
        authenticatorCode(secret, t().clock.now()),
        { onSuccess: resolve, onFailure: reject },
        "SOFTWARE_TOKEN_MFA",
      ),
    );
    assert.equal(session.getAccessToken().payload.username, "tina");
  });

  it("refreshSession returns new tokens for the refresh token", async () => {
    const out = await authenticate("alice", PASSWORD);
    assert.ok("session" in out);
    const user = cognitoUser("alice");
    const refreshed = await new Promise<CognitoUserSession>((resolve, reject) =>
      user.refreshSession(out.session.getRefreshToken(), (error: Error | null, session: CognitoUserSession) =>
        error ? reject(error) : resolve(session),
      ),
    );
    assert.ok(refreshed.isValid());
    assert.notEqual(refreshed.getAccessToken().payload.jti, out.session.getAccessToken().payload.jti);
  });
});

describeEachEngine("Amplify v6 signs in with SRP", (t) => {
  let pool: SignInPool;
  const storage = new Map<string, string>();

  it("signIn's default flow reaches the new-password step, and confirmSignIn with a new password signs the user in", async () => {
    pool = await signInPool(t().client, {}, SRP_CLIENT);
    Amplify.configure({
      Auth: { Cognito: { userPoolId: pool.poolId, userPoolClientId: pool.clientId, userPoolEndpoint: t().url } },
    });
    // Amplify keeps tokens in a key-value storage; Node has no localStorage, so it gets one in memory.
    cognitoUserPoolsTokenProvider.setKeyValueStorage({
      setItem: async (key, value) => void storage.set(key, value),
      getItem: async (key) => storage.get(key) ?? null,
      removeItem: async (key) => void storage.delete(key),
      clear: async () => storage.clear(),
    });
    await invitedUser(t().client, pool, "amp");
    const started = await signIn({ username: "amp", password: TEMPORARY_PASSWORD });
    assert.equal(started.nextStep.signInStep, "CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED");
    const done = await confirmSignIn({ challengeResponse: PASSWORD });
    assert.equal(done.isSignedIn, true);
    assert.equal(done.nextStep.signInStep, "DONE");
  });

  it("fetchAuthSession returns the tokens, and with forceRefresh new ones from the refresh token", async () => {
    const first = await fetchAuthSession();
    assert.equal(claimsOf(first.tokens?.idToken?.toString())["cognito:username"], "amp");
    const refreshed = await fetchAuthSession({ forceRefresh: true });
    assert.ok(refreshed.tokens?.accessToken);
    assert.notEqual(refreshed.tokens.accessToken.payload.jti, first.tokens?.accessToken.payload.jti);
  });

  it("signOut({ global: true }) revokes the user's refresh tokens and clears what Amplify kept", async () => {
    const refreshToken = [...storage.entries()].find(([key]) => key.endsWith(".refreshToken"))?.[1];
    assert.ok(refreshToken);
    await signOut({ global: true });
    assert.equal((await fetchAuthSession()).tokens, undefined);
    await rejectsWith(refresh(t().client, pool, refreshToken), "NotAuthorizedException");
  });

  it("signIn with a wrong password fails with NotAuthorizedException", async () => {
    await confirmedUser(t().client, pool, "wrong");
    await rejectsWith(
      signIn({ username: "wrong", password: "Wrong-Passw0rd!" }),
      "NotAuthorizedException",
      "Incorrect username or password.",
    );
  });
});
