import type { Kysely } from "kysely";
import type { Engine } from "../store.js";
import { columnTypes } from "./columnTypes.js";

export async function initial(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);

  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("admin_keys")
    .addColumn("access_key_id", "text", (c) => c.primaryKey())
    .addColumn("sealed_secret", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("created_at", t.time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("pools")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", t.time, (c) => c.notNull())
    .addColumn("modified_at", t.time, (c) => c.notNull())
    .addColumn("settings", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("clients")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pool_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("sealed_secret", "text")
    .addColumn("created_at", t.time, (c) => c.notNull())
    .addColumn("modified_at", t.time, (c) => c.notNull())
    .addColumn("settings", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("clients_pool").on("clients").columns(["pool_id", "id"]).execute();

  await db.schema
    .createTable("users")
    .addColumn("id", t.serial, (c) => t.serialConstraint(c))
    .addColumn("pool_id", "text", (c) => c.notNull())
    .addColumn("username", "text", (c) => c.notNull())
    .addColumn("username_key", t.key, (c) => c.notNull())
    .addColumn("sub", t.key, (c) => c.notNull())
    .addColumn("status", t.key, (c) => c.notNull())
    .addColumn("enabled", "integer", (c) => c.notNull())
    .addColumn("created_at", t.time, (c) => c.notNull())
    .addColumn("modified_at", t.time, (c) => c.notNull())
    .addColumn("attributes", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("password_expires_at", t.time)
    .addColumn("email", t.key)
    .addColumn("phone_number", t.key)
    .addColumn("name", t.key)
    .addColumn("given_name", t.key)
    .addColumn("family_name", t.key)
    .addColumn("preferred_username", t.key)
    .addColumn("alias_email", t.key)
    .addColumn("alias_phone_number", t.key)
    .addColumn("alias_preferred_username", t.key)
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  // Uniqueness the domain relies on: usernames and active aliases per pool, subs everywhere.
  await db.schema.createIndex("users_username_key").unique().on("users").columns(["pool_id", "username_key"]).execute();
  await db.schema.createIndex("users_sub").unique().on("users").column("sub").execute();
  for (const alias of ["alias_email", "alias_phone_number", "alias_preferred_username"]) {
    await db.schema.createIndex(`users_${alias}`).unique().on("users").columns(["pool_id", alias]).execute();
  }
  // ListUsers keyset order per searchable column (reference §6).
  for (const column of [
    "email",
    "phone_number",
    "name",
    "given_name",
    "family_name",
    "preferred_username",
    "status",
    "enabled",
  ]) {
    await db.schema.createIndex(`users_by_${column}`).on("users").columns(["pool_id", column, "username_key"]).execute();
  }
  await db.schema.createIndex("users_by_pool_sub").on("users").columns(["pool_id", "sub"]).execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", t.serial, (c) => t.serialConstraint(c))
    .addColumn("pool_id", "text", (c) => c.notNull())
    .addColumn("created_at", t.time, (c) => c.notNull())
    .addColumn("username", "text", (c) => c.notNull())
    .addColumn("delivery_medium", "text", (c) => c.notNull())
    .addColumn("destination", "text", (c) => c.notNull())
    .addColumn("subject", "text")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("outbox_pool").on("outbox").columns(["pool_id", "id"]).execute();
  await db.schema.createIndex("outbox_destination").on("outbox").columns(["destination", "id"]).execute();
}
