import { optimistically } from "../kernel/atomically.js";
import type { DomainContext } from "../kernel/context.js";
import type { Pool } from "../pools/pools.js";
import { saveUser } from "../users/saveUser.js";
import { requireUser } from "../users/userLookup.js";

/**
 * AdminEnableUser / AdminDisableUser: the Enabled flag, independent of the
 * status (reference §2.1). Setting the state a user is already in is not an
 * error and writes nothing (research notes §6: no error is ever reported).
 */
export async function setUserEnabled(ctx: DomainContext, pool: Pool, username: string, enabled: boolean): Promise<void> {
  await optimistically(async () => {
    const user = await requireUser(ctx, pool, username);
    if (user.enabled !== enabled) await saveUser(ctx, pool, user, { enabled });
  });
}

/** AdminDeleteUser: the user, with the user's codes, is gone; the username can be used again (reference §2.2). */
export async function deleteUser(ctx: DomainContext, pool: Pool, username: string): Promise<void> {
  const user = await requireUser(ctx, pool, username);
  await ctx.store.users.delete(pool.id, user.id);
}
