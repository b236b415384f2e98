import { NotAuthorizedException } from "../../errors.js";
import type { DomainContext } from "../kernel/context.js";
import { preventsUserExistenceErrors } from "../pools/clientSettings.js";
import type { Pool } from "../pools/pools.js";
import { checkSecretHash } from "../pools/secretHash.js";
import { INCORRECT_PASSWORD, passwordMatches } from "../users/lockout.js";
import { hashedAs, hashPassword } from "../users/passwordSecrets.js";
import { saveUser } from "../users/saveUser.js";
import type { User } from "../users/user.js";
import { findUser, userNotFound } from "../users/userLookup.js";
import type { SignInFlow } from "./authFlows.js";
import { requiredParameter } from "./authParameters.js";
import { passPasswordGates } from "./passwordGates.js";

/** The first factor's name in an attempt's passed steps. */
export const PASSWORD = "PASSWORD";

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
 * Once the password is known to be right: a hash made with older cost
 * parameters is redone with the current ones, and a password set before
 * SRP sign-in existed gets its SRP verifier, without hashing again when the hash is current.
 * Best effort: a user changed in the meantime keeps the old secrets until
 * the next sign-in.
 */
async function upgradeSecrets(ctx: DomainContext, pool: Pool, user: User, password: string): Promise<void> {
  if (user.passwordHash === null) return;
  const rehash = ctx.hasher.needsRehash(user.passwordHash);
  if (!rehash && user.srpVerifier !== null) return;
  const hashed = rehash ? await hashPassword(ctx, password) : hashedAs(ctx, password, user.passwordHash);
  const secrets = hashed.secretsFor(pool, user.username);
  await saveUser(ctx, pool, user, secrets).catch(() => undefined);
}

/**
 * USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH: the steps of reference
 * §4.2 up to the password (passwordGates.ts). With PreventUserExistenceErrors
 * ENABLED an unknown user is indistinguishable from a wrong password, in
 * words and in time. What follows the password (a new password, MFA,
 * tokens) is the engine's.
 */
export const passwordFlow: SignInFlow = async (ctx, { pool, client, parameters }, next) => {
  const username = requiredParameter(parameters, "USERNAME");
  const password = requiredParameter(parameters, "PASSWORD");
  checkSecretHash(client, [username], parameters.SECRET_HASH);
  const user = await findUser(ctx, pool, username);
  if (user === undefined) {
    if (!preventsUserExistenceErrors(client.settings)) throw userNotFound();
    await verifyDecoy(ctx, password);
    throw new NotAuthorizedException(INCORRECT_PASSWORD);
  }
  const right = await passPasswordGates(ctx, { client, user }, passwordMatches(ctx, user, password), () =>
    verifyDecoy(ctx, password),
  );
  if (!right) throw new NotAuthorizedException(INCORRECT_PASSWORD);
  if (user.status !== "FORCE_CHANGE_PASSWORD") await upgradeSecrets(ctx, pool, user, password);
  return next({ pool, client, user, passed: [PASSWORD] });
};
