import type { StoreCore } from "../core.js";
import type { CodeRecord, NewCode } from "../records.js";
import { codeFromRow } from "../rows.js";
import type { CodeRepository } from "../store.js";

export class Codes implements CodeRepository {
  constructor(private readonly core: StoreCore) {}

  async put(code: NewCode): Promise<CodeRecord> {
    return this.core.transaction(async ({ db }) => {
      const replaced = await db
        .deleteFrom("codes")
        .where("user_id", "=", code.userId)
        .where("purpose", "=", code.purpose)
        .returning("code_hash")
        .executeTakeFirst();
      const row = await db
        .insertInto("codes")
        .values({
          pool_id: code.poolId,
          user_id: code.userId,
          purpose: code.purpose,
          code_hash: code.codeHash,
          created_at: code.createdAt,
          expires_at: code.expiresAt,
          failed_attempts: 0,
          payload: code.payload,
          superseded_hash: replaced?.code_hash ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return codeFromRow(row);
    });
  }

  async get(userId: number, purpose: string): Promise<CodeRecord | undefined> {
    const row = await this.core.db
      .selectFrom("codes")
      .selectAll()
      .where("user_id", "=", userId)
      .where("purpose", "=", purpose)
      .executeTakeFirst();
    return row && codeFromRow(row);
  }

  async recordAttempt(id: number, maxAttempts: number): Promise<boolean> {
    const result = await this.core.db
      .updateTable("codes")
      .set((eb) => ({ failed_attempts: eb("failed_attempts", "+", 1) }))
      .where("id", "=", id)
      .where("failed_attempts", "<", maxAttempts)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(id: number): Promise<boolean> {
    const result = await this.core.db.deleteFrom("codes").where("id", "=", id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
