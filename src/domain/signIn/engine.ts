import { InvalidParameterException, NotAuthorizedException } from "../../errors.js";
import { atomically } from "../kernel/atomically.js";
import type { DomainContext } from "../kernel/context.js";
import type { AppClient } from "../pools/clients.js";
import { getPool } from "../pools/pools.js";
import { checkSecretHash } from "../pools/secretHash.js";
import { issueTokens } from "../tokens/tokens.js";
import { findUser, userDisabled } from "../users/userLookup.js";
import { type AuthFlow, checkFlowAllowed, type InitiateAuthRequest, type SignInFlow } from "./authFlows.js";
import { requiredParameter } from "./authParameters.js";
import { closeChallengeSession, countWrongAnswer, openChallengeSession, readChallengeSession } from "./challengeSessions.js";
import type { AuthOutcome, Factor, SignInAttempt } from "./factor.js";

/** What a RespondToAuthChallenge or AdminRespondToAuthChallenge call answers. */
export interface RespondRequest {
  client: AppClient;
  challenge: string;
  session: string | undefined;
  responses: Record<string, string>;
}

export interface SignInEngine {
  /** InitiateAuth and AdminInitiateAuth. */
  initiate(ctx: DomainContext, request: InitiateAuthRequest): Promise<AuthOutcome>;
  /** RespondToAuthChallenge and AdminRespondToAuthChallenge. */
  respond(ctx: DomainContext, request: RespondRequest): Promise<AuthOutcome>;
}

/**
 * The one place that decides what comes next in a sign-in (reference §4.2):
 * after the flow's first factor, each factor in `factors` order is asked
 * whether it is due (a new password, then MFA set-up, choice and factor);
 * the first one due is challenged, and once none is, tokens are issued.
 * The challenge session carries the steps passed, so one sign-in can pass
 * several challenges in a row. Flows and factors are data: adding one
 * changes nothing here.
 */
export function createSignInEngine(config: {
  flows: Partial<Record<AuthFlow, SignInFlow>>;
  factors: readonly Factor[];
}): SignInEngine {
  const { flows, factors } = config;

  async function challenge(ctx: DomainContext, attempt: SignInAttempt, factor: Factor): Promise<AuthOutcome> {
    const { parameters, state = {} } = await factor.ask(ctx, attempt);
    const session = await openChallengeSession(ctx, attempt, factor.challenge, state);
    if (factor.sessionOut === undefined) return { challenge: factor.challenge, parameters, session };
    return { challenge: factor.challenge, parameters: { ...parameters, ...factor.sessionOut(ctx, session) } };
  }

  async function next(ctx: DomainContext, attempt: SignInAttempt): Promise<AuthOutcome> {
    for (const factor of factors) {
      if (attempt.passed.includes(factor.challenge) || !(await factor.isDue(ctx, attempt))) continue;
      return challenge(ctx, attempt, factor);
    }
    return { result: await issueTokens(ctx, attempt.pool, attempt.client, attempt.user) };
  }

  return {
    async initiate(ctx, request) {
      const flow = flows[request.flow];
      checkFlowAllowed(request, flow !== undefined);
      if (flow === undefined) throw new Error("unreachable: checkFlowAllowed refuses flows not built");
      return flow(ctx, request, (attempt, ask) => (ask === undefined ? next(ctx, attempt) : challenge(ctx, attempt, ask)));
    },

    /**
     * Checks what every answer shares — the session, for this client and
     * this challenge; USERNAME naming the session's user; SECRET_HASH over
     * that name; an enabled user — then hands the answer to the factor
     * that asked. A wrong answer counts against the session; a right one
     * uses the session up with the factor's commit, in one transaction
     * (without a commit, in one statement).
     */
    async respond(ctx, { client, challenge: name, session: sessionId, responses }) {
      const factor = factors.find((f) => f.challenge === name);
      // A challenge no factor asks has no session to match (reference §4.5; which error Cognito gives is UNVERIFIED).
      if (factor === undefined)
        throw new InvalidParameterException(
          `userpool has not issued a ${name} challenge; it does not implement that challenge yet.`,
        );
      const session = await readChallengeSession(ctx, client, factor.sessionIn?.(ctx, responses) ?? sessionId);
      if (session.challenge !== name) throw new InvalidParameterException(`The session is not for a ${name} challenge.`);
      const pool = await getPool(ctx, client.poolId);
      const username = requiredParameter(responses, "USERNAME");
      const user = await findUser(ctx, pool, username);
      if (user === undefined || user.id !== session.userId) throw new NotAuthorizedException("Invalid session for the user.");
      checkSecretHash(client, [username, user.username], responses.SECRET_HASH);
      if (!user.enabled) throw userDisabled();

      const attempt: SignInAttempt = { pool, client, user, passed: session.passed };
      const verdict = await factor.verify(ctx, attempt, responses, session.state);
      if (!verdict.right) {
        await countWrongAnswer(ctx, session, factor.maxWrongAnswers);
        throw verdict.error;
      }
      const { commit } = verdict;
      // Without a commit, using the session up is one statement: a transaction would hold back every other write.
      const saved =
        commit === undefined
          ? await closeChallengeSession(ctx, session).then(() => user)
          : await atomically(ctx, async (tx) => {
              await closeChallengeSession(tx, session);
              return commit(tx, attempt);
            });
      const after: SignInAttempt = { ...attempt, user: saved, passed: [...session.passed, factor.challenge] };
      const chosen = verdict.chosen === undefined ? undefined : factors.find((f) => f.challenge === verdict.chosen);
      return chosen === undefined ? next(ctx, after) : challenge(ctx, after, chosen);
    },
  };
}
