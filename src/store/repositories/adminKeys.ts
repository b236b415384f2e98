import type { StoreCore } from "../core.js";
import type { AdminKeyRecord } from "../records.js";
import { adminKeyFromRow } from "../rows.js";
import type { AdminKeyRepository } from "../store.js";
import { translatingUniqueViolations } from "../uniqueViolations.js";

export class AdminKeys implements AdminKeyRepository {
  constructor(private readonly core: StoreCore) {}

  async insert(key: AdminKeyRecord): Promise<void> {
    await translatingUniqueViolations(() =>
      this.core.db
        .insertInto("admin_keys")
        .values({
          access_key_id: key.accessKeyId,
          sealed_secret: key.sealedSecret,
          description: key.description,
          created_at: key.createdAt,
        })
        .execute(),
    );
  }

  async get(accessKeyId: string): Promise<AdminKeyRecord | undefined> {
    const row = await this.core.db
      .selectFrom("admin_keys")
      .selectAll()
      .where("access_key_id", "=", accessKeyId)
      .executeTakeFirst();
    return row && adminKeyFromRow(row);
  }

  async list(): Promise<AdminKeyRecord[]> {
    const rows = await this.core.db.selectFrom("admin_keys").selectAll().orderBy("created_at").orderBy("access_key_id").execute();
    return rows.map(adminKeyFromRow);
  }

  async delete(accessKeyId: string): Promise<boolean> {
    const result = await this.core.db.deleteFrom("admin_keys").where("access_key_id", "=", accessKeyId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
