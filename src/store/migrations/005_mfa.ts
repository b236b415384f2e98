import type { Kysely } from "kysely";
import type { Engine } from "../store.js";

/**
 * A user's multi-factor authentication state, kept on the user row so that
 * one conditional write (the row's version check) decides every change to
 * it, a TOTP code's once-only acceptance included (reference §3.4, §6 of
 * the 2024–2026 companion):
 *
 * - mfa_enabled: a JSON array of the factors the user turned on
 *   (SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP); mfa_preferred: at most one of them.
 * - totp_secret: the verified authenticator's secret; totp_pending_secret: one
 *   AssociateSoftwareToken handed out, waiting for VerifySoftwareToken. Both
 *   sealed with the master key.
 * - totp_device_name: VerifySoftwareToken's FriendlyDeviceName.
 * - totp_last_step: the last 30-second step a code was accepted for.
 *
 * SQLite adds one column per ALTER TABLE, so each is its own statement.
 */
export async function mfa(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("mfa_enabled", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  for (const column of ["mfa_preferred", "totp_secret", "totp_pending_secret", "totp_device_name"]) {
    await db.schema.alterTable("users").addColumn(column, "text").execute();
  }
  await db.schema.alterTable("users").addColumn("totp_last_step", "integer").execute();
}
