import type { Kysely } from "kysely";
import type { Engine } from "../store.js";
import { columnTypes } from "./columnTypes.js";

/** One-time codes (sign-up confirmation, password reset, attribute verification): one live code per user and purpose. */
export async function codes(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema
    .createTable("codes")
    .addColumn("id", t.serial, (c) => t.serialConstraint(c))
    .addColumn("pool_id", "text", (c) => c.notNull())
    .addColumn("user_id", t.ref, (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("created_at", t.time, (c) => c.notNull())
    .addColumn("expires_at", t.time, (c) => c.notNull())
    .addColumn("failed_attempts", "integer", (c) => c.notNull())
    // What the code confirms when it is redeemed, e.g. a new email waiting for verification.
    .addColumn("payload", "text")
    // The code this one replaced: answering with it is "expired", not "wrong" (reference §2.8).
    .addColumn("superseded_hash", "text")
    .execute();
  await db.schema.createIndex("codes_user_purpose").unique().on("codes").columns(["user_id", "purpose"]).execute();
  await db.schema.createIndex("codes_pool").on("codes").column("pool_id").execute();
}
