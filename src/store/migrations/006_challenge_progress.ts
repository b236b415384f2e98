import type { Kysely } from "kysely";

/**
 * A challenge session carries a sign-in through several challenges in a row
 * (reference §4.6): the steps passed so far, the pending factor's private
 * state, and the wrong answers counted against it.
 */
export async function challengeProgress(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("auth_sessions")
    .addColumn("progress", "text", (c) => c.notNull().defaultTo('{"passed":[],"state":{}}'))
    .execute();
  await db.schema
    .alterTable("auth_sessions")
    .addColumn("failed_attempts", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}
