import type { Insertable } from "kysely";
import type { StoreCore } from "../core.js";
import type { RefreshTokenRecord } from "../records.js";
import { refreshTokenFromRow } from "../rows.js";
import type { Database } from "../schema.js";
import type { RefreshTokenRepository } from "../store.js";

function rowOf(token: RefreshTokenRecord): Insertable<Database["refresh_tokens"]> {
  return {
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
    family_id: token.familyId === token.id ? null : token.familyId,
    rotated_at: token.rotatedAt,
  };
}

export class RefreshTokens implements RefreshTokenRepository {
  constructor(private readonly core: StoreCore) {}

  /** Through core.write: on SQLite, inserts of concurrent sign-ins share one commit (groupCommit.ts). */
  async insert(token: RefreshTokenRecord): Promise<void> {
    await this.core.write(this.core.db.insertInto("refresh_tokens").values(rowOf(token)).compile());
  }

  async get(id: string): Promise<RefreshTokenRecord | undefined> {
    const row = await this.core.db.selectFrom("refresh_tokens").selectAll().where("id", "=", id).executeTakeFirst();
    return row && refreshTokenFromRow(row);
  }

  /**
   * One transaction: the conditional update claims the old token (only if it
   * is unrevoked and not rotated, or rotated after `rotatedAfter`), keeping
   * the time of its first rotation; the successor is inserted only then.
   */
  async rotate(oldId: string, successor: RefreshTokenRecord, at: number, rotatedAfter: number): Promise<boolean> {
    return this.core.transaction(async ({ db }) => {
      const claimed = await db
        .updateTable("refresh_tokens")
        .set((eb) => ({ rotated_at: eb.fn.coalesce("rotated_at", eb.val(at)) }))
        .where("id", "=", oldId)
        .where("revoked_at", "is", null)
        .where((eb) => eb.or([eb("rotated_at", "is", null), eb("rotated_at", ">", rotatedAfter)]))
        .executeTakeFirst();
      if (claimed.numUpdatedRows === 0n) return false;
      await db.insertInto("refresh_tokens").values(rowOf(successor)).execute();
      return true;
    });
  }

  async revokeAllOfUser(userId: number, at: number): Promise<void> {
    await this.core.db
      .updateTable("refresh_tokens")
      .set({ revoked_at: at })
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .execute();
  }

  async revokeFamily(familyId: string, at: number): Promise<void> {
    await this.core.db
      .updateTable("refresh_tokens")
      .set({ revoked_at: at })
      .where((eb) => eb.or([eb("id", "=", familyId), eb("family_id", "=", familyId)]))
      .where("revoked_at", "is", null)
      .execute();
  }
}
