import type { AliasColumn, UserKeys } from "../../store/records.js";
import type { DomainContext } from "../kernel/context.js";
import type { Pool } from "../pools/pools.js";
import { aliasTaken } from "./aliasErrors.js";
import { saveUser } from "./saveUser.js";
import { userFromRecord } from "./user.js";
import { ALIAS_ATTRIBUTE } from "./userKeys.js";

const COLUMNS: readonly AliasColumn[] = ["aliasEmail", "aliasPhoneNumber", "aliasPreferredUsername"];

/**
 * Makes the alias values in `keys` free for the user `selfId` (or a new
 * user) when `force` (the request's ForceAliasCreation) asks to move them:
 * another holder's email/phone is marked unverified and stops being an
 * alias (reference §2.4); a preferred_username cannot be moved and is
 * aliasTaken's error. Without `force` nothing moves and nothing is read:
 * the unique index refuses a taken value when the keys are written, and
 * saveUser and insertNewUser answer that with aliasTaken's error.
 * Must run inside the transaction that writes the new keys.
 */
export async function claimAliases(
  ctx: DomainContext,
  pool: Pool,
  keys: UserKeys,
  force: boolean,
  selfId?: number,
): Promise<void> {
  if (!force) return;
  for (const column of COLUMNS) {
    const value = keys[column];
    if (value === null) continue;
    const holder = await ctx.store.users.find(pool.id, {
      by: "alias",
      column,
      value,
    });
    if (holder === undefined || holder.id === selfId) continue;
    const attribute = ALIAS_ATTRIBUTE[column];
    const movable =
      column !== "aliasPreferredUsername" && pool.settings.AliasAttributes?.includes(attribute as "email" | "phone_number");
    if (!movable) throw aliasTaken(pool, column);
    const user = userFromRecord(holder);
    await saveUser(ctx, pool, user, { attributes: { ...user.attributes, [`${attribute}_verified`]: "false" } });
  }
}
