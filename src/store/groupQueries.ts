import type { Kysely } from "kysely";
import { numberParam, param, QueryTemplate } from "./queryTemplate.js";
import { USER_COLUMNS } from "./rows.js";
import type { Database } from "./schema.js";

const MEMBER_COLUMNS = USER_COLUMNS.map((column) => `users.${column}` as const);

/**
 * The group statements that run per request (membership changes and the
 * three listings), compiled once per engine like the store's other hot
 * statements (queryTemplate.ts), so that on SQLite they run directly or
 * through group commit rather than through kysely's builder and executor.
 * Each listing is one range of an index (migrations/004_groups.ts).
 */
export function groupQueries(db: Kysely<Database>) {
  const groupsOfUser = () =>
    db
      .selectFrom("group_members")
      .innerJoin("groups", (join) =>
        join.onRef("groups.pool_id", "=", "group_members.pool_id").onRef("groups.name", "=", "group_members.group_name"),
      )
      .selectAll("groups")
      .where("group_members.user_id", "=", numberParam(0))
      .orderBy("group_members.group_name")
      .limit(numberParam(1));
  const groupNamesOfUser = () =>
    db
      .selectFrom("group_members")
      .select("group_name")
      .where("user_id", "=", numberParam(0))
      .orderBy("group_name")
      .limit(numberParam(1));
  const members = () =>
    db
      .selectFrom("group_members")
      .innerJoin("users", "users.id", "group_members.user_id")
      .select(MEMBER_COLUMNS)
      .where("group_members.pool_id", "=", param(0))
      .where("group_members.group_name", "=", param(1))
      .orderBy("group_members.username_key")
      .limit(numberParam(2));
  return {
    /** Arguments: pool id, name. */
    group: new QueryTemplate(() =>
      db.selectFrom("groups").selectAll().where("pool_id", "=", param(0)).where("name", "=", param(1)),
    ),
    /**
     * Arguments: pool id, group name, user id, most groups a user may be in.
     * One statement that writes only while the group and the user (of the
     * same pool) exist, and the user is either already a member or in fewer
     * groups than the limit. An existing membership is rewritten unchanged
     * rather than skipped, so the row count says "is a member now" in both
     * cases. SQLite parses `ON CONFLICT` after an INSERT … SELECT only behind
     * a WHERE, which this always has.
     */
    addMember: new QueryTemplate(() =>
      db
        .insertInto("group_members")
        .columns(["user_id", "group_name", "pool_id", "username_key"])
        .expression(
          db
            .selectFrom("groups")
            .innerJoin("users", (join) => join.on("users.id", "=", numberParam(2)).onRef("users.pool_id", "=", "groups.pool_id"))
            .select(["users.id", "groups.name", "groups.pool_id", "users.username_key"])
            .where("groups.pool_id", "=", param(0))
            .where("groups.name", "=", param(1))
            .where((eb) =>
              eb.or([
                eb(
                  eb
                    .selectFrom("group_members as mine")
                    .select((count) => count.fn.countAll().as("n"))
                    .where("mine.user_id", "=", numberParam(2)),
                  "<",
                  numberParam(3),
                ),
                eb.exists(
                  eb
                    .selectFrom("group_members as already")
                    .select("already.user_id")
                    .where("already.user_id", "=", numberParam(2))
                    .where("already.group_name", "=", param(1)),
                ),
              ]),
            ),
        )
        .onConflict((conflict) =>
          conflict.columns(["user_id", "group_name"]).doUpdateSet((eb) => ({ username_key: eb.ref("excluded.username_key") })),
        ),
    ),
    /** Arguments: user id, group name, pool id. */
    removeMember: new QueryTemplate(() =>
      db
        .deleteFrom("group_members")
        .where("user_id", "=", numberParam(0))
        .where("group_name", "=", param(1))
        .where("pool_id", "=", param(2)),
    ),
    /**
     * Arguments: user id, limit[, after]. The names alone: one range of the membership key, read from no
     * other table. No pool condition: user ids are unique across pools, and given `pool_id = ?` SQLite
     * chose the (pool, group, username) index and scanned the whole pool's memberships (135 ms a call).
     */
    groupNamesOfUser: new QueryTemplate(groupNamesOfUser),
    groupNamesOfUserAfter: new QueryTemplate(() => groupNamesOfUser().where("group_name", ">", param(2))),
    /** Arguments: user id, limit[, after]. */
    groupsOfUser: new QueryTemplate(groupsOfUser),
    groupsOfUserAfter: new QueryTemplate(() => groupsOfUser().where("group_members.group_name", ">", param(2))),
    /** Arguments: pool id, group name, limit[, after]. */
    members: new QueryTemplate(members),
    membersAfter: new QueryTemplate(() => members().where("group_members.username_key", ">", param(3))),
  };
}

export type GroupQueries = ReturnType<typeof groupQueries>;
