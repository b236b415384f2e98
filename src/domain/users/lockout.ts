import { NotAuthorizedException } from "../../errors.js";
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
 * Runs the password checks of one user one at a time in this process, so a
 * burst for one user hashes one password at a time and is refused in order
 * once locked. Across processes the conditional count in the store
 * (claimAttempt) is what keeps the limit. Different users do not wait for
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

/** The lock after n failures (index n): none for the free ones, then 2^(n−5) s up to MAX_LOCK_MS. */
const LOCK_MS: readonly (number | null)[] = (() => {
  const locks: (number | null)[] = [];
  for (let n = 0; locks.at(-1) !== MAX_LOCK_MS; n++) {
    locks.push(n < FREE_FAILURES ? null : Math.min(2 ** (n - FREE_FAILURES) * 1000, MAX_LOCK_MS));
  }
  return locks;
})();

const locked = () => new NotAuthorizedException("Password attempts exceeded");

/** Refuses the attempt while the user is locked out, before anything else is checked. */
async function checkLockout(ctx: DomainContext, user: User): Promise<void> {
  const failures = await ctx.store.signInFailures.get(user.id);
  if (failures?.lockedUntil != null && failures.lockedUntil > ctx.clock.now()) throw locked();
}

/**
 * Counts the attempt as a failure before the password is checked, and
 * refuses it if the user is locked out by now. One conditional statement
 * decides, so processes sharing the store together check no more passwords
 * than one process would (checkLockout alone lets concurrent attempts from
 * two processes all pass); a right password then clears the count.
 */
async function claimAttempt(ctx: DomainContext, user: User): Promise<void> {
  const now = ctx.clock.now();
  const claimed = await ctx.store.signInFailures.claimAttempt({
    userId: user.id,
    poolId: user.poolId,
    at: now,
    forgetBefore: now - FORGET_AFTER_MS,
    lockMs: LOCK_MS,
  });
  if (claimed === undefined) throw locked();
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
    await checkLockout(ctx, user);
    await beforeCheck?.();
    await claimAttempt(ctx, user);
    if (!(await check())) return false;
    await ctx.store.signInFailures.clear(user.id);
    return true;
  });
}

/**
 * Checks a second factor's code under the same lockout (reference §2.6:
 * "the same exponential lockout starts after 5 wrong MFA codes"): refused
 * while the user is locked; the attempt is claimed as a failure first, as
 * for passwords, and a right outcome (`right`) starts the count afresh.
 */
export function verifyCodeWithLockout<T>(
  ctx: DomainContext,
  user: User,
  check: () => Promise<T>,
  right: (outcome: T) => boolean,
): Promise<T> {
  return oneAtATime(ctx, user.id, async () => {
    await checkLockout(ctx, user);
    await claimAttempt(ctx, user);
    const outcome = await check();
    if (right(outcome)) await ctx.store.signInFailures.clear(user.id);
    return outcome;
  });
}
