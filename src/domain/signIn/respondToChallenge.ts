import { InvalidParameterException, NotAuthorizedException } from "../../errors.js";
import { atomically } from "../kernel/atomically.js";
import type { DomainContext } from "../kernel/context.js";
import type { AppClient } from "../pools/clients.js";
import { checkPassword } from "../pools/passwordPolicy.js";
import { getPool } from "../pools/pools.js";
import { checkSecretHash } from "../pools/secretHash.js";
import { issueTokens } from "../tokens/tokens.js";
import { saveUser } from "../users/saveUser.js";
import { applyAttributes, missingRequired, validateAttributes } from "../users/userAttributes.js";
import { foldAttributes } from "../users/userKeys.js";
import { findUser, userDisabled } from "../users/userLookup.js";
import { requiredParameter } from "./authParameters.js";
import { closeChallengeSession, readChallengeSession } from "./challengeSessions.js";
import type { AuthOutcome } from "./signIn.js";

const ATTRIBUTE_PREFIX = "userAttributes.";

export interface RespondRequest {
  client: AppClient;
  challenge: string;
  session: string | undefined;
  responses: Record<string, string>;
}

/**
 * The answer to NEW_PASSWORD_REQUIRED (reference §4.5): USERNAME,
 * NEW_PASSWORD and "userAttributes.<name>" for each required attribute the
 * user lacks. The answer may fill attributes but not overwrite a required
 * one that has a value, nor set the *_verified flags (observed). The user
 * becomes CONFIRMED with the new password, and gets tokens.
 *
 * The new password is checked and hashed first, outside any transaction
 * (hashing is slow), as ConfirmForgotPassword does. The user is then read
 * in the transaction that uses the session up and saves the user, so a
 * refused answer or a lost race leaves the session usable: one disabled
 * since the challenge is refused (reference §2.1, "User is disabled."), and
 * one no longer FORCE_CHANGE_PASSWORD (an administrator set a password
 * meanwhile) has no challenge left to answer.
 */
async function answerNewPassword(ctx: DomainContext, request: RespondRequest): Promise<AuthOutcome> {
  const { client, responses } = request;
  const session = await readChallengeSession(ctx, client, request.session, "NEW_PASSWORD_REQUIRED");
  const pool = await getPool(ctx, client.poolId);
  const username = requiredParameter(responses, "USERNAME");
  const password = requiredParameter(responses, "NEW_PASSWORD");
  checkPassword(password, pool.settings.Policies.PasswordPolicy, "change");
  const passwordHash = await ctx.hasher.hash(password);

  const given = Object.entries(responses)
    .filter(([name]) => name.startsWith(ATTRIBUTE_PREFIX))
    .map(([name, Value]) => ({ Name: name.slice(ATTRIBUTE_PREFIX.length), Value }));
  const confirmed = await atomically(ctx, async (tx) => {
    const user = await findUser(tx, pool, username);
    const invalidSession = () => new NotAuthorizedException("Invalid session for the user.");
    if (user === undefined || user.id !== session.userId) throw invalidSession();
    checkSecretHash(client, [username, user.username], responses.SECRET_HASH);
    if (!user.enabled) throw userDisabled();
    if (user.status !== "FORCE_CHANGE_PASSWORD") throw invalidSession();
    for (const { Name } of given) {
      if (Name.endsWith("_verified")) throw new InvalidParameterException(`Cannot modify the non-mutable attribute ${Name}`);
      const required = pool.settings.SchemaAttributes.some((a) => a.Name === Name && a.Required);
      if (required && user.attributes[Name]) throw new InvalidParameterException(`Cannot modify an already provided ${Name}`);
    }
    const written = validateAttributes(pool.settings, given, {
      kind: "publicUpdate",
      writeAttributes: client.settings.WriteAttributes,
    });
    const attributes = foldAttributes(pool.settings, applyAttributes(user.attributes, written));
    const [missing] = missingRequired(pool.settings, (name) => !attributes[name]);
    if (missing !== undefined) throw new InvalidParameterException(`Invalid attributes given, ${missing} is missing`);
    await closeChallengeSession(tx, session);
    return saveUser(tx, pool, user, { status: "CONFIRMED", passwordHash, passwordExpiresAt: null, attributes });
  });
  return { result: await issueTokens(ctx, pool, client, confirmed) };
}

/** RespondToAuthChallenge and AdminRespondToAuthChallenge. */
export async function respondToChallenge(ctx: DomainContext, request: RespondRequest): Promise<AuthOutcome> {
  if (request.challenge === "NEW_PASSWORD_REQUIRED") return answerNewPassword(ctx, request);
  // Only NEW_PASSWORD_REQUIRED is ever issued so far; any other answer has no session to match.
  throw new InvalidParameterException(
    `userpool has not issued a ${request.challenge} challenge; it does not implement that challenge yet.`,
  );
}
