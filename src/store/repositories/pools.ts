import type { StoreCore } from "../core.js";
import type { PoolRecord } from "../records.js";
import { poolFromRow } from "../rows.js";
import type { Page, PoolRepository } from "../store.js";
import { translatingUniqueViolations } from "../uniqueViolations.js";

export class Pools implements PoolRepository {
  constructor(private readonly core: StoreCore) {}

  async insert(pool: PoolRecord): Promise<void> {
    await translatingUniqueViolations(() =>
      this.core.db
        .insertInto("pools")
        .values({
          id: pool.id,
          name: pool.name,
          created_at: pool.createdAt,
          modified_at: pool.modifiedAt,
          settings: JSON.stringify(pool.settings),
        })
        .execute(),
    );
  }

  /** Not through the cache inside a transaction, which may have written the pool and may yet roll back. */
  get(id: string): Promise<PoolRecord | undefined> {
    const cache = this.core.inTransaction ? undefined : this.core.shared.pools;
    return this.core.cachedRead(cache, id, this.core.shared.queries.pool, [id], poolFromRow);
  }

  async update(pool: PoolRecord): Promise<boolean> {
    const result = await this.core.writing([this.core.shared.pools], () =>
      this.core.db
        .updateTable("pools")
        .set({
          name: pool.name,
          modified_at: pool.modifiedAt,
          settings: JSON.stringify(pool.settings),
        })
        .where("id", "=", pool.id)
        .executeTakeFirst(),
    );
    return result.numUpdatedRows > 0n;
  }

  async delete(id: string): Promise<boolean> {
    return this.core.writing([this.core.shared.users, this.core.shared.groupRows, this.core.shared.pools], () =>
      this.core.transaction(async ({ db }) => {
        for (const table of [
          "pool_resources",
          "outbox",
          "codes",
          "signing_keys",
          "refresh_tokens",
          "auth_sessions",
          "sign_in_failures",
          "user_quotas",
          "group_members",
          "groups",
          "users",
          "clients",
        ] as const) {
          await db.deleteFrom(table).where("pool_id", "=", id).execute();
        }
        const result = await db.deleteFrom("pools").where("id", "=", id).executeTakeFirst();
        return result.numDeletedRows > 0n;
      }),
    );
  }

  async list(page: Page): Promise<PoolRecord[]> {
    let query = this.core.db.selectFrom("pools").selectAll().orderBy("id").limit(page.limit);
    if (page.after !== undefined) query = query.where("id", ">", page.after);
    return (await query.execute()).map(poolFromRow);
  }

  async count(): Promise<number> {
    const row = await this.core.db
      .selectFrom("pools")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
