import { type Kysely, sql } from "kysely";
import type { Engine } from "../store.js";
import { columnTypes } from "./columnTypes.js";

/**
 * A pool's configuration objects that are read and written whole: its domain,
 * identity providers (and the IdP identifiers they claim), resource servers,
 * UI customizations and log delivery configuration. One row per object,
 * keyed by (pool_id, kind, name); the body is the object as JSON, with any
 * secret in it sealed by the domain before it gets here.
 *
 * A domain is unique across the server (Cognito: across the region) and a pool
 * has one at most: two partial unique indexes over the `domain` rows.
 */
export async function poolResources(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema
    .createTable("pool_resources")
    .addColumn("pool_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", t.key, (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", t.time, (c) => c.notNull())
    .addColumn("modified_at", t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint("pool_resources_pkey", ["pool_id", "kind", "name"])
    .execute();
  await db.schema
    .createIndex("pool_resources_domain_name")
    .on("pool_resources")
    .column("name")
    .unique()
    .where(sql<boolean>`kind = 'domain'`)
    .execute();
  await db.schema
    .createIndex("pool_resources_domain_of_pool")
    .on("pool_resources")
    .column("pool_id")
    .unique()
    .where(sql<boolean>`kind = 'domain'`)
    .execute();
}
