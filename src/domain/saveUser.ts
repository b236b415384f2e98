import type { DomainContext } from "./context.js";
import type { Pool } from "./pools.js";
import { type User, userFromRecord } from "./user.js";
import { userKeys } from "./userKeys.js";

/**
 * Writes a changed user: keys recomputed from its attributes and
 * UserLastModifiedDate moved to now. Fails with StaleWrite if the user
 * changed since it was read (run it inside `atomically`).
 */
export async function saveUser(ctx: DomainContext, pool: Pool, user: User): Promise<User> {
  const saved = await ctx.store.updateUser({ ...user, modifiedAt: ctx.clock.now() }, userKeys(pool.settings, user.attributes));
  return userFromRecord(saved);
}
