import { InvalidParameterException, UsernameExistsException } from "../../errors.js";
import { UniqueViolation } from "../../store/store.js";
import { atomically } from "../kernel/atomically.js";
import type { DomainContext } from "../kernel/context.js";
import { temporaryPasswordExpiresAt } from "../pools/passwordPolicy.js";
import type { Pool } from "../pools/pools.js";
import { aliasClash } from "./aliasErrors.js";
import { claimAliases } from "./aliases.js";
import type { HashedPassword } from "./passwordSecrets.js";
import { type User, type UserStatus, userFromRecord } from "./user.js";
import {
  type AttributeInput,
  type AttributeWriter,
  applyAttributes,
  checkVerifiedFlagsHaveContacts,
  validateAttributes,
} from "./userAttributes.js";
import { foldAttributes, foldCase, looksLikeEmail, looksLikePhoneNumber, userKeys } from "./userKeys.js";

/**
 * Creating a user, as AdminCreateUser and SignUp share it: the username a
 * request resolves to, the attributes it writes, and the insert with its
 * alias claims and unique-key errors.
 */

const NAME_ATTRIBUTE_LABEL = { email: "email", phone_number: "phone number" } as const;

/**
 * The username to store and the attribute the sign-in name implies.
 * UsernameAttributes pools take an email or phone number as the name and
 * make up the real username (the sub); alias pools refuse names that look
 * like an alias (reference §2.4; messages from the research notes).
 */
function resolveUsername(pool: Pool, requested: string, sub: string, written: ReadonlyMap<string, string>) {
  const asName = pool.settings.UsernameAttributes ?? [];
  if (asName.length > 0) {
    const attribute =
      asName.includes("email") && looksLikeEmail(requested)
        ? "email"
        : asName.includes("phone_number") && looksLikePhoneNumber(requested)
          ? "phone_number"
          : undefined;
    if (attribute === undefined) {
      const expected =
        asName.length > 1 ? "either an email or a phone number" : asName[0] === "email" ? "an email" : "a phone number";
      throw new InvalidParameterException(`Username should be ${expected}.`);
    }
    const given = written.get(attribute);
    if (given !== undefined && given !== "" && given !== requested) {
      throw new InvalidParameterException(
        `User ${NAME_ATTRIBUTE_LABEL[attribute]} should be empty or same as username, since username attribute is ${attribute}.`,
      );
    }
    return { username: sub, implied: new Map([[attribute, requested]]) };
  }
  const aliases = pool.settings.AliasAttributes ?? [];
  if (aliases.includes("email") && looksLikeEmail(requested)) {
    throw new InvalidParameterException("Username cannot be of email format, since user pool is configured for email alias.");
  }
  if (aliases.includes("phone_number") && looksLikePhoneNumber(requested)) {
    throw new InvalidParameterException(
      "Username cannot be of phone number format, since user pool is configured for phone number alias.",
    );
  }
  return { username: foldCase(pool.settings, requested), implied: new Map<string, string>() };
}

/** Who a new user will be: identifiers and attributes, validated, not yet stored. */
export interface NewUserDraft {
  sub: string;
  username: string;
  attributes: Record<string, string>;
}

/** Validates what a create request writes and resolves the username it asks for. */
export function draftNewUser(
  ctx: DomainContext,
  pool: Pool,
  requestedName: string,
  inputs: readonly AttributeInput[],
  writer: AttributeWriter,
): NewUserDraft {
  const sub = ctx.random.uuid();
  const written = validateAttributes(pool.settings, inputs, writer);
  const { username, implied } = resolveUsername(pool, requestedName, sub, written);
  const attributes = foldAttributes(pool.settings, applyAttributes({}, new Map([...written, ...implied])));
  checkVerifiedFlagsHaveContacts(attributes, written);
  return { sub, username, attributes };
}

export interface NewUserState {
  /** FORCE_CHANGE_PASSWORD makes the password a temporary one, which expires (temporaryPasswordExpiresAt). */
  status: UserStatus;
  /** Hashed before calling: the slow part never runs inside the transaction. */
  password: HashedPassword;
}

export interface NewUserOptions {
  forceAliasCreation: boolean;
  /** What UsernameExistsException says when the username is taken; the operations word it differently. */
  usernameExists: string;
}

/**
 * Inserts the drafted user, enabled, claiming its alias values, then runs
 * `then` (messages, codes) in the same transaction: a failure anywhere
 * leaves no user behind. A taken username is UsernameExistsException; a
 * taken alias is aliasTaken's error, unless the username is taken too.
 */
export async function insertNewUser<T>(
  ctx: DomainContext,
  pool: Pool,
  draft: NewUserDraft,
  state: NewUserState,
  options: NewUserOptions,
  then: (tx: DomainContext, user: User) => Promise<T>,
): Promise<T> {
  const now = ctx.clock.now();
  const keys = userKeys(pool.settings, draft.attributes);
  const usernameKey = foldCase(pool.settings, draft.username);
  try {
    return await atomically(ctx, async (tx) => {
      await claimAliases(tx, pool, keys, options.forceAliasCreation);
      const user = userFromRecord(
        await tx.store.users.insert({
          poolId: pool.id,
          username: draft.username,
          usernameKey,
          sub: draft.sub,
          status: state.status,
          enabled: true,
          createdAt: now,
          modifiedAt: now,
          attributes: draft.attributes,
          ...state.password.secretsFor(pool, draft.username),
          passwordExpiresAt:
            state.status === "FORCE_CHANGE_PASSWORD"
              ? temporaryPasswordExpiresAt(pool.settings.Policies.PasswordPolicy, now)
              : null,
          keys,
        }),
      );
      return await then(tx, user);
    });
  } catch (error) {
    if (!(error instanceof UniqueViolation)) throw error;
    // A row that takes both a username and an alias breaks two keys, and the engines name different
    // ones first: the username is looked up so that the answer is the same on both.
    const usernameTaken =
      error.key === "username" ||
      error.key === "sub" ||
      (await ctx.store.users.find(pool.id, { by: "usernameKey", value: usernameKey })) !== undefined;
    if (usernameTaken) throw new UsernameExistsException(options.usernameExists);
    throw aliasClash(pool, error);
  }
}
