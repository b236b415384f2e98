import { UserNotFoundException } from "../errors.js";
import type { DomainContext } from "./context.js";
import type { Pool } from "./pools.js";
import { type User, userFromRecord } from "./user.js";
import { aliasColumnsFor, foldCase, looksLikeSub } from "./userKeys.js";

/**
 * Finds a user by the name a caller gave: the username, then any alias
 * the pool has, then the `sub` (reference §2.4 "Lookup rule"). The first
 * query is the common case and the only one for a plain username.
 */
export async function findUser(ctx: DomainContext, pool: Pool, name: string): Promise<User | undefined> {
  const store = ctx.store;
  const byName = await store.findUser(pool.id, {
    by: "usernameKey",
    value: foldCase(pool.settings, name),
  });
  if (byName !== undefined) return userFromRecord(byName);
  for (const column of aliasColumnsFor(pool.settings, name)) {
    const byAlias = await store.findUser(pool.id, {
      by: "alias",
      column,
      value: foldCase(pool.settings, name),
    });
    if (byAlias !== undefined) return userFromRecord(byAlias);
  }
  if (looksLikeSub(name)) {
    const bySub = await store.findUser(pool.id, {
      by: "sub",
      value: name.toLowerCase(),
    });
    if (bySub !== undefined) return userFromRecord(bySub);
  }
  return undefined;
}

/** As findUser, for admin operations: an unknown user is UserNotFoundException (reference §3, "User does not exist."). */
export async function requireUser(ctx: DomainContext, pool: Pool, name: string): Promise<User> {
  const user = await findUser(ctx, pool, name);
  if (user === undefined) throw new UserNotFoundException("User does not exist.");
  return user;
}
