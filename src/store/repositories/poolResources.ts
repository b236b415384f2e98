import type { StoreCore } from "../core.js";
import type { PoolResourceRecord } from "../records.js";
import { poolResourceFromRow, poolResourceToRow } from "../rows.js";
import type { Page, PoolResourceRepository } from "../store.js";
import { translatingUniqueViolations } from "../uniqueViolations.js";

/** A pool's configuration objects, each a JSON body under (pool, kind, name). */
export class PoolResources implements PoolResourceRepository {
  constructor(private readonly core: StoreCore) {}

  async insert(resource: PoolResourceRecord): Promise<void> {
    await translatingUniqueViolations(() =>
      this.core.db.insertInto("pool_resources").values(poolResourceToRow(resource)).execute(),
    );
  }

  async put(resource: PoolResourceRecord): Promise<void> {
    const row = poolResourceToRow(resource);
    await this.core.db
      .insertInto("pool_resources")
      .values(row)
      .onConflict((oc) => oc.columns(["pool_id", "kind", "name"]).doUpdateSet({ body: row.body, modified_at: row.modified_at }))
      .execute();
  }

  async get(poolId: string, kind: string, name: string): Promise<PoolResourceRecord | undefined> {
    const row = await this.core.db
      .selectFrom("pool_resources")
      .selectAll()
      .where("pool_id", "=", poolId)
      .where("kind", "=", kind)
      .where("name", "=", name)
      .executeTakeFirst();
    return row === undefined ? undefined : poolResourceFromRow(row);
  }

  async findByName(kind: string, name: string): Promise<PoolResourceRecord | undefined> {
    const row = await this.core.db
      .selectFrom("pool_resources")
      .selectAll()
      .where("kind", "=", kind)
      .where("name", "=", name)
      .orderBy("pool_id")
      .limit(1)
      .executeTakeFirst();
    return row === undefined ? undefined : poolResourceFromRow(row);
  }

  async update(resource: PoolResourceRecord): Promise<boolean> {
    const result = await this.core.db
      .updateTable("pool_resources")
      .set({ body: JSON.stringify(resource.body), modified_at: resource.modifiedAt })
      .where("pool_id", "=", resource.poolId)
      .where("kind", "=", resource.kind)
      .where("name", "=", resource.name)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(poolId: string, kind: string, name: string): Promise<boolean> {
    const result = await this.core.db
      .deleteFrom("pool_resources")
      .where("pool_id", "=", poolId)
      .where("kind", "=", kind)
      .where("name", "=", name)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async list(poolId: string, kind: string, page: Page): Promise<PoolResourceRecord[]> {
    let query = this.core.db
      .selectFrom("pool_resources")
      .selectAll()
      .where("pool_id", "=", poolId)
      .where("kind", "=", kind)
      .orderBy("name")
      .limit(page.limit);
    if (page.after !== undefined) query = query.where("name", ">", page.after);
    return (await query.execute()).map(poolResourceFromRow);
  }

  async count(poolId: string, kind: string): Promise<number> {
    const row = await this.core.db
      .selectFrom("pool_resources")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("pool_id", "=", poolId)
      .where("kind", "=", kind)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
