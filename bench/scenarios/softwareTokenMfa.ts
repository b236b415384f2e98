import { Secret, TOTP } from "otpauth";
import { call } from "../lib/call.js";
import { cycle } from "../lib/loadgen.js";
import type { Scenario } from "../lib/scenario.js";
import { type MfaSignIn, seedMfaSignIns } from "../lib/seedMfa.js";
import { unsignedRequest } from "../lib/signer.js";

const STEP_MS = 30_000;

/** The RespondToAuthChallenge that answers one waiting sign-in with the code of the given 30-second step. */
function answer(clientId: string, signIn: MfaSignIn, session: string, step: number) {
  const code = new TOTP({ secret: Secret.fromBase32(signIn.secret) }).generate({ timestamp: step * STEP_MS });
  return unsignedRequest("RespondToAuthChallenge", {
    ClientId: clientId,
    ChallengeName: "SOFTWARE_TOKEN_MFA",
    Session: session,
    ChallengeResponses: { USERNAME: signIn.username, SOFTWARE_TOKEN_MFA_CODE: code },
  });
}

/**
 * RespondToAuthChallenge SOFTWARE_TOKEN_MFA at concurrency 16, target
 * ≥ 1,500/s. The measured call is only the answer: the sign-ins waiting at
 * the challenge are seeded (seedMfaSignIns), so no password is hashed.
 * Every answer uses up its session and needs a code of a 30-second step the
 * user has not used yet (codes are accepted once, and never one older than
 * the last accepted); the clock is real here. So each user has two
 * sign-ins, answered with the codes of the current step and of the next
 * (the server takes one step either side), both valid for at least 30 s
 * from when they are made; the list is ordered so that a user's second
 * answer comes long after the first, and holds about twice as many answers
 * as the target rate needs, so none is sent twice.
 */
export const softwareTokenMfa: Scenario = {
  name: "softwareTokenMfa",
  async run(bench) {
    const answers = Math.ceil((bench.durationMs / 1000) * 3000) + 1000;
    const { clientId, signIns } = await seedMfaSignIns(bench.data(), Math.ceil(answers / 2), 2);
    const server = await bench.startServer();
    const step = Math.floor(Date.now() / STEP_MS);
    const requests = [0, 1].flatMap((k) => signIns.map((signIn) => answer(clientId, signIn, signIn.sessions[k] ?? "", step + k)));
    bench.note(`softwareTokenMfa: ${requests.length} waiting sign-ins of ${signIns.length} users, each answered once`);
    await bench.load(
      server,
      { name: "RespondToAuthChallenge SOFTWARE_TOKEN_MFA (c=16)", concurrency: 16, next: cycle(requests), warmupRequests: 32 },
      "≥ 1500/s",
    );
  },
};

/**
 * GetUser with an access token at concurrency 16, target ≥ 5,000/s. The
 * tokens come from 200 sign-ins answered at SOFTWARE_TOKEN_MFA (seeded as
 * above, so no password hash), and are replayed: an access token stays
 * good for an hour.
 */
export const getUser: Scenario = {
  name: "getUser",
  async run(bench) {
    const { clientId, signIns } = await seedMfaSignIns(bench.data(), 200, 1);
    const server = await bench.startServer();
    const step = Math.floor(Date.now() / STEP_MS);
    const tokens: string[] = [];
    for (const signIn of signIns) {
      const out = (await call(server.url, answer(clientId, signIn, signIn.sessions[0] ?? "", step))) as {
        AuthenticationResult: { AccessToken: string };
      };
      tokens.push(out.AuthenticationResult.AccessToken);
    }
    const gets = tokens.map((AccessToken) => unsignedRequest("GetUser", { AccessToken }));
    await bench.load(server, { name: "GetUser with an access token (c=16)", concurrency: 16, next: cycle(gets) }, "≥ 5000/s");
  },
};
