import { NotAuthorizedException, UserNotFoundException } from "../../errors.js";
import type { DomainContext } from "../kernel/context.js";
import { preventsUserExistenceErrors } from "../pools/clientSettings.js";
import type { AppClient } from "../pools/clients.js";
import type { Pool } from "../pools/pools.js";
import { type User, userFromRecord } from "./user.js";
import { aliasColumnsFor, foldCase, looksLikeSub } from "./userKeys.js";

/** An unknown user, in the words of every operation that names one (reference §3). */
export function userNotFound(): UserNotFoundException {
  return new UserNotFoundException("User does not exist.");
}

/** A disabled user, where an operation refuses one (reference §2.1, observed). */
export function userDisabled(): NotAuthorizedException {
  return new NotAuthorizedException("User is disabled.");
}

/**
 * Finds a user by the name a caller gave: the username, then any alias
 * the pool has, then the `sub` (reference §2.4 "Lookup rule"). The first
 * query is the common case and the only one for a plain username.
 */
export async function findUser(ctx: DomainContext, pool: Pool, name: string): Promise<User | undefined> {
  const store = ctx.store;
  const byName = await store.users.find(pool.id, {
    by: "usernameKey",
    value: foldCase(pool.settings, name),
  });
  if (byName !== undefined) return userFromRecord(byName);
  for (const column of aliasColumnsFor(pool.settings, name)) {
    const byAlias = await store.users.find(pool.id, {
      by: "alias",
      column,
      value: foldCase(pool.settings, name),
    });
    if (byAlias !== undefined) return userFromRecord(byAlias);
  }
  if (looksLikeSub(name)) {
    const bySub = await store.users.find(pool.id, {
      by: "sub",
      value: name.toLowerCase(),
    });
    if (bySub !== undefined) return userFromRecord(bySub);
  }
  return undefined;
}

/** As findUser, for admin operations: an unknown user is userNotFound(). */
export async function requireUser(ctx: DomainContext, pool: Pool, name: string): Promise<User> {
  const user = await findUser(ctx, pool, name);
  if (user === undefined) throw userNotFound();
  return user;
}

/**
 * As findUser, for the public operations that serve enabled users only
 * (ConfirmSignUp, ResendConfirmationCode, ForgotPassword,
 * ConfirmForgotPassword): an unknown user is userNotFound(), a disabled one
 * userDisabled(). When the client sets PreventUserExistenceErrors both are
 * undefined instead, for the operation to give the answer it gives every
 * user it must not reveal (reference §2.7); `revealDisabled` keeps the
 * disabled error even then.
 */
export async function findSelfServiceUser(
  ctx: DomainContext,
  pool: Pool,
  client: AppClient,
  name: string,
  options: { revealDisabled?: boolean } = {},
): Promise<User | undefined> {
  const hiding = preventsUserExistenceErrors(client.settings);
  const user = await findUser(ctx, pool, name);
  if (user === undefined) {
    if (hiding) return undefined;
    throw userNotFound();
  }
  if (!user.enabled) {
    if (hiding && options.revealDisabled !== true) return undefined;
    throw userDisabled();
  }
  return user;
}
