import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { DomainContext } from "../../src/domain/kernel/context.js";
import type { AppClient } from "../../src/domain/pools/clients.js";
import type { Pool } from "../../src/domain/pools/pools.js";
import type { SignInFlow } from "../../src/domain/signIn/authFlows.js";
import { createSignInEngine, type SignInEngine } from "../../src/domain/signIn/engine.js";
import type { AuthOutcome, Factor } from "../../src/domain/signIn/factor.js";
import { BUILT_IN_FACTORS, BUILT_IN_FLOWS } from "../../src/domain/signIn/signIn.js";
import { findUser } from "../../src/domain/users/userLookup.js";
import { CodeMismatchException, NotAuthorizedException } from "../../src/errors.js";
import { openTestDomain, type TestDomain, userWithPassword } from "../support/domain.js";

const PASSWORD = "Passw0rd!Passw0rd";

/**
 * A factor that exists only here: a PIN kept in the user's custom:pin,
 * asked after every built-in step. Nothing of the engine knows it.
 */
const pinFactor: Factor = {
  challenge: "TEST_PIN",
  maxWrongAnswers: 2,
  async isDue(_ctx, { user }) {
    return user.attributes["custom:pin"] !== undefined;
  },
  async ask(_ctx, { user, passed }) {
    return { parameters: { PASSED: passed.join(",") }, state: { expected: user.attributes["custom:pin"] ?? "" } };
  },
  async verify(_ctx, _attempt, responses, state) {
    if (responses.PIN === state.expected) return { right: true };
    return { right: false, error: new CodeMismatchException("Invalid code received for user") };
  },
};

/**
 * A first factor answered in a second round trip without a Session, as SRP's
 * PASSWORD_VERIFIER is: the flow asks it, and its BLOCK parameter carries the session.
 */
const blockFactor: Factor = {
  challenge: "TEST_BLOCK",
  maxWrongAnswers: 1,
  async isDue() {
    return false;
  },
  async ask() {
    return { parameters: { NONCE: "n" }, state: { nonce: "n" } };
  },
  async verify(_ctx, _attempt, responses, state) {
    return responses.NONCE === state.nonce
      ? { right: true }
      : { right: false, error: new NotAuthorizedException("Incorrect username or password.") };
  },
  sessionOut: (_ctx, sessionId) => ({ BLOCK: Buffer.from(sessionId).toString("base64") }),
  sessionIn: (_ctx, responses) => (responses.BLOCK === undefined ? undefined : Buffer.from(responses.BLOCK, "base64").toString()),
};

const blockFlow: SignInFlow = async (ctx, { pool, client, parameters }, next) => {
  const user = await findUser(ctx, pool, parameters.USERNAME ?? "");
  if (user === undefined) throw new NotAuthorizedException("Incorrect username or password.");
  return next({ pool, client, user, passed: [] }, blockFactor);
};

function challengeOf(outcome: AuthOutcome) {
  assert.ok("challenge" in outcome, "expected a challenge, got tokens");
  return outcome;
}

describe("the sign-in challenge engine", () => {
  let domain: TestDomain;
  let ctx: DomainContext;
  let pool: Pool;
  let client: AppClient;
  const engine: SignInEngine = createSignInEngine({
    flows: { ...BUILT_IN_FLOWS, CUSTOM_AUTH: blockFlow },
    factors: [blockFactor, ...BUILT_IN_FACTORS, pinFactor],
  });

  before(async () => {
    domain = await openTestDomain(
      { Schema: [{ Name: "pin", AttributeDataType: "String", Mutable: true }] },
      { ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH"] },
    );
    ({ ctx, pool, client } = domain);
  });
  after(() => domain.close());

  const user = (username: string, pin: string | undefined, permanent: boolean) =>
    userWithPassword(domain, username, PASSWORD, {
      permanent,
      attributes: pin === undefined ? [] : [{ Name: "custom:pin", Value: pin }],
    });

  const signIn = (username: string) =>
    engine.initiate(ctx, {
      pool,
      client,
      flow: "ADMIN_USER_PASSWORD_AUTH",
      parameters: { USERNAME: username, PASSWORD },
      admin: true,
    });

  it("asks a factor added to the list, and issues tokens once its answer is right", async () => {
    await user("pia", "4711", true);
    const asked = challengeOf(await signIn("pia"));
    assert.equal(asked.challenge, "TEST_PIN");
    assert.equal(asked.parameters.PASSED, "PASSWORD");
    const done = await engine.respond(ctx, {
      client,
      challenge: "TEST_PIN",
      session: asked.session,
      responses: { USERNAME: "pia", PIN: "4711" },
    });
    assert.ok("result" in done && done.result.AccessToken);
  });

  it("carries one sign-in through two challenges in a row, the steps passed recorded in the session", async () => {
    await user("ned", "1234", false);
    const first = challengeOf(await signIn("ned"));
    assert.equal(first.challenge, "NEW_PASSWORD_REQUIRED");
    const second = challengeOf(
      await engine.respond(ctx, {
        client,
        challenge: "NEW_PASSWORD_REQUIRED",
        session: first.session,
        responses: { USERNAME: "ned", NEW_PASSWORD: `${PASSWORD}2` },
      }),
    );
    assert.equal(second.challenge, "TEST_PIN");
    assert.equal(second.parameters.PASSED, "PASSWORD,NEW_PASSWORD_REQUIRED");
    assert.notEqual(second.session, first.session);
    const done = await engine.respond(ctx, {
      client,
      challenge: "TEST_PIN",
      session: second.session,
      responses: { USERNAME: "ned", PIN: "1234" },
    });
    assert.ok("result" in done);
  });

  it("counts wrong answers against the session and ends it at the factor's limit", async () => {
    await user("wes", "9999", true);
    const asked = challengeOf(await signIn("wes"));
    const answer = (pin: string) =>
      engine.respond(ctx, { client, challenge: "TEST_PIN", session: asked.session, responses: { USERNAME: "wes", PIN: pin } });
    await assert.rejects(answer("0000"), CodeMismatchException);
    await assert.rejects(answer("0001"), CodeMismatchException);
    await assert.rejects(
      answer("9999"),
      (e: unknown) => e instanceof NotAuthorizedException && /session is expired/.test(e.message),
    );
  });

  it("uses a session once", async () => {
    await user("ona", "5555", true);
    const asked = challengeOf(await signIn("ona"));
    const answer = () =>
      engine.respond(ctx, { client, challenge: "TEST_PIN", session: asked.session, responses: { USERNAME: "ona", PIN: "5555" } });
    await answer();
    await assert.rejects(answer(), NotAuthorizedException);
  });

  it("lets a flow ask a first factor whose session travels in its parameters, not in Session", async () => {
    await user("sol", "2468", true);
    const asked = challengeOf(
      await engine.initiate(ctx, { pool, client, flow: "CUSTOM_AUTH", parameters: { USERNAME: "sol" }, admin: true }),
    );
    assert.equal(asked.challenge, "TEST_BLOCK");
    assert.equal(asked.session, undefined);
    assert.ok(asked.parameters.BLOCK);
    const pin = challengeOf(
      await engine.respond(ctx, {
        client,
        challenge: "TEST_BLOCK",
        session: undefined,
        responses: { USERNAME: "sol", NONCE: "n", BLOCK: asked.parameters.BLOCK },
      }),
    );
    assert.equal(pin.challenge, "TEST_PIN");
    assert.equal(pin.parameters.PASSED, "TEST_BLOCK");
  });

  it("skips a factor that is not due: without a PIN, the built-in engine's answer is tokens", async () => {
    await user("tom", undefined, true);
    assert.ok("result" in (await signIn("tom")));
  });
});
