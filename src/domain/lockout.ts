import { NotAuthorizedException } from "../errors.js";
import type { DomainContext } from "./context.js";
import type { User } from "./user.js";

/**
 * Failed-sign-in lockout as reference §2.6 documents it: after 5 failures a
 * user is locked for 1 s, each further failure doubles the lock up to about
 * 15 minutes (2^(n−5) s for n failures); attempts during a lock are refused
 * without extending it; the count resets after a successful sign-in, or after
 * 15 minutes without attempts. Counts live in the store, so they survive a
 * restart and are shared by every process.
 */
const FREE_FAILURES = 5;
const MAX_LOCK_MS = 15 * 60 * 1000;
const FORGET_AFTER_MS = 15 * 60 * 1000;

/** Refuses the attempt while the user is locked out; tells whether failures are on record. */
export async function checkLockout(ctx: DomainContext, user: User): Promise<{ hasFailures: boolean }> {
  const failures = await ctx.store.getSignInFailures(user.id);
  if (failures?.lockedUntil != null && failures.lockedUntil > ctx.clock.now()) {
    throw new NotAuthorizedException("Password attempts exceeded");
  }
  return { hasFailures: failures !== undefined };
}

/** Counts a wrong password, locking the user once the free failures are used up. */
export async function recordFailedSignIn(ctx: DomainContext, user: User): Promise<void> {
  const now = ctx.clock.now();
  const previous = await ctx.store.getSignInFailures(user.id);
  const stale = previous === undefined || now - previous.lastFailureAt > FORGET_AFTER_MS;
  const failures = (stale ? 0 : previous.failures) + 1;
  const lockMs = failures < FREE_FAILURES ? 0 : Math.min(2 ** (failures - FREE_FAILURES) * 1000, MAX_LOCK_MS);
  await ctx.store.putSignInFailures({
    userId: user.id,
    poolId: user.poolId,
    failures,
    lastFailureAt: now,
    lockedUntil: lockMs === 0 ? null : now + lockMs,
  });
}

/** A successful sign-in (which can only happen once any lock expired) starts the count afresh. */
export async function clearFailedSignIns(ctx: DomainContext, user: User): Promise<void> {
  await ctx.store.clearSignInFailures(user.id);
}
