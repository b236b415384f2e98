import {
  InvalidParameterException,
  NotAuthorizedException,
  PasswordResetRequiredException,
  UnsupportedOperationException,
  UserNotConfirmedException,
} from "../../errors.js";
import type { DomainContext } from "../kernel/context.js";
import { allowedAuthFlows, type ExplicitAuthFlow, preventsUserExistenceErrors } from "../pools/clientSettings.js";
import type { AppClient } from "../pools/clients.js";
import type { Pool } from "../pools/pools.js";
import { checkSecretHash } from "../pools/secretHash.js";
import { type AuthenticationResult, issueTokens, refreshSession, refreshTokens } from "../tokens/tokens.js";
import { INCORRECT_PASSWORD, verifyPasswordWithLockout } from "../users/lockout.js";
import { saveUser } from "../users/saveUser.js";
import { type User, userFromRecord } from "../users/user.js";
import { missingRequired } from "../users/userAttributes.js";
import { findUser, userDisabled, userNotFound } from "../users/userLookup.js";
import { requiredParameter } from "./authParameters.js";
import { type ChallengeName, openChallengeSession } from "./challengeSessions.js";

export type AuthFlow =
  | "USER_SRP_AUTH"
  | "REFRESH_TOKEN_AUTH"
  | "REFRESH_TOKEN"
  | "CUSTOM_AUTH"
  | "ADMIN_NO_SRP_AUTH"
  | "USER_PASSWORD_AUTH"
  | "ADMIN_USER_PASSWORD_AUTH"
  | "USER_AUTH";

export type AuthOutcome =
  | { result: AuthenticationResult }
  | { challenge: ChallengeName; parameters: Record<string, string>; session: string };

/** Reference §4.1: which flows each operation takes and the client setting each needs (old name, ALLOW_ name). */
const FLOWS: Partial<Record<AuthFlow, { admin: boolean; allowedBy: readonly ExplicitAuthFlow[] }>> = {
  ADMIN_USER_PASSWORD_AUTH: { admin: true, allowedBy: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"] },
  ADMIN_NO_SRP_AUTH: { admin: true, allowedBy: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH"] },
  USER_PASSWORD_AUTH: { admin: false, allowedBy: ["ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH"] },
};
const REFRESH_FLOWS = new Set<AuthFlow>(["REFRESH_TOKEN_AUTH", "REFRESH_TOKEN"]);
const LEGACY_FLOWS = new Set<ExplicitAuthFlow>(["ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH"]);

/** A client that predates the ALLOW_ values always allowed refresh; the others must say so (reference §3.3). */
function allowsRefresh(client: AppClient): boolean {
  const flows = allowedAuthFlows(client.settings);
  return flows.includes("ALLOW_REFRESH_TOKEN_AUTH") || flows.every((f) => LEGACY_FLOWS.has(f));
}

function checkFlowAllowed(client: AppClient, flow: AuthFlow, admin: boolean): void {
  if (REFRESH_FLOWS.has(flow)) {
    if (!allowsRefresh(client)) throw new InvalidParameterException("Refresh Token flow not enabled for this client");
    return;
  }
  const rule = FLOWS[flow];
  if (rule === undefined) {
    // USER_SRP_AUTH, CUSTOM_AUTH and USER_AUTH are valid Cognito flows this server has not built yet.
    throw new UnsupportedOperationException(`userpool does not implement the ${flow} flow yet.`);
  }
  if (rule.admin !== admin) throw new InvalidParameterException("Initiate Auth method not supported.");
  const allowed = allowedAuthFlows(client.settings);
  if (!rule.allowedBy.some((f) => allowed.includes(f)))
    throw new InvalidParameterException(`${flow} flow not enabled for this client`);
}

const decoys = new WeakMap<DomainContext["hasher"], Promise<string>>();

/**
 * Verifies the password against a fixed hash, so that an answer that must
 * not be told from a wrong password takes as long as one (reference §2.7).
 */
async function verifyDecoy(ctx: DomainContext, password: string): Promise<void> {
  let decoy = decoys.get(ctx.hasher);
  if (decoy === undefined) {
    decoy = ctx.hasher.hash(ctx.random.bytes(16).toString("base64url"));
    decoys.set(ctx.hasher, decoy);
  }
  await ctx.hasher.verify(await decoy, password);
}

/**
 * The decision sequence of reference §4.2 for the password flows: unknown
 * user, lockout, disabled, unconfirmed or reset-required, wrong password,
 * expired temporary password, then NEW_PASSWORD_REQUIRED or tokens. With
 * PreventUserExistenceErrors ENABLED an unknown user (and a reset-required
 * one) is indistinguishable from a wrong password, in words and in time.
 */
async function passwordSignIn(
  ctx: DomainContext,
  pool: Pool,
  client: AppClient,
  parameters: Record<string, string>,
): Promise<AuthOutcome> {
  const username = requiredParameter(parameters, "USERNAME");
  const password = requiredParameter(parameters, "PASSWORD");
  checkSecretHash(client, [username], parameters.SECRET_HASH);
  const hiding = preventsUserExistenceErrors(client.settings);
  const user = await findUser(ctx, pool, username);
  if (user === undefined) {
    if (!hiding) throw userNotFound();
    await verifyDecoy(ctx, password);
    throw new NotAuthorizedException(INCORRECT_PASSWORD);
  }
  await verifyPasswordWithLockout(ctx, user, password, async () => {
    if (!user.enabled) throw userDisabled();
    // Status before the password: a wrong password still says "not confirmed" (reference §2.1, observed).
    if (user.status === "UNCONFIRMED") throw new UserNotConfirmedException("User is not confirmed.");
    if (user.status === "RESET_REQUIRED") {
      if (!hiding) throw new PasswordResetRequiredException("Password reset required for the user");
      await verifyDecoy(ctx, password);
      throw new NotAuthorizedException(INCORRECT_PASSWORD);
    }
  });
  if (user.status === "FORCE_CHANGE_PASSWORD") {
    if (user.passwordExpiresAt !== null && user.passwordExpiresAt <= ctx.clock.now()) {
      // Research notes §5: the words Cognito uses once TemporaryPasswordValidityDays have passed.
      throw new NotAuthorizedException("User account has expired, it must be reset by an administrator.");
    }
    return newPasswordChallenge(ctx, pool, client, user);
  }
  await upgradeHash(ctx, pool, user, password);
  return { result: await issueTokens(ctx, pool, client, user) };
}

/**
 * A hash made with older cost parameters is redone with the current ones
 * once the password is known to be right. Best effort: a user changed in
 * the meantime keeps the old hash until the next sign-in.
 */
async function upgradeHash(ctx: DomainContext, pool: Pool, user: User, password: string): Promise<void> {
  if (user.passwordHash === null || !ctx.hasher.needsRehash(user.passwordHash)) return;
  const passwordHash = await ctx.hasher.hash(password);
  await saveUser(ctx, pool, user, { passwordHash }).catch(() => undefined);
}

/**
 * NEW_PASSWORD_REQUIRED for a user signing in with a temporary password
 * (reference §4.5): the current attributes (without sub) and the required
 * ones still missing, named as the answer must name them ("userAttributes.<name>").
 */
async function newPasswordChallenge(ctx: DomainContext, pool: Pool, client: AppClient, user: User): Promise<AuthOutcome> {
  const required = missingRequired(pool.settings, (name) => !user.attributes[name]).map((name) => `userAttributes.${name}`);
  return {
    challenge: "NEW_PASSWORD_REQUIRED",
    session: await openChallengeSession(ctx, client, user, "NEW_PASSWORD_REQUIRED"),
    parameters: {
      USER_ID_FOR_SRP: user.username,
      requiredAttributes: JSON.stringify(required),
      userAttributes: JSON.stringify(user.attributes),
    },
  };
}

/** REFRESH_TOKEN_AUTH / REFRESH_TOKEN (reference §4.7). */
async function refreshSignIn(
  ctx: DomainContext,
  pool: Pool,
  client: AppClient,
  parameters: Record<string, string>,
): Promise<AuthOutcome> {
  const { userSub, session } = await refreshSession(ctx, client, requiredParameter(parameters, "REFRESH_TOKEN"));
  const record = await ctx.store.users.find(pool.id, { by: "sub", value: userSub });
  if (record === undefined) throw new NotAuthorizedException("Invalid Refresh Token");
  const user = userFromRecord(record);
  // Which name the hash is over is a known pain point; the username and the sub are both accepted (reference §4.7).
  checkSecretHash(client, [user.username, user.sub], parameters.SECRET_HASH);
  if (!user.enabled) throw userDisabled();
  return { result: await refreshTokens(ctx, pool, client, user, session) };
}

export interface InitiateAuthRequest {
  /** The client's pool, as the operation already read it. */
  pool: Pool;
  client: AppClient;
  flow: AuthFlow;
  parameters: Record<string, string>;
  /** AdminInitiateAuth (SigV4) rather than InitiateAuth. */
  admin: boolean;
}

/** InitiateAuth and AdminInitiateAuth. */
export async function initiateAuth(ctx: DomainContext, request: InitiateAuthRequest): Promise<AuthOutcome> {
  const { pool, client, flow, parameters, admin } = request;
  checkFlowAllowed(client, flow, admin);
  if (REFRESH_FLOWS.has(flow)) return refreshSignIn(ctx, pool, client, parameters);
  return passwordSignIn(ctx, pool, client, parameters);
}
