import type { AwsError } from "../../errors.js";
import type { JsonObject } from "../../store/records.js";
import type { DomainContext } from "../kernel/context.js";
import type { AppClient } from "../pools/clients.js";
import type { Pool } from "../pools/pools.js";
import type { AuthenticationResult } from "../tokens/tokens.js";
import type { User } from "../users/user.js";

/** A sign-in under way: who, through which client, and the steps already passed. */
export interface SignInAttempt {
  pool: Pool;
  client: AppClient;
  user: User;
  /** The steps passed so far, oldest first: the first factor ("PASSWORD", …), then challenge names. */
  passed: readonly string[];
}

/**
 * What a sign-in step answers (reference §4.0): tokens, or the next
 * challenge, with its Session unless the factor carries the session in its
 * parameters (SRP's PASSWORD_VERIFIER is sent without one, §4.3).
 */
export type AuthOutcome =
  | { result: AuthenticationResult }
  | { challenge: string; parameters: Record<string, string>; session?: string };

/** A challenge as the factor asks it. */
export interface Challenge {
  /** ChallengeParameters, all strings (reference §4.5). */
  parameters: Record<string, string>;
  /** Kept in the challenge session for `verify` (e.g. a code's keyed hash); never sent. */
  state?: JsonObject;
}

/** The verdict on an answer. */
export type Verdict =
  | {
      right: true;
      /**
       * Runs in the transaction that uses the session up, and returns the
       * user as saved: a refused commit (it throws) leaves the session usable.
       */
      commit?(tx: DomainContext, attempt: SignInAttempt): Promise<User>;
      /** The challenge the answer chose to be asked next (SELECT_MFA_TYPE, SELECT_CHALLENGE). */
      chosen?: string;
    }
  | {
      right: false;
      /** The refusal, thrown once the wrong answer is counted against the session. */
      error: AwsError;
    };

/**
 * One step of sign-in behind the engine (engine.ts): the engine asks the
 * factors in order which is due, opens the challenge of the first one due,
 * and hands the answer to the factor that asked. A factor never sees HTTP,
 * sessions or the other factors.
 */
export interface Factor {
  /** The ChallengeName it asks and answers. */
  readonly challenge: string;
  /** Wrong answers one session takes before it is dead (reference §4.5: five for codes). */
  readonly maxWrongAnswers: number;
  /** Whether the attempt needs this step now; asked only while the step has not been passed. */
  isDue(ctx: DomainContext, attempt: SignInAttempt): Promise<boolean>;
  /** Opens the challenge; may refuse the sign-in instead (it throws). */
  ask(ctx: DomainContext, attempt: SignInAttempt): Promise<Challenge>;
  /**
   * Checks the answer against what `ask` kept. The engine has already
   * checked the session, the USERNAME it names, SECRET_HASH and that the
   * user is enabled; a malformed answer throws.
   */
  verify(
    ctx: DomainContext,
    attempt: SignInAttempt,
    responses: Readonly<Record<string, string>>,
    state: JsonObject,
  ): Promise<Verdict>;
  /**
   * For a challenge sent without a Session: the parameters that carry the
   * session id instead (e.g. a sealed SECRET_BLOCK), and `sessionIn`, which
   * reads the id back from the answer (undefined when it cannot).
   */
  sessionOut?(ctx: DomainContext, sessionId: string): Record<string, string>;
  sessionIn?(ctx: DomainContext, responses: Readonly<Record<string, string>>): string | undefined;
}
