import type { Kysely } from "kysely";

/**
 * SRP sign-in (reference §4.3): a user's salt (hex, as sent in SALT) and
 * verifier (sealed with the master key), made whenever a password is set.
 * Null for users without a password and for passwords set before this
 * migration, until the next password sign-in or change makes them.
 */
export async function srp(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("users").addColumn("srp_salt", "text").execute();
  await db.schema.alterTable("users").addColumn("srp_verifier", "text").execute();
}
