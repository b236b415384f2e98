import { InvalidParameterException } from "../../errors.js";
import { type CodeDeliveryDetails, codeMessage } from "../courier/codeDelivery.js";
import { discardCode, issueCode } from "../courier/codes.js";
import { inTransaction, optimistically } from "../kernel/atomically.js";
import type { DomainContext } from "../kernel/context.js";
import type { DeliveryMedium } from "../kernel/messageSender.js";
import type { VerifiableAttribute } from "../pools/poolSettings.js";
import type { Pool } from "../pools/pools.js";
import { saveUser } from "../users/saveUser.js";
import type { User } from "../users/user.js";
import {
  type AttributeInput,
  applyAttributes,
  checkVerifiedFlagsHaveContacts,
  missingRequired,
  validateAttributes,
} from "../users/userAttributes.js";
import { foldAttributes } from "../users/userKeys.js";
import { requireUser } from "../users/userLookup.js";

const MEDIUM: Record<VerifiableAttribute, DeliveryMedium> = { email: "EMAIL", phone_number: "SMS" };
const CONTACTS: readonly VerifiableAttribute[] = ["email", "phone_number"];

interface Plan {
  /** What to write now ("" removes). */
  changes: Map<string, string>;
  /** Codes to send: to a new contact value, possibly one that is only applied once verified. */
  verifications: { attribute: VerifiableAttribute; destination: string; pending: boolean }[];
  /** Contacts whose value the request changes or removes. */
  changed: VerifiableAttribute[];
}

/**
 * How an email or phone change is applied (reference §2.3, research notes §7):
 * - the request also sets the *_verified flag to "true": stored as verified,
 *   nothing sent;
 * - otherwise the new value is unverified; if the pool auto-verifies the
 *   attribute a code goes to the new value, and when the pool lists it in
 *   AttributesRequireVerificationBeforeUpdate, a verified old value stays in
 *   place until the new one is verified (the code carries the new value);
 * - removing a contact removes its *_verified flag too.
 */
function plan(pool: Pool, user: User, requested: ReadonlyMap<string, string>): Plan {
  const changes = new Map(requested);
  const verifications: Plan["verifications"] = [];
  const changed: VerifiableAttribute[] = [];
  const settings = pool.settings;
  for (const attribute of CONTACTS) {
    const flag = `${attribute}_verified`;
    const value = requested.get(attribute);
    if (value === undefined || value === user.attributes[attribute]) continue;
    changed.push(attribute);
    if (value === "") {
      changes.set(flag, "");
      continue;
    }
    if (requested.get(flag) === "true") continue;
    const autoVerified = settings.AutoVerifiedAttributes?.includes(attribute) ?? false;
    const holdOld =
      autoVerified &&
      settings.UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate.includes(attribute) &&
      user.attributes[flag] === "true";
    if (holdOld) changes.delete(attribute);
    else changes.set(flag, "false");
    if (autoVerified) verifications.push({ attribute, destination: value, pending: holdOld });
  }
  return { changes, verifications, changed };
}

/**
 * Writes a plan: the user, then, in the same transaction, a code and
 * message for each new contact to verify. A contact that changes without a
 * new code loses the code it had: sent to a value the user no longer has,
 * it must not verify the new one (VerifyUserAttribute).
 */
async function writePlan(ctx: DomainContext, pool: Pool, user: User, requested: ReadonlyMap<string, string>) {
  const { changes, verifications, changed } = plan(pool, user, requested);
  const attributes = applyAttributes(user.attributes, changes);
  checkVerifiedFlagsHaveContacts(attributes, changes);
  const stale = changed.filter((attribute) => !verifications.some((v) => v.attribute === attribute));
  if (verifications.length === 0 && stale.length === 0) {
    await saveUser(ctx, pool, user, { attributes });
    return [];
  }
  return inTransaction(ctx, async (tx) => {
    const saved = await saveUser(tx, pool, user, { attributes });
    for (const attribute of stale) await discardCode(tx, saved, `VERIFY_${attribute}`);
    const delivered: CodeDeliveryDetails[] = [];
    for (const { attribute, destination, pending } of verifications) {
      delivered.push(
        await sendVerificationCode(tx, pool, saved, attribute, destination, pending, "CustomMessage_UpdateUserAttribute"),
      );
    }
    return delivered;
  });
}

/** A required attribute can be changed but not removed. */
function checkRequiredKept(pool: Pool, changes: ReadonlyMap<string, string>): void {
  const removed = missingRequired(pool.settings, (name) => changes.get(name) === "");
  if (removed.length > 0) {
    throw new InvalidParameterException(
      `Attributes did not conform to the schema: ${removed.map((name) => `user.${name}: The attribute is required`).join("\n")}`,
    );
  }
}

/** Who changes a user's attributes: an admin, or the user through an app client (its WriteAttributes apply). */
export type AttributeUpdater = { kind: "adminUpdate" } | { kind: "publicUpdate"; writeAttributes: readonly string[] | undefined };

/**
 * AdminUpdateUserAttributes and UpdateUserAttributes: upserts, "" removes,
 * contact changes follow `plan`, aliases stay unique (AliasExistsException;
 * no ForceAliasCreation here), and verification codes go out through the
 * outbox in the same transaction (CustomMessage_UpdateUserAttribute).
 * Returns where the codes went, as UpdateUserAttributes reports it.
 */
export async function updateUserAttributes(
  ctx: DomainContext,
  pool: Pool,
  username: string,
  inputs: readonly AttributeInput[],
  updater: AttributeUpdater = { kind: "adminUpdate" },
): Promise<CodeDeliveryDetails[]> {
  const validated = validateAttributes(pool.settings, inputs, updater);
  // Case-insensitive pools compare email and preferred_username without case (reference §2.4) and
  // store them lower-cased (research notes user-lifecycle §4). The request is folded before `plan`
  // compares it with the stored values: "Bob@x.com" over a verified "bob@x.com" is no change, not a
  // new address to verify.
  const requested = new Map(Object.entries(foldAttributes(pool.settings, Object.fromEntries(validated))));
  checkRequiredKept(pool, requested);
  return optimistically(async () => writePlan(ctx, pool, await requireUser(ctx, pool, username), requested));
}

/**
 * Issues a code that verifies `attribute` and sends it to `destination`.
 * When `pending`, the value is not the user's yet (AttributesRequireVerificationBeforeUpdate):
 * the code carries it, and redeeming the code applies it (VerifyUserAttribute).
 * Runs inside the caller's transaction.
 */
export async function sendVerificationCode(
  tx: DomainContext,
  pool: Pool,
  user: User,
  attribute: VerifiableAttribute,
  destination: string,
  pending: boolean,
  reason: string,
): Promise<CodeDeliveryDetails> {
  const code = await issueCode(tx, user, `VERIFY_${attribute}`, pending ? destination : null);
  const target = { ...user, attributes: { ...user.attributes, [attribute]: destination } };
  const { message, details } = codeMessage(pool, target, MEDIUM[attribute], code, reason);
  await tx.sender.send(tx, message);
  return details;
}

/**
 * AdminDeleteUserAttributes and DeleteUserAttributes. `sub`, immutable and required attributes
 * cannot go; removing email or phone_number removes its *_verified flag, and
 * with it the alias (reference §3.1).
 */
export async function deleteUserAttributes(
  ctx: DomainContext,
  pool: Pool,
  username: string,
  names: readonly string[],
  updater: AttributeUpdater = { kind: "adminUpdate" },
): Promise<void> {
  const removals = validateAttributes(
    pool.settings,
    names.map((Name) => ({ Name, Value: "" })),
    updater,
  );
  checkRequiredKept(pool, removals);
  await optimistically(async () => writePlan(ctx, pool, await requireUser(ctx, pool, username), removals));
}
