import type { Kysely } from "kysely";
import type { Engine } from "../store.js";
import { columnTypes } from "./columnTypes.js";

/** Signing keys, refresh tokens, challenge sessions and failed sign-in counters. */
export async function signIn(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);

  await db.schema
    .createTable("signing_keys")
    .addColumn("kid", "text", (c) => c.primaryKey())
    .addColumn("pool_id", "text", (c) => c.notNull())
    .addColumn("key_use", "text", (c) => c.notNull())
    .addColumn("public_jwk", "text", (c) => c.notNull())
    .addColumn("sealed_private_key", "text", (c) => c.notNull())
    .addColumn("created_at", t.time, (c) => c.notNull())
    .addColumn("retired_at", t.time)
    .execute();
  await db.schema.createIndex("signing_keys_pool").on("signing_keys").columns(["pool_id", "created_at"]).execute();

  // A refresh token is "<id>.<secret>": the id is also the session's origin_jti; only a hash of the secret is kept.
  await db.schema
    .createTable("refresh_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pool_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) => c.notNull())
    .addColumn("user_id", t.ref, (c) => c.notNull())
    .addColumn("user_sub", "text", (c) => c.notNull())
    .addColumn("secret_hash", "text", (c) => c.notNull())
    .addColumn("auth_time", t.time, (c) => c.notNull())
    .addColumn("created_at", t.time, (c) => c.notNull())
    .addColumn("expires_at", t.time, (c) => c.notNull())
    .addColumn("revoked_at", t.time)
    .execute();
  await db.schema.createIndex("refresh_tokens_user").on("refresh_tokens").column("user_id").execute();
  await db.schema.createIndex("refresh_tokens_pool").on("refresh_tokens").column("pool_id").execute();

  await db.schema
    .createTable("auth_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pool_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) => c.notNull())
    .addColumn("user_id", t.ref, (c) => c.notNull())
    .addColumn("challenge", "text", (c) => c.notNull())
    .addColumn("created_at", t.time, (c) => c.notNull())
    .addColumn("expires_at", t.time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("auth_sessions_user").on("auth_sessions").column("user_id").execute();
  await db.schema.createIndex("auth_sessions_pool").on("auth_sessions").column("pool_id").execute();

  await db.schema
    .createTable("sign_in_failures")
    .addColumn("user_id", t.ref, (c) => c.primaryKey())
    .addColumn("pool_id", "text", (c) => c.notNull())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("last_failure_at", t.time, (c) => c.notNull())
    .addColumn("locked_until", t.time)
    .execute();
  await db.schema.createIndex("sign_in_failures_pool").on("sign_in_failures").column("pool_id").execute();
}
