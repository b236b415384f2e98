import { InvalidParameterException, NotAuthorizedException } from "../../../errors.js";
import { checkPassword } from "../../pools/passwordPolicy.js";
import { hashPassword } from "../../users/passwordSecrets.js";
import { saveUser } from "../../users/saveUser.js";
import { applyAttributes, missingRequired, validateAttributes } from "../../users/userAttributes.js";
import { foldAttributes } from "../../users/userKeys.js";
import { findUser, userDisabled } from "../../users/userLookup.js";
import { requiredParameter } from "../authParameters.js";
import type { Factor } from "../factor.js";

const ATTRIBUTE_PREFIX = "userAttributes.";

/**
 * NEW_PASSWORD_REQUIRED (reference §4.5), due for a user signing in with a
 * temporary password. It shows the current attributes (without sub) and the
 * required ones still missing, named as the answer must name them
 * ("userAttributes.<name>"). The answer, NEW_PASSWORD and those attributes,
 * may fill attributes but not overwrite a required one that has a value,
 * nor set the *_verified flags (observed). The user becomes CONFIRMED.
 *
 * The new password is checked and hashed first, outside any transaction
 * (hashing is slow). The commit then re-reads the user in the transaction
 * that uses the session up: one no longer FORCE_CHANGE_PASSWORD (an
 * administrator set a password meanwhile) has no challenge left to answer.
 */
export const newPasswordRequired: Factor = {
  challenge: "NEW_PASSWORD_REQUIRED",
  maxWrongAnswers: 5,

  async isDue(_ctx, { user }) {
    return user.status === "FORCE_CHANGE_PASSWORD";
  },

  async ask(_ctx, { pool, user }) {
    const required = missingRequired(pool.settings, (name) => !user.attributes[name]).map((name) => `${ATTRIBUTE_PREFIX}${name}`);
    return {
      parameters: {
        USER_ID_FOR_SRP: user.username,
        requiredAttributes: JSON.stringify(required),
        userAttributes: JSON.stringify(user.attributes),
      },
    };
  },

  async verify(ctx, { pool, client }, responses) {
    const password = requiredParameter(responses, "NEW_PASSWORD");
    checkPassword(password, pool.settings.Policies.PasswordPolicy, "change");
    const hashed = await hashPassword(ctx, password);
    const given = Object.entries(responses)
      .filter(([name]) => name.startsWith(ATTRIBUTE_PREFIX))
      .map(([name, Value]) => ({ Name: name.slice(ATTRIBUTE_PREFIX.length), Value }));
    return {
      right: true,
      async commit(tx, attempt) {
        const user = await findUser(tx, pool, attempt.user.username);
        if (user === undefined || user.id !== attempt.user.id) throw new NotAuthorizedException("Invalid session for the user.");
        if (!user.enabled) throw userDisabled();
        if (user.status !== "FORCE_CHANGE_PASSWORD") throw new NotAuthorizedException("Invalid session for the user.");
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
        const secrets = hashed.secretsFor(pool, user.username);
        return saveUser(tx, pool, user, { status: "CONFIRMED", ...secrets, passwordExpiresAt: null, attributes });
      },
    };
  },
};
