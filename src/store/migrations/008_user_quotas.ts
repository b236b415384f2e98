import type { Kysely } from "kysely";
import type { Engine } from "../store.js";
import { columnTypes } from "./columnTypes.js";

/**
 * Per-user quotas (reference §8: attempts per user per hour): one counter
 * per user and quota name, with the start of its current window.
 */
export async function userQuotas(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema
    .createTable("user_quotas")
    .addColumn("user_id", t.ref, (c) => c.notNull())
    .addColumn("quota", "text", (c) => c.notNull())
    .addColumn("pool_id", "text", (c) => c.notNull())
    .addColumn("window_start", t.time, (c) => c.notNull())
    .addColumn("used", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_quotas_pk", ["user_id", "quota"])
    .execute();
  await db.schema.createIndex("user_quotas_pool").on("user_quotas").column("pool_id").execute();
}
