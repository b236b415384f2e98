import type { StoreCore } from "../core.js";
import type { AuthSessionRecord } from "../records.js";
import { authSessionFromRow } from "../rows.js";
import type { AuthSessionRepository } from "../store.js";

/** Challenge sessions. */
export class AuthSessions implements AuthSessionRepository {
  constructor(private readonly core: StoreCore) {}

  /** Writes go through core.write: on SQLite, those of concurrent sign-ins share one commit (groupCommit.ts). */
  async insert(session: AuthSessionRecord): Promise<void> {
    const query = this.core.db
      .insertInto("auth_sessions")
      .values({
        id: session.id,
        pool_id: session.poolId,
        client_id: session.clientId,
        user_id: session.userId,
        challenge: session.challenge,
        progress: JSON.stringify({ passed: session.passed, state: session.state }),
        failed_attempts: session.failedAttempts,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
      })
      .compile();
    await this.core.write(query);
  }

  async get(id: string): Promise<AuthSessionRecord | undefined> {
    const row = await this.core.db.selectFrom("auth_sessions").selectAll().where("id", "=", id).executeTakeFirst();
    return row && authSessionFromRow(row);
  }

  async recordFailedAttempt(id: string, maxAttempts: number): Promise<number | undefined> {
    const query = this.core.db
      .updateTable("auth_sessions")
      .set((eb) => ({ failed_attempts: eb("failed_attempts", "+", 1) }))
      .where("id", "=", id)
      .where("failed_attempts", "<", maxAttempts)
      .returning("failed_attempts")
      .compile();
    const [row] = (await this.core.write(query)).rows as { failed_attempts: number | string }[];
    return row === undefined ? undefined : Number(row.failed_attempts);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.core.write(this.core.db.deleteFrom("auth_sessions").where("id", "=", id).compile());
    return result.changes > 0;
  }
}
