import type { StoreCore } from "../core.js";
import type { ClientRecord } from "../records.js";
import { clientFromRow } from "../rows.js";
import type { ClientRepository, Page } from "../store.js";
import { translatingUniqueViolations } from "../uniqueViolations.js";

export class Clients implements ClientRepository {
  constructor(private readonly core: StoreCore) {}

  async insert(client: ClientRecord): Promise<void> {
    await translatingUniqueViolations(() =>
      this.core.db
        .insertInto("clients")
        .values({
          id: client.id,
          pool_id: client.poolId,
          name: client.name,
          sealed_secret: client.sealedSecret,
          created_at: client.createdAt,
          modified_at: client.modifiedAt,
          settings: JSON.stringify(client.settings),
        })
        .execute(),
    );
  }

  async get(id: string): Promise<ClientRecord | undefined> {
    const row = (await this.core.read(this.core.shared.queries.client, [id]))[0];
    return row && clientFromRow(row);
  }

  async update(client: ClientRecord): Promise<boolean> {
    const result = await this.core.db
      .updateTable("clients")
      .set({
        name: client.name,
        sealed_secret: client.sealedSecret,
        modified_at: client.modifiedAt,
        settings: JSON.stringify(client.settings),
      })
      .where("id", "=", client.id)
      .where("pool_id", "=", client.poolId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(poolId: string, id: string): Promise<boolean> {
    const result = await this.core.db.deleteFrom("clients").where("id", "=", id).where("pool_id", "=", poolId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async list(poolId: string, page: Page): Promise<ClientRecord[]> {
    let query = this.core.db.selectFrom("clients").selectAll().where("pool_id", "=", poolId).orderBy("id").limit(page.limit);
    if (page.after !== undefined) query = query.where("id", ">", page.after);
    return (await query.execute()).map(clientFromRow);
  }

  async count(poolId: string): Promise<number> {
    const row = await this.core.db
      .selectFrom("clients")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("pool_id", "=", poolId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
