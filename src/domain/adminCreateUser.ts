import { InvalidParameterException, UnsupportedUserStateException, UsernameExistsException } from "../errors.js";
import type { AliasColumn } from "../store/records.js";
import { UniqueViolation } from "../store/store.js";
import { aliasTaken, claimAliases } from "./aliases.js";
import { atomically } from "./atomically.js";
import type { DomainContext } from "./context.js";
import { type DeliveryMedium, invitationMessages, MEDIUM_ATTRIBUTE } from "./messages.js";
import { checkPassword, generateTemporaryPassword } from "./passwordPolicy.js";
import { getPool, type Pool } from "./pools.js";
import { saveUser } from "./saveUser.js";
import { type User, userFromRecord } from "./user.js";
import { type AttributeInput, applyAttributes, validateAttributes } from "./userAttributes.js";
import { foldAttributes, foldCase, looksLikeEmail, looksLikePhoneNumber, userKeys } from "./userKeys.js";
import { requireUser } from "./userLookup.js";

export interface AdminCreateUserRequest {
  username: string;
  attributes: readonly AttributeInput[];
  temporaryPassword?: string;
  forceAliasCreation: boolean;
  messageAction?: "RESEND" | "SUPPRESS";
  /** Reference §2.8: SMS when omitted. */
  deliveryMediums: readonly DeliveryMedium[];
}

const DAY_MS = 86_400_000;

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

/** Each requested medium needs its contact attribute (research notes: "No email provided but …"). */
function checkDeliveryMediums(attributes: Record<string, string>, request: AdminCreateUserRequest): void {
  if (request.messageAction === "SUPPRESS") return;
  for (const medium of request.deliveryMediums) {
    if (attributes[MEDIUM_ATTRIBUTE[medium]] !== undefined) continue;
    throw new InvalidParameterException(
      medium === "EMAIL"
        ? "No email provided but desired delivery medium was Email"
        : "No phone number provided but desired delivery medium was SMS",
    );
  }
}

async function sendInvitations(
  ctx: DomainContext,
  pool: Pool,
  user: User,
  password: string,
  request: AdminCreateUserRequest,
): Promise<void> {
  if (request.messageAction === "SUPPRESS") return;
  for (const message of invitationMessages(pool, user, password, request.deliveryMediums)) await ctx.sender.send(ctx, message);
}

/**
 * The temporary password a new or re-invited user gets: the one given
 * (checked against the policy) or a generated one. Hashed before any
 * transaction, so the store's connection is never held across the slow part.
 */
async function temporaryPassword(ctx: DomainContext, pool: Pool, given: string | undefined) {
  const policy = pool.settings.Policies.PasswordPolicy;
  const password = given ?? generateTemporaryPassword(ctx.random, policy);
  if (given !== undefined) checkPassword(password, policy, "adminCreateUser");
  return { password, passwordHash: await ctx.hasher.hash(password), validityMs: policy.TemporaryPasswordValidityDays * DAY_MS };
}

/** MessageAction RESEND: a new temporary password for a user who has not signed in yet (reference §3.1). */
async function resendInvitation(ctx: DomainContext, pool: Pool, request: AdminCreateUserRequest): Promise<User> {
  const { password, passwordHash, validityMs } = await temporaryPassword(ctx, pool, request.temporaryPassword);
  return atomically(ctx, async (tx) => {
    const user = await requireUser(tx, pool, request.username);
    if (user.status !== "FORCE_CHANGE_PASSWORD") {
      throw new UnsupportedUserStateException(`Resend not possible. ${user.username} status is not FORCE_CHANGE_PASSWORD`);
    }
    checkDeliveryMediums(user.attributes, request);
    const updated = await saveUser(tx, pool, { ...user, passwordHash, passwordExpiresAt: ctx.clock.now() + validityMs });
    await sendInvitations(tx, pool, updated, password, request);
    return updated;
  });
}

export async function adminCreateUser(ctx: DomainContext, poolId: string, request: AdminCreateUserRequest): Promise<User> {
  const pool = await getPool(ctx, poolId);
  if (request.messageAction === "RESEND") return resendInvitation(ctx, pool, request);

  const sub = ctx.random.uuid();
  const written = validateAttributes(pool.settings, request.attributes, { kind: "adminCreate" });
  const { username, implied } = resolveUsername(pool, request.username, sub, written);
  const attributes = foldAttributes(pool.settings, applyAttributes({}, new Map([...written, ...implied])));
  checkDeliveryMediums(attributes, request);
  const { password, passwordHash, validityMs } = await temporaryPassword(ctx, pool, request.temporaryPassword);

  const now = ctx.clock.now();
  const keys = userKeys(pool.settings, attributes);
  try {
    return await atomically(ctx, async (tx) => {
      await claimAliases(tx, pool, keys, request.forceAliasCreation);
      const user = userFromRecord(
        await tx.store.insertUser({
          poolId: pool.id,
          username,
          usernameKey: foldCase(pool.settings, username),
          sub,
          status: "FORCE_CHANGE_PASSWORD",
          enabled: true,
          createdAt: now,
          modifiedAt: now,
          attributes,
          passwordHash,
          passwordExpiresAt: now + validityMs,
          keys,
        }),
      );
      await sendInvitations(tx, pool, user, password, request);
      return user;
    });
  } catch (error) {
    if (!(error instanceof UniqueViolation)) throw error;
    if (error.key === "username" || error.key === "sub") throw new UsernameExistsException("User account already exists");
    throw aliasTaken(pool, error.key as AliasColumn);
  }
}
