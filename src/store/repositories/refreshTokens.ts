import type { StoreCore } from "../core.js";
import type { RefreshTokenRecord } from "../records.js";
import { refreshTokenFromRow } from "../rows.js";
import type { RefreshTokenRepository } from "../store.js";

export class RefreshTokens implements RefreshTokenRepository {
  constructor(private readonly core: StoreCore) {}

  /** Through core.write: on SQLite, inserts of concurrent sign-ins share one commit (groupCommit.ts). */
  async insert(token: RefreshTokenRecord): Promise<void> {
    const query = this.core.db
      .insertInto("refresh_tokens")
      .values({
        id: token.id,
        pool_id: token.poolId,
        client_id: token.clientId,
        user_id: token.userId,
        user_sub: token.userSub,
        secret_hash: token.secretHash,
        auth_time: token.authTime,
        created_at: token.createdAt,
        expires_at: token.expiresAt,
        revoked_at: token.revokedAt,
      })
      .compile();
    await this.core.write(query);
  }

  async get(id: string): Promise<RefreshTokenRecord | undefined> {
    const row = await this.core.db.selectFrom("refresh_tokens").selectAll().where("id", "=", id).executeTakeFirst();
    return row && refreshTokenFromRow(row);
  }

  async revokeAllOfUser(userId: number, at: number): Promise<void> {
    await this.core.db
      .updateTable("refresh_tokens")
      .set({ revoked_at: at })
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .execute();
  }

  async revoke(id: string, at: number): Promise<void> {
    await this.core.db
      .updateTable("refresh_tokens")
      .set({ revoked_at: at })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .execute();
  }
}
