import type { StoreCore } from "../core.js";
import type { UserQuotaRepository, UserQuotaUse } from "../store.js";

/** Per-user quota counters: one row per (user, quota), a window opened by its first use. */
export class UserQuotas implements UserQuotaRepository {
  constructor(private readonly core: StoreCore) {}

  async take(use: UserQuotaUse): Promise<boolean> {
    // A window that opened at or before this has ended: the use opens the next one.
    const endedIfOpenedBy = use.at - use.windowMs;
    const row = await this.core.db
      .insertInto("user_quotas")
      .values({ user_id: use.userId, quota: use.quota, pool_id: use.poolId, window_start: use.at, used: 1 })
      .onConflict((oc) =>
        oc
          .columns(["user_id", "quota"])
          .doUpdateSet((eb) => ({
            used: eb
              .case()
              .when("user_quotas.window_start", "<=", endedIfOpenedBy)
              .then(1)
              .else(eb("user_quotas.used", "+", 1))
              .end(),
            window_start: eb
              .case()
              .when("user_quotas.window_start", "<=", endedIfOpenedBy)
              .then(use.at)
              .else(eb.ref("user_quotas.window_start"))
              .end(),
          }))
          .where((eb) => eb.or([eb("user_quotas.window_start", "<=", endedIfOpenedBy), eb("user_quotas.used", "<", use.limit)])),
      )
      .returning("used")
      .executeTakeFirst();
    return row !== undefined;
  }

  async giveBack(userId: number, quota: string): Promise<void> {
    await this.core.db
      .updateTable("user_quotas")
      .set((eb) => ({ used: eb("used", "-", 1) }))
      .where("user_id", "=", userId)
      .where("quota", "=", quota)
      .where("used", ">", 0)
      .execute();
  }
}
