import type { StoreCore } from "../core.js";
import type { SignInFailuresRecord } from "../records.js";
import { signInFailuresFromRow } from "../rows.js";
import type { SignInFailureRepository } from "../store.js";

export class SignInFailures implements SignInFailureRepository {
  constructor(private readonly core: StoreCore) {}

  async get(userId: number): Promise<SignInFailuresRecord | undefined> {
    const row = await this.core.db.selectFrom("sign_in_failures").selectAll().where("user_id", "=", userId).executeTakeFirst();
    return row && signInFailuresFromRow(row);
  }

  async put(failures: SignInFailuresRecord): Promise<void> {
    const values = {
      user_id: failures.userId,
      pool_id: failures.poolId,
      failures: failures.failures,
      last_failure_at: failures.lastFailureAt,
      locked_until: failures.lockedUntil,
    };
    await this.core.db
      .insertInto("sign_in_failures")
      .values(values)
      .onConflict((oc) =>
        oc.column("user_id").doUpdateSet({
          failures: values.failures,
          last_failure_at: values.last_failure_at,
          locked_until: values.locked_until,
        }),
      )
      .execute();
  }

  async claimAttempt(attempt: {
    userId: number;
    poolId: string;
    at: number;
    forgetBefore: number;
    lockMs: readonly (number | null)[];
  }): Promise<SignInFailuresRecord | undefined> {
    const { at, forgetBefore, lockMs } = attempt;
    const firstLock = lockMs[1] ?? null;
    const row = await this.core.db
      .insertInto("sign_in_failures")
      .values({
        user_id: attempt.userId,
        pool_id: attempt.poolId,
        failures: 1,
        last_failure_at: at,
        locked_until: firstLock === null ? null : at + firstLock,
      })
      .onConflict((oc) =>
        oc
          .column("user_id")
          .doUpdateSet((eb) => {
            const stale = eb("sign_in_failures.last_failure_at", "<", forgetBefore);
            const failures = eb
              .case()
              .when(stale)
              .then(1)
              .else(eb("sign_in_failures.failures", "+", 1))
              .end();
            // The lock for the count this attempt makes: one branch per entry of lockMs, the last for the rest.
            let lock = eb
              .case()
              .when(stale)
              .then(firstLock === null ? null : at + firstLock);
            lockMs.forEach((ms, count) => {
              if (count === 0 || count === lockMs.length - 1) return;
              lock = lock.when(eb("sign_in_failures.failures", "=", count - 1)).then(ms === null ? null : at + ms);
            });
            const last = lockMs.at(-1) ?? null;
            return {
              failures,
              last_failure_at: at,
              locked_until: lock.else(last === null ? null : at + last).end(),
            };
          })
          .where((eb) => eb.or([eb("sign_in_failures.locked_until", "is", null), eb("sign_in_failures.locked_until", "<=", at)])),
      )
      .returningAll()
      .executeTakeFirst();
    return row && signInFailuresFromRow(row);
  }

  async clear(userId: number): Promise<void> {
    await this.core.db.deleteFrom("sign_in_failures").where("user_id", "=", userId).execute();
  }
}
