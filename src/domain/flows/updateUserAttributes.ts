import { InvalidParameterException } from "../../errors.js";
import { codeMessage } from "../courier/codeDelivery.js";
import { issueCode } from "../courier/codes.js";
import { inTransaction, optimistically } from "../kernel/atomically.js";
import type { DomainContext } from "../kernel/context.js";
import type { DeliveryMedium } from "../kernel/messageSender.js";
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

const CONTACTS = [
  { attribute: "email", medium: "EMAIL" },
  { attribute: "phone_number", medium: "SMS" },
] as const satisfies readonly { attribute: string; medium: DeliveryMedium }[];

interface Plan {
  /** What to write now ("" removes). */
  changes: Map<string, string>;
  /** Codes to send: to a new contact value, possibly one that is only applied once verified. */
  verifications: { attribute: "email" | "phone_number"; medium: DeliveryMedium; destination: string; pending: boolean }[];
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
  const settings = pool.settings;
  for (const { attribute, medium } of CONTACTS) {
    const flag = `${attribute}_verified`;
    const value = requested.get(attribute);
    if (value === undefined || value === user.attributes[attribute]) continue;
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
    if (autoVerified) verifications.push({ attribute, medium, destination: value, pending: holdOld });
  }
  return { changes, verifications };
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

/**
 * AdminUpdateUserAttributes: upserts, "" removes, contact changes follow
 * `plan`, aliases stay unique (AliasExistsException; no ForceAliasCreation
 * here), and verification codes go out through the outbox in the same
 * transaction (CustomMessage_UpdateUserAttribute).
 */
export async function updateUserAttributes(
  ctx: DomainContext,
  pool: Pool,
  username: string,
  inputs: readonly AttributeInput[],
): Promise<void> {
  const validated = validateAttributes(pool.settings, inputs, { kind: "adminUpdate" });
  // Case-insensitive pools compare email and preferred_username without case (reference §2.4) and
  // store them lower-cased (research notes user-lifecycle §4). The request is folded before `plan`
  // compares it with the stored values: "Bob@x.com" over a verified "bob@x.com" is no change, not a
  // new address to verify.
  const requested = new Map(Object.entries(foldAttributes(pool.settings, Object.fromEntries(validated))));
  checkRequiredKept(pool, requested);
  await optimistically(async () => {
    const user = await requireUser(ctx, pool, username);
    const { changes, verifications } = plan(pool, user, requested);
    const attributes = applyAttributes(user.attributes, changes);
    checkVerifiedFlagsHaveContacts(attributes, changes);
    if (verifications.length === 0) {
      await saveUser(ctx, pool, user, { attributes });
      return;
    }
    // The user and the codes and messages for the new contacts are written together.
    await inTransaction(ctx, async (tx) => {
      const saved = await saveUser(tx, pool, user, { attributes });
      for (const { attribute, medium, destination, pending } of verifications) {
        const code = await issueCode(tx, saved, `VERIFY_${attribute}`, pending ? destination : null);
        const target = { ...saved, attributes: { ...saved.attributes, [attribute]: destination } };
        const { message } = codeMessage(pool, target, medium, code, "CustomMessage_UpdateUserAttribute");
        await tx.sender.send(tx, message);
      }
    });
  });
}

/**
 * AdminDeleteUserAttributes. `sub`, immutable and required attributes
 * cannot go; removing email or phone_number removes its *_verified flag, and
 * with it the alias (reference §3.1).
 */
export async function deleteUserAttributes(
  ctx: DomainContext,
  pool: Pool,
  username: string,
  names: readonly string[],
): Promise<void> {
  const removals = validateAttributes(
    pool.settings,
    names.map((Name) => ({ Name, Value: "" })),
    { kind: "adminUpdate" },
  );
  checkRequiredKept(pool, removals);
  await optimistically(async () => {
    const user = await requireUser(ctx, pool, username);
    const { changes } = plan(pool, user, removals);
    await saveUser(ctx, pool, user, { attributes: applyAttributes(user.attributes, changes) });
  });
}
