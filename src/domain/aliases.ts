import type { AliasColumn, UserKeys } from "../store/records.js";
import { aliasTaken } from "./aliasErrors.js";
import type { DomainContext } from "./context.js";
import type { Pool } from "./pools.js";
import { saveUser } from "./saveUser.js";
import { userFromRecord } from "./user.js";
import { ALIAS_ATTRIBUTE } from "./userKeys.js";

const COLUMNS: readonly AliasColumn[] = ["aliasEmail", "aliasPhoneNumber", "aliasPreferredUsername"];

/**
 * Makes the alias values in `keys` free for the user `selfId` (or a new
 * user). A value held by someone else is an error unless `force` (the
 * request's ForceAliasCreation) moves it: the other user's email/phone is
 * then marked unverified and stops being an alias (reference §2.4).
 * Must run inside the transaction that writes the new keys.
 */
export async function claimAliases(
  ctx: DomainContext,
  pool: Pool,
  keys: UserKeys,
  force: boolean,
  selfId?: number,
): Promise<void> {
  for (const column of COLUMNS) {
    const value = keys[column];
    if (value === null) continue;
    const holder = await ctx.store.findUser(pool.id, {
      by: "alias",
      column,
      value,
    });
    if (holder === undefined || holder.id === selfId) continue;
    const attribute = ALIAS_ATTRIBUTE[column];
    const movable =
      column !== "aliasPreferredUsername" && pool.settings.AliasAttributes?.includes(attribute as "email" | "phone_number");
    if (!force || !movable) throw aliasTaken(pool, column);
    const user = userFromRecord(holder);
    await saveUser(ctx, pool, user, { attributes: { ...user.attributes, [`${attribute}_verified`]: "false" } });
  }
}
