import type { StoreCore } from "../core.js";
import type { GroupRecord } from "../records.js";
import { groupFromRow, groupToRow } from "../rows.js";
import { groupKey } from "../shared.js";
import type { GroupRepository, Page } from "../store.js";

/** Group rows go through the group cache (Shared.groupRows) on SQLite, as user rows do. */
export class Groups implements GroupRepository {
  constructor(private readonly core: StoreCore) {}

  async insert(group: GroupRecord): Promise<void> {
    await this.core.writing([this.core.shared.groupRows], () =>
      this.core.db.insertInto("groups").values(groupToRow(group)).execute(),
    );
  }

  get(poolId: string, name: string): Promise<GroupRecord | undefined> {
    const cache = this.core.rowCache(this.core.shared.groupRows);
    return this.core.cachedRead(cache, groupKey(poolId, name), this.core.shared.groups.group, [poolId, name], groupFromRow);
  }

  async update(group: GroupRecord): Promise<boolean> {
    const result = await this.core.writing([this.core.shared.groupRows], () =>
      this.core.db
        .updateTable("groups")
        .set({
          description: group.description,
          role_arn: group.roleArn,
          precedence: group.precedence,
          modified_at: group.modifiedAt,
        })
        .where("pool_id", "=", group.poolId)
        .where("name", "=", group.name)
        .executeTakeFirst(),
    );
    return result.numUpdatedRows > 0n;
  }

  async delete(poolId: string, name: string): Promise<boolean> {
    return this.core.writing([this.core.shared.groupRows], () =>
      this.core.transaction(async ({ db }) => {
        await db.deleteFrom("group_members").where("pool_id", "=", poolId).where("group_name", "=", name).execute();
        const result = await db.deleteFrom("groups").where("pool_id", "=", poolId).where("name", "=", name).executeTakeFirst();
        return result.numDeletedRows > 0n;
      }),
    );
  }

  async list(poolId: string, page: Page): Promise<GroupRecord[]> {
    let query = this.core.db.selectFrom("groups").selectAll().where("pool_id", "=", poolId).orderBy("name").limit(page.limit);
    if (page.after !== undefined) query = query.where("name", ">", page.after);
    return (await query.execute()).map(groupFromRow);
  }

  async count(poolId: string): Promise<number> {
    const row = await this.core.db
      .selectFrom("groups")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("pool_id", "=", poolId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
