import { createHmac } from "node:crypto";
import { NotAuthorizedException } from "../../../errors.js";
import type { JsonObject } from "../../../store/records.js";
import type { DomainContext } from "../../kernel/context.js";
import { equalSecrets } from "../../kernel/equalSecrets.js";
import {
  claimSignature,
  N,
  passwordKey,
  scramble,
  serverPremaster,
  serverPublicValue,
  srpPoolName,
  toBig,
} from "../../kernel/srp.js";
import type { Pool } from "../../pools/pools.js";
import { INCORRECT_PASSWORD } from "../../users/lockout.js";
import { foldCase } from "../../users/userKeys.js";
import { requiredParameter } from "../authParameters.js";
import type { AuthOutcome, Factor, SignInAttempt } from "../factor.js";
import { passPasswordGates } from "../passwordGates.js";
import { srpTimestamp } from "./srpTimestamp.js";

const CHALLENGE = "PASSWORD_VERIFIER";
const BLOCK_PURPOSE = "srp-secret-block";
/** How far a TIMESTAMP may be from the server's clock: Cognito's tolerance is UNVERIFIED (reference §4.3). */
const MAX_SKEW_MS = 5 * 60_000;

const incorrect = () => new NotAuthorizedException(INCORRECT_PASSWORD);

/** A fresh 256-bit secret exponent (b, or a decoy's). */
function secretExponent(ctx: DomainContext): bigint {
  for (;;) {
    const e = toBig(ctx.random.bytes(32));
    if (e !== 0n) return e;
  }
}

/**
 * SECRET_BLOCK (reference §4.3): the challenge session's id, sealed for
 * this purpose only (AES-256-GCM: a changed block opens to nothing), in the
 * standard Base64 the clients decode. A decoy's block is sealed the same
 * way around a random id, marked so step 2 knows there is no session.
 */
function sealBlock(ctx: DomainContext, kind: "session" | "decoy", id: string): string {
  const token = ctx.sealer.sealToken(BLOCK_PURPOSE, `${kind === "session" ? "s" : "d"}.${id}`);
  return Buffer.from(token, "base64url").toString("base64");
}

/** The work a proof check does (two exponentiations), for answers that must take as long as a wrong proof. */
function decoyProof(ctx: DomainContext): void {
  serverPremaster(2n, 2n, secretExponent(ctx), secretExponent(ctx));
}

/**
 * The SALT and USER_ID_FOR_SRP of a user this server has no verifier for,
 * the same for the same pool and name each time (reference §2.7: Cognito
 * answers an unknown user with a deterministic salt and a UUID-format
 * USER_ID_FOR_SRP), keyed with a purpose key so nobody can tell them from
 * real ones.
 */
function decoyIdentity(ctx: DomainContext, pool: Pool, username: string): { salt: string; userId: string } {
  const mac = createHmac("sha256", ctx.sealer.deriveKey("srp-decoy"))
    .update(`${pool.id}\u0000${foldCase(pool.settings, username)}`)
    .digest();
  const uuid = Buffer.from(mac.subarray(16, 32));
  uuid[6] = ((uuid[6] ?? 0) & 0x0f) | 0x40;
  uuid[8] = ((uuid[8] ?? 0) & 0x3f) | 0x80;
  const hex = uuid.toString("hex");
  return {
    salt: toBig(mac.subarray(0, 16)).toString(16),
    userId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
  };
}

/**
 * The PASSWORD_VERIFIER challenge for a name no user has, when the client
 * hides user existence (reference §2.7): shaped and computed like a real
 * one (an exponentiation for SRP_B, a sealed SECRET_BLOCK), with no session
 * behind it; its answer is refused as a wrong proof.
 */
export function decoyChallenge(ctx: DomainContext, pool: Pool, username: string): AuthOutcome {
  const { salt, userId } = decoyIdentity(ctx, pool, username);
  return {
    challenge: CHALLENGE,
    parameters: {
      SALT: salt,
      SRP_B: serverPublicValue(0n, secretExponent(ctx)).toString(16),
      USERNAME: userId,
      USER_ID_FOR_SRP: userId,
      SECRET_BLOCK: sealBlock(ctx, "decoy", ctx.random.bytes(32).toString("base64url")),
    },
  };
}

function stateValue(state: JsonObject, name: string): bigint {
  const value = state[name];
  if (typeof value !== "string") throw new Error(`PASSWORD_VERIFIER state lacks ${name}`);
  return BigInt(`0x${value}`);
}

/** Whether the signature proves the password (steps of reference §4.3), compared in constant time. */
function proofMatches(
  ctx: DomainContext,
  { pool, user }: SignInAttempt,
  responses: Readonly<Record<string, string>>,
  state: JsonObject,
): boolean {
  const at = srpTimestamp(responses.TIMESTAMP ?? "");
  if (at === undefined || Math.abs(at - ctx.clock.now()) > MAX_SKEW_MS || user.srpVerifier === null) return false;
  const A = stateValue(state, "A");
  const B = stateValue(state, "B");
  const b = BigInt(`0x${ctx.sealer.open(String(state.b))}`);
  const u = scramble(A, B);
  const S = u === 0n ? undefined : serverPremaster(A, BigInt(`0x${ctx.sealer.open(user.srpVerifier)}`), u, b);
  if (S === undefined) return false;
  const block = Buffer.from(responses.PASSWORD_CLAIM_SECRET_BLOCK ?? "", "base64");
  const expected = claimSignature(passwordKey(u, S), srpPoolName(pool.id), user.username, block, responses.TIMESTAMP ?? "");
  return equalSecrets(responses.PASSWORD_CLAIM_SIGNATURE ?? "", expected);
}

/**
 * PASSWORD_VERIFIER, SRP's first factor (reference §4.3), asked by
 * USER_SRP_AUTH (srpFlow.ts) with the client's A and answered in a second
 * round trip. It goes out without a Session, as Cognito sends it: the
 * session id travels sealed in SECRET_BLOCK, and the session row makes it
 * single-use and expiring. The session keeps A, B and b (sealed). The
 * answer passes the same gates as a password (passwordGates.ts: lockout,
 * status, temporary-password expiry), one wrong proof ends the session,
 * and then the engine asks what follows a password (NEW_PASSWORD_REQUIRED,
 * MFA).
 *
 * A user whose password predates SRP here has no verifier. Step 1 answers
 * as for anyone (a deterministic decoy salt, a real session), and the proof
 * is refused as "Incorrect username or password." after the work a check
 * takes, counted like a wrong password: telling the caller "no verifier"
 * would reveal which accounts predate the upgrade, and there is no honest
 * way to accept a proof without one. An info log line (user and pool, no
 * secret) tells the operator why; a password sign-in or change makes the
 * verifier (README, "SRP").
 */
export const passwordVerifier: Factor = {
  challenge: CHALLENGE,
  maxWrongAnswers: 1,

  /** A first factor: asked only by the flow that starts with it, never due after another. */
  async isDue() {
    return false;
  },

  async ask() {
    throw new Error("PASSWORD_VERIFIER is asked by USER_SRP_AUTH with the client's SRP_A (passwordVerifierFor)");
  },

  async verify(ctx, attempt, responses, state) {
    requiredParameter(responses, "PASSWORD_CLAIM_SIGNATURE");
    requiredParameter(responses, "TIMESTAMP");
    const { pool, user } = attempt;
    const check = async () => {
      if (user.srpVerifier !== null) return proofMatches(ctx, attempt, responses, state);
      decoyProof(ctx);
      ctx.log.info({ poolId: pool.id, username: user.username }, "SRP sign-in refused: the password predates SRP verifiers");
      return false;
    };
    const right = await passPasswordGates(ctx, attempt, check, async () => decoyProof(ctx));
    return right ? { right: true } : { right: false, error: incorrect() };
  },

  sessionOut: (ctx, sessionId) => ({ SECRET_BLOCK: sealBlock(ctx, "session", sessionId) }),

  /** The session id in the answer's block; a forged block, or a decoy's, is refused as a wrong proof. */
  sessionIn(ctx, responses) {
    const block = requiredParameter(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
    const opened = ctx.sealer.openToken(BLOCK_PURPOSE, Buffer.from(block, "base64").toString("base64url"));
    if (opened?.startsWith("s.")) return opened.slice(2);
    decoyProof(ctx);
    throw incorrect();
  },
};

/**
 * PASSWORD_VERIFIER as USER_SRP_AUTH asks it for the client's A: the user's
 * SALT, and B = k·v + g^b for a fresh b. A user without a verifier gets the
 * decoy salt and B = g^b, computed alike.
 */
export function passwordVerifierFor(A: bigint): Factor {
  return {
    ...passwordVerifier,
    async ask(ctx, { pool, user }) {
      const v = user.srpVerifier === null ? 0n : BigInt(`0x${ctx.sealer.open(user.srpVerifier)}`);
      const salt = user.srpSalt ?? decoyIdentity(ctx, pool, user.username).salt;
      let b: bigint;
      let B: bigint;
      do {
        b = secretExponent(ctx);
        B = serverPublicValue(v, b);
      } while (B % N === 0n);
      return {
        parameters: { SALT: salt, SRP_B: B.toString(16), USERNAME: user.username, USER_ID_FOR_SRP: user.username },
        state: { A: A.toString(16), B: B.toString(16), b: ctx.sealer.seal(b.toString(16)) },
      };
    },
  };
}
