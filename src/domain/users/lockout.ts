import { NotAuthorizedException } from "../../errors.js";
import type { SignInFailuresRecord } from "../../store/records.js";
import type { DomainContext } from "../kernel/context.js";
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

/** The answer to a wrong password, at sign-in and at ChangePassword (reference §4.2, §3.4). */
export const INCORRECT_PASSWORD = "Incorrect username or password.";

/** Each store's users with a password check running, and the promise of the last one queued. */
const checking = new WeakMap<DomainContext["store"], Map<number, Promise<void>>>();

/**
 * Runs the password checks of one user one at a time in this process.
 * Otherwise concurrent wrong passwords all pass the lock check before any of
 * them is counted, and none is refused. Different users do not wait for
 * each other.
 */
async function oneAtATime<T>(ctx: DomainContext, userId: number, work: () => Promise<T>): Promise<T> {
  let queues = checking.get(ctx.store);
  if (queues === undefined) {
    queues = new Map();
    checking.set(ctx.store, queues);
  }
  const result = (queues.get(userId) ?? Promise.resolve()).then(work);
  const done = result.then(
    () => undefined,
    () => undefined,
  );
  queues.set(userId, done);
  try {
    return await result;
  } finally {
    if (queues.get(userId) === done) queues.delete(userId);
  }
}

/** Refuses the attempt while the user is locked out; returns the failures on record. */
async function checkLockout(ctx: DomainContext, user: User): Promise<SignInFailuresRecord | undefined> {
  const failures = await ctx.store.signInFailures.get(user.id);
  if (failures?.lockedUntil != null && failures.lockedUntil > ctx.clock.now()) {
    throw new NotAuthorizedException("Password attempts exceeded");
  }
  return failures;
}

/**
 * Counts a wrong password, locking the user once the free failures are used
 * up. The count is added in the store, so processes sharing it lose none; the
 * transaction keeps another process's count from slipping in before the lock.
 */
async function recordFailure(ctx: DomainContext, user: User): Promise<void> {
  const now = ctx.clock.now();
  await ctx.store.transaction(async (store) => {
    const counted = await store.signInFailures.add({
      userId: user.id,
      poolId: user.poolId,
      at: now,
      forgetBefore: now - FORGET_AFTER_MS,
    });
    if (counted.failures < FREE_FAILURES) return;
    const lockMs = Math.min(2 ** (counted.failures - FREE_FAILURES) * 1000, MAX_LOCK_MS);
    await store.signInFailures.put({ ...counted, lockedUntil: now + lockMs });
  });
}

/**
 * Checks a user's password under the lockout: refused while the user is
 * locked; a wrong (or missing) password is counted and answered
 * INCORRECT_PASSWORD; a right one starts the count afresh. `beforePassword`
 * runs after the lock check and may refuse first (the status checks of
 * reference §4.2, steps 5–6).
 */
export function verifyPasswordWithLockout(
  ctx: DomainContext,
  user: User,
  password: string | undefined,
  beforePassword?: () => Promise<void>,
): Promise<void> {
  return oneAtATime(ctx, user.id, async () => {
    const failures = await checkLockout(ctx, user);
    await beforePassword?.();
    if (user.passwordHash === null || password === undefined || !(await ctx.hasher.verify(user.passwordHash, password))) {
      await recordFailure(ctx, user);
      throw new NotAuthorizedException(INCORRECT_PASSWORD);
    }
    if (failures !== undefined) await ctx.store.signInFailures.clear(user.id);
  });
}

/**
 * Checks a second factor's code under the same lockout (reference §2.6:
 * "the same exponential lockout starts after 5 wrong MFA codes"): refused
 * while the user is locked; `check`'s outcome, when `right` says it is not,
 * is counted as a failed sign-in; a right one starts the count afresh.
 */
export function verifyCodeWithLockout<T>(
  ctx: DomainContext,
  user: User,
  check: () => Promise<T>,
  right: (outcome: T) => boolean,
): Promise<T> {
  return oneAtATime(ctx, user.id, async () => {
    const failures = await checkLockout(ctx, user);
    const outcome = await check();
    if (!right(outcome)) await recordFailure(ctx, user);
    else if (failures !== undefined) await ctx.store.signInFailures.clear(user.id);
    return outcome;
  });
}
