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

  async add(failure: { userId: number; poolId: string; at: number; forgetBefore: number }): Promise<SignInFailuresRecord> {
    const row = await this.core.db
      .insertInto("sign_in_failures")
      .values({ user_id: failure.userId, pool_id: failure.poolId, failures: 1, last_failure_at: failure.at, locked_until: null })
      .onConflict((oc) =>
        oc.column("user_id").doUpdateSet((eb) => ({
          failures: eb
            .case()
            .when("sign_in_failures.last_failure_at", "<", failure.forgetBefore)
            .then(1)
            .else(eb("sign_in_failures.failures", "+", 1))
            .end(),
          last_failure_at: failure.at,
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return signInFailuresFromRow(row);
  }

  async clear(userId: number): Promise<void> {
    await this.core.db.deleteFrom("sign_in_failures").where("user_id", "=", userId).execute();
  }
}
