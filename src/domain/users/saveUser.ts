import type { DomainContext } from "../kernel/context.js";
import type { Pool } from "../pools/pools.js";
import { aliasClash } from "./aliasErrors.js";
import { type User, userFromRecord } from "./user.js";
import { userKeys } from "./userKeys.js";

/** What saveUser may change on a user. */
export type UserChanges = Partial<
  Pick<User, "attributes" | "status" | "enabled" | "passwordHash" | "srpSalt" | "srpVerifier" | "passwordExpiresAt" | "mfa">
>;

/**
 * Writes changes to a user read earlier: keys recomputed from the
 * attributes, UserLastModifiedDate moved to now, and only what changed sent
 * to the store. Fails with StaleWrite if the user changed since it was read
 * (run it inside `optimistically` or `atomically`), and with aliasTaken's
 * error if the new attributes claim an alias value another user holds.
 */
export async function saveUser(ctx: DomainContext, pool: Pool, user: User, changes: UserChanges): Promise<User> {
  const next = { ...user, ...changes, modifiedAt: ctx.clock.now() };
  const before = { user, keys: userKeys(pool.settings, user.attributes) };
  const keys = changes.attributes === undefined ? before.keys : userKeys(pool.settings, next.attributes);
  try {
    return userFromRecord(await ctx.store.users.update(next, keys, before));
  } catch (error) {
    throw aliasClash(pool, error);
  }
}
