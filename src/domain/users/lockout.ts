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

/** A check of what the caller proved it knows (a password, an SRP proof): true when right. */
export type SecretCheck = () => Promise<boolean>;

/** The check of a password given in the clear against the user's argon2id hash; a missing one is wrong. */
export function passwordMatches(ctx: DomainContext, user: User, password: string | undefined): SecretCheck {
  return async () => user.passwordHash !== null && password !== undefined && ctx.hasher.verify(user.passwordHash, password);
}

/**
 * Runs `check` under the lockout: refused while the user is locked; a
 * failed check is counted (and answers false); a passed one starts the
 * count afresh. `beforeCheck` runs after the lock check and may refuse
 * first (the status checks of reference §4.2, steps 5–6). Password and SRP
 * sign-ins and ChangePassword count toward the same lock (§2.6).
 */
export function checkWithLockout(
  ctx: DomainContext,
  user: User,
  check: SecretCheck,
  beforeCheck?: () => Promise<void>,
): Promise<boolean> {
  return oneAtATime(ctx, user.id, async () => {
    const failures = await checkLockout(ctx, user);
    await beforeCheck?.();
    if (!(await check())) {
      await recordFailure(ctx, user);
      return false;
    }
    if (failures !== undefined) await ctx.store.signInFailures.clear(user.id);
    return true;
  });
}
