import { type Kysely, sql } from "kysely";
import type { Engine } from "../store.js";
import { columnTypes } from "./columnTypes.js";

/**
 * User pool groups and their members (reference §3.1–§3.3).
 *
 * - groups: keyed by (pool_id, name); ListGroups pages over that key.
 * - group_members: keyed by (user_id, group_name), so a user's groups
 *   (AdminListGroupsForUser, token claims, the 100-per-user count) are one
 *   range of the key; user ids are unique across pools. The second index,
 *   (pool_id, group_name, username_key, user_id), lists a group's members in
 *   username order one page at a time, however large the group.
 *
 * The foreign keys cascade, on both engines (better-sqlite3 opens
 * connections with foreign_keys on): on PostgreSQL, where several processes
 * write at once, a membership added while its group or user is being
 * deleted either fails its key check or is deleted with them, never left
 * behind. On SQLite one connection writes, and the store adds a member with
 * a single INSERT … SELECT that reads the group and the user under the write
 * lock.
 */
export async function groups(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);

  await db.schema
    .createTable("groups")
    .addColumn("pool_id", "text", (c) => c.notNull())
    .addColumn("name", t.key, (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("role_arn", "text")
    .addColumn("precedence", "integer")
    .addColumn("created_at", t.time, (c) => c.notNull())
    .addColumn("modified_at", t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint("groups_pkey", ["pool_id", "name"])
    .execute();

  const members = db.schema
    .createTable("group_members")
    .addColumn("user_id", t.ref, (c) => c.notNull())
    .addColumn("group_name", t.key, (c) => c.notNull())
    .addColumn("pool_id", "text", (c) => c.notNull())
    .addColumn("username_key", t.key, (c) => c.notNull())
    .addPrimaryKeyConstraint("group_members_pkey", ["user_id", "group_name"])
    .addForeignKeyConstraint("group_members_group", ["pool_id", "group_name"], "groups", ["pool_id", "name"], (fk) =>
      fk.onDelete("cascade"),
    )
    .addForeignKeyConstraint("group_members_user", ["user_id"], "users", ["id"], (fk) => fk.onDelete("cascade"));
  // SQLite: rows stored in key order, so a user's groups are adjacent on disk and need no separate index.
  await (engine === "sqlite" ? members.modifyEnd(sql`without rowid`) : members).execute();
  await db.schema
    .createIndex("group_members_by_group")
    .on("group_members")
    .columns(["pool_id", "group_name", "username_key", "user_id"])
    .execute();
}
