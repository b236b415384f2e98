import type { Kysely } from "kysely";
import type { Engine } from "../store.js";
import { columnTypes } from "./columnTypes.js";

/**
 * Refresh-token rotation (reference 2024–2026 §7): a rotated sign-in is a
 * family of refresh tokens. `family_id` names the sign-in's first token (the
 * origin_jti of every token of the family), null on that first token itself,
 * so rows from before this migration need no rewrite. `rotated_at` is when a
 * token was exchanged for its successor; it keeps working only for the
 * client's grace period after that.
 */
export async function refreshTokenRotation(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  await db.schema.alterTable("refresh_tokens").addColumn("family_id", "text").execute();
  await db.schema.alterTable("refresh_tokens").addColumn("rotated_at", t.time).execute();
  await db.schema.createIndex("refresh_tokens_family").on("refresh_tokens").column("family_id").execute();
}
