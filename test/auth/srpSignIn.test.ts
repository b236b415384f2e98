import assert from "node:assert/strict";
import { it } from "node:test";
import {
  AdminConfirmSignUpCommand,
  AdminDisableUserCommand,
  AdminInitiateAuthCommand,
  AdminResetUserPasswordCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserPasswordCommand,
  ChangePasswordCommand,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
  RespondToAuthChallengeCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import {
  adminSignIn,
  confirmedUser,
  invitedUser,
  PASSWORD,
  type SignInPool,
  signInPool,
  TEMPORARY_PASSWORD,
} from "../support/auth.js";
import { createUser, rejectsSecretHash, rejectsWith } from "../support/fixtures.js";
import { captureLog } from "../support/logs.js";
import { NEW_PASSWORD, storedUser } from "../support/passwords.js";
import { secretHashFor, signUp } from "../support/selfService.js";
import { SRP_N, type SrpAnswerOptions, srpAnswer, srpStart, srpTimestamp } from "../support/srpClient.js";
import { noKeys } from "../support/storeFixtures.js";
import { describeEachEngine } from "../support/testServer.js";

const SRP_FLOWS = ["ALLOW_USER_SRP_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] as const;
const INCORRECT = "Incorrect username or password.";

const log = captureLog("info");

describeEachEngine(
  "USER_SRP_AUTH and PASSWORD_VERIFIER",
  (t) => {
    const pool = (app: Parameters<typeof signInPool>[2] = {}) =>
      signInPool(t().client, {}, { ExplicitAuthFlows: [...SRP_FLOWS], ...app });

    /** Step 1 through the public InitiateAuth. */
    const initiate = (p: SignInPool, username: string, srpA: string, extra: Record<string, string> = {}) =>
      t().client.send(
        new InitiateAuthCommand({
          ClientId: p.clientId,
          AuthFlow: "USER_SRP_AUTH",
          AuthParameters: { USERNAME: username, SRP_A: srpA, ...extra },
        }),
      );

    /** Step 2 through the public RespondToAuthChallenge. */
    const respond = (p: SignInPool, responses: Record<string, string>) =>
      t().client.send(
        new RespondToAuthChallengeCommand({
          ClientId: p.clientId,
          ChallengeName: "PASSWORD_VERIFIER",
          ChallengeResponses: responses,
        }),
      );

    /** The answer a client gives, signed at the server's time unless the options say otherwise. */
    const answerTo = (
      p: SignInPool,
      started: InitiateAuthCommandOutput,
      password: string,
      start = srpStart(),
      options: SrpAnswerOptions = {},
    ) =>
      srpAnswer(p.poolId, started.ChallengeParameters, password, start, {
        timestamp: srpTimestamp(new Date(t().clock.now())),
        ...options,
      });

    /** Both steps with `password`; returns the second step's promise. */
    async function srpSignIn(p: SignInPool, username: string, password = PASSWORD, extra: Record<string, string> = {}) {
      const start = srpStart();
      const started = await initiate(p, username, start.srpA, extra);
      return respond(p, { ...answerTo(p, started, password, start), ...extra });
    }

    it("asks PASSWORD_VERIFIER with SALT, SRP_B, SECRET_BLOCK, USERNAME and USER_ID_FOR_SRP and no Session; the right proof returns tokens", async () => {
      const p = await pool();
      await confirmedUser(t().client, p, "ann");
      const start = srpStart();
      const started = await initiate(p, "ann", start.srpA);
      assert.equal(started.ChallengeName, "PASSWORD_VERIFIER");
      assert.equal(started.Session, undefined);
      assert.deepEqual(Object.keys(started.ChallengeParameters ?? {}).sort(), [
        "SALT",
        "SECRET_BLOCK",
        "SRP_B",
        "USERNAME",
        "USER_ID_FOR_SRP",
      ]);
      assert.equal(started.ChallengeParameters?.USER_ID_FOR_SRP, "ann");
      assert.match(started.ChallengeParameters?.SECRET_BLOCK ?? "", /^[A-Za-z0-9+/]+=*$/);
      const done = await respond(p, answerTo(p, started, PASSWORD, start));
      assert.ok(done.AuthenticationResult?.AccessToken);
      assert.ok(done.AuthenticationResult?.RefreshToken);
    });

    it("runs on AdminInitiateAuth and AdminRespondToAuthChallenge too", async () => {
      const p = await pool();
      await confirmedUser(t().client, p, "adam");
      const start = srpStart();
      const started = await t().client.send(
        new AdminInitiateAuthCommand({
          UserPoolId: p.poolId,
          ClientId: p.clientId,
          AuthFlow: "USER_SRP_AUTH",
          AuthParameters: { USERNAME: "adam", SRP_A: start.srpA },
        }),
      );
      assert.equal(started.ChallengeName, "PASSWORD_VERIFIER");
      const done = await t().client.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId: p.poolId,
          ClientId: p.clientId,
          ChallengeName: "PASSWORD_VERIFIER",
          ChallengeResponses: answerTo(p, started, PASSWORD, start),
        }),
      );
      assert.ok(done.AuthenticationResult?.IdToken);
    });

    it("is refused for a client that does not allow ALLOW_USER_SRP_AUTH", async () => {
      const p = await signInPool(t().client);
      await rejectsWith(
        initiate(p, "nobody", srpStart().srpA),
        "InvalidParameterException",
        "USER_SRP_AUTH flow not enabled for this client",
      );
    });

    it("refuses a proof of the wrong password, and the secret block is then used up", async () => {
      const p = await pool();
      await confirmedUser(t().client, p, "wes");
      const start = srpStart();
      const started = await initiate(p, "wes", start.srpA);
      await rejectsWith(respond(p, answerTo(p, started, "Wrong-Passw0rd!", start)), "NotAuthorizedException", INCORRECT);
      await rejectsWith(respond(p, answerTo(p, started, PASSWORD, start)), "NotAuthorizedException");
    });

    it("uses a secret block once: the same answer again is refused", async () => {
      const p = await pool();
      await confirmedUser(t().client, p, "ona");
      const start = srpStart();
      const started = await initiate(p, "ona", start.srpA);
      const answer = answerTo(p, started, PASSWORD, start);
      assert.ok((await respond(p, answer)).AuthenticationResult);
      await rejectsWith(respond(p, answer), "NotAuthorizedException");
    });

    it("refuses a forged secret block, even one signed correctly", async () => {
      const p = await pool();
      await confirmedUser(t().client, p, "fay");
      const start = srpStart();
      const started = await initiate(p, "fay", start.srpA);
      const block = Buffer.from(started.ChallengeParameters?.SECRET_BLOCK ?? "", "base64");
      block[20] = (block[20] ?? 0) ^ 1;
      const forged = {
        ...started,
        ChallengeParameters: { ...started.ChallengeParameters, SECRET_BLOCK: block.toString("base64") },
      };
      await rejectsWith(respond(p, answerTo(p, forged, PASSWORD, start)), "NotAuthorizedException", INCORRECT);
    });

    it("refuses a wrong signature, a TIMESTAMP far from the server's clock, and a zero-padded day", async () => {
      const p = await pool();
      await confirmedUser(t().client, p, "tim");
      const attempt = async (change: (answer: Record<string, string>) => Record<string, string>) => {
        const start = srpStart();
        const started = await initiate(p, "tim", start.srpA);
        return respond(p, change(answerTo(p, started, PASSWORD, start)));
      };
      await rejectsWith(
        attempt((a) => ({ ...a, PASSWORD_CLAIM_SIGNATURE: Buffer.alloc(32, 7).toString("base64") })),
        "NotAuthorizedException",
        INCORRECT,
      );
      const start = srpStart();
      const started = await initiate(p, "tim", start.srpA);
      const skewed = srpTimestamp(new Date(t().clock.now() - 10 * 60_000));
      await rejectsWith(
        respond(p, answerTo(p, started, PASSWORD, start, { timestamp: skewed })),
        "NotAuthorizedException",
        INCORRECT,
      );
      const again = srpStart();
      const next = await initiate(p, "tim", again.srpA);
      const padded = srpTimestamp(new Date(Date.UTC(2026, 8, 5, 12, 0, 0))).replace(" 5 ", " 05 ");
      t().clock.set(Date.UTC(2026, 8, 5, 12, 0, 0));
      await rejectsWith(
        respond(p, answerTo(p, next, PASSWORD, again, { timestamp: padded })),
        "NotAuthorizedException",
        INCORRECT,
      );
      t().clock.set(Date.now());
    });

    it("refuses an SRP_A that is zero mod N, longer than N, or not hex", async () => {
      const p = await pool();
      await confirmedUser(t().client, p, "amy");
      for (const srpA of ["0", SRP_N.toString(16), "f".repeat(769), "not-hex"]) {
        await rejectsWith(initiate(p, "amy", srpA), "NotAuthorizedException", INCORRECT);
      }
    });

    it("takes SECRET_HASH over USERNAME on the first step and over USER_ID_FOR_SRP on the answer, for a client with a secret", async () => {
      const p = await pool({ GenerateSecret: true });
      const secret = p.clientSecret ?? "";
      const hash = (name: string) => ({ SECRET_HASH: secretHashFor(secret, name, p.clientId) });
      await confirmedUser(t().client, p, "sam", {}, hash("sam"));
      await rejectsSecretHash(
        p.clientId,
        (h) => initiate(p, "sam", srpStart().srpA, h === undefined ? {} : { SECRET_HASH: h }),
        hash("other").SECRET_HASH,
      );
      const start = srpStart();
      const started = await initiate(p, "sam", start.srpA, hash("sam"));
      const answer = answerTo(p, started, PASSWORD, start);
      await rejectsSecretHash(
        p.clientId,
        (h) => respond(p, h === undefined ? answer : { ...answer, SECRET_HASH: h }),
        hash("other").SECRET_HASH,
      );
      assert.ok((await respond(p, { ...answer, ...hash("sam") })).AuthenticationResult);
    });

    it("counts wrong proofs toward the lockout that password sign-ins share", async () => {
      const p = await pool();
      await confirmedUser(t().client, p, "lou");
      for (let i = 0; i < 5; i++) await rejectsWith(srpSignIn(p, "lou", "Wrong-Passw0rd!"), "NotAuthorizedException", INCORRECT);
      await rejectsWith(srpSignIn(p, "lou"), "NotAuthorizedException", "Password attempts exceeded");
      await rejectsWith(adminSignIn(t().client, p, "lou"), "NotAuthorizedException", "Password attempts exceeded");
      t().clock.advance(1001);
      assert.ok((await srpSignIn(p, "lou")).AuthenticationResult);
    });

    it("answers an unknown user UserNotFoundException when user existence errors are not prevented", async () => {
      const p = await pool({ PreventUserExistenceErrors: "LEGACY" });
      await rejectsWith(initiate(p, "ghost", srpStart().srpA), "UserNotFoundException", "User does not exist.");
    });

    it("with PreventUserExistenceErrors, asks an unknown user a decoy challenge (the same salt each time, a UUID USER_ID_FOR_SRP) and refuses its answer as a wrong password", async () => {
      const p = await pool({ PreventUserExistenceErrors: "ENABLED" });
      const first = await initiate(p, "ghost", srpStart().srpA);
      const second = await initiate(p, "ghost", srpStart().srpA);
      assert.equal(first.ChallengeName, "PASSWORD_VERIFIER");
      assert.deepEqual(Object.keys(first.ChallengeParameters ?? {}).sort(), [
        "SALT",
        "SECRET_BLOCK",
        "SRP_B",
        "USERNAME",
        "USER_ID_FOR_SRP",
      ]);
      assert.equal(first.ChallengeParameters?.SALT, second.ChallengeParameters?.SALT);
      assert.match(
        first.ChallengeParameters?.USER_ID_FOR_SRP ?? "",
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      assert.notEqual(first.ChallengeParameters?.SRP_B, second.ChallengeParameters?.SRP_B);
      const start = srpStart();
      const decoy = await initiate(p, "ghost", start.srpA);
      await rejectsWith(respond(p, answerTo(p, decoy, PASSWORD, start)), "NotAuthorizedException", INCORRECT);
    });

    it("checks the status on the answer, as the password flows do: unconfirmed, reset-required (hidden or not) and disabled users", async () => {
      const p = await pool({ PreventUserExistenceErrors: "LEGACY" });
      await signUp(t(), p, "una");
      await rejectsWith(srpSignIn(p, "una", "Passw0rd!"), "UserNotConfirmedException", "User is not confirmed.");
      await confirmedUser(t().client, p, "rex", { email: "rex@example.com", email_verified: "true" });
      await t().client.send(new AdminResetUserPasswordCommand({ UserPoolId: p.poolId, Username: "rex" }));
      await rejectsWith(srpSignIn(p, "rex"), "PasswordResetRequiredException", "Password reset required for the user");
      const hiding = await pool({ PreventUserExistenceErrors: "ENABLED" });
      await confirmedUser(t().client, hiding, "rox", { email: "rox@example.com", email_verified: "true" });
      await t().client.send(new AdminResetUserPasswordCommand({ UserPoolId: hiding.poolId, Username: "rox" }));
      await rejectsWith(srpSignIn(hiding, "rox"), "NotAuthorizedException", INCORRECT);
      await confirmedUser(t().client, p, "dot");
      await t().client.send(new AdminDisableUserCommand({ UserPoolId: p.poolId, Username: "dot" }));
      await rejectsWith(srpSignIn(p, "dot"), "NotAuthorizedException", "User is disabled.");
    });

    it("asks NEW_PASSWORD_REQUIRED, with a Session, after the proof of a temporary password; the new password then signs in with SRP", async () => {
      const p = await pool();
      await invitedUser(t().client, p, "ivy");
      const next = await srpSignIn(p, "ivy", TEMPORARY_PASSWORD);
      assert.equal(next.ChallengeName, "NEW_PASSWORD_REQUIRED");
      assert.ok(next.Session);
      const done = await t().client.send(
        new RespondToAuthChallengeCommand({
          ClientId: p.clientId,
          ChallengeName: "NEW_PASSWORD_REQUIRED",
          Session: next.Session,
          ChallengeResponses: { USERNAME: "ivy", NEW_PASSWORD: PASSWORD },
        }),
      );
      assert.ok(done.AuthenticationResult);
      assert.ok((await srpSignIn(p, "ivy")).AuthenticationResult);
    });

    it("makes a verifier, sealed at rest, wherever a password is set: AdminSetUserPassword, SignUp, ChangePassword", async () => {
      const p = await pool();
      await createUser(t().client, p.poolId, "set");
      await t().client.send(
        new AdminSetUserPasswordCommand({ UserPoolId: p.poolId, Username: "set", Password: PASSWORD, Permanent: true }),
      );
      const stored = await storedUser(t(), p.poolId, "set");
      assert.match(stored.srpSalt ?? "", /^[0-9a-f]+$/);
      assert.match(stored.srpVerifier ?? "", /^v1\./);
      assert.ok((await srpSignIn(p, "set")).AuthenticationResult);

      await signUp(t(), p, "sue");
      await t().client.send(new AdminConfirmSignUpCommand({ UserPoolId: p.poolId, Username: "sue" }));
      assert.ok((await srpSignIn(p, "sue", "Passw0rd!")).AuthenticationResult);

      const tokens = await srpSignIn(p, "set");
      await t().client.send(
        new ChangePasswordCommand({
          AccessToken: tokens.AuthenticationResult?.AccessToken,
          PreviousPassword: PASSWORD,
          ProposedPassword: NEW_PASSWORD,
        }),
      );
      await rejectsWith(srpSignIn(p, "set"), "NotAuthorizedException", INCORRECT);
      assert.ok((await srpSignIn(p, "set", NEW_PASSWORD)).AuthenticationResult);
    });

    it("refuses a user whose password predates SRP verifiers as a wrong password, logs why, and accepts SRP after the next password sign-in", async () => {
      const p = await pool();
      await confirmedUser(t().client, p, "old");
      const user = await storedUser(t(), p.poolId, "old");
      await t().server.domain.store.users.update({ ...user, srpSalt: null, srpVerifier: null }, noKeys());
      const start = srpStart();
      const started = await initiate(p, "old", start.srpA);
      assert.equal(started.ChallengeName, "PASSWORD_VERIFIER");
      await rejectsWith(respond(p, answerTo(p, started, PASSWORD, start)), "NotAuthorizedException", INCORRECT);
      const line = log
        .text()
        .split("\n")
        .find((l) => l.includes("predates SRP verifiers") && l.includes(p.poolId));
      assert.ok(line, "an info line tells the operator why");
      assert.ok(!line.includes(PASSWORD));
      assert.ok((await adminSignIn(t().client, p, "old")).AuthenticationResult);
      assert.ok((await srpSignIn(p, "old")).AuthenticationResult);
    });
  },
  { logger: log.logger },
);
