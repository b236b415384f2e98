import type { StoreCore } from "../core.js";
import type { GroupRecord, UserRecord } from "../records.js";
import { groupFromRow, userFromRow } from "../rows.js";
import { groupKey } from "../shared.js";
import type { MembershipRepository, Page } from "../store.js";
import { isForeignKeyViolation } from "../uniqueViolations.js";

export class Memberships implements MembershipRepository {
  constructor(private readonly core: StoreCore) {}

  /**
   * One conditional upsert (groupQueries.ts) whose row count is the answer:
   * it touches a row exactly when the user is a member afterwards, so no
   * later read has to guess what a concurrent add or remove did meanwhile.
   * On SQLite it is a single-row write and joins group commit; the one writer
   * makes its reads and its write atomic. On PostgreSQL, concurrent adds for
   * one user could each count 99 groups and both insert, so the user's row is
   * locked first (NO KEY UPDATE: it excludes another add, not foreign-key
   * checks) and the count then sees every committed add.
   */
  async add(poolId: string, groupName: string, userId: number, maxGroupsOfUser: number): Promise<boolean> {
    const upsert = this.core.shared.groups.addMember.bind([poolId, groupName, userId, maxGroupsOfUser]);
    if (this.core.engine === "sqlite") return (await this.core.write(upsert)).changes > 0;
    try {
      return await this.core.transaction(async ({ db }) => {
        await db.selectFrom("users").select("id").where("id", "=", userId).forNoKeyUpdate().execute();
        const result = await db.executeQuery(upsert);
        return Number(result.numAffectedRows ?? 0n) > 0;
      });
    } catch (error) {
      // The group or the user was deleted after the statement's snapshot was taken.
      if (isForeignKeyViolation(error)) return false;
      throw error;
    }
  }

  async remove(poolId: string, groupName: string, userId: number): Promise<boolean> {
    const result = await this.core.write(this.core.shared.groups.removeMember.bind([userId, groupName, poolId]));
    return result.changes > 0;
  }

  /**
   * One range of the membership key, joined to the groups. With the group
   * cache (SQLite), only the names are read and the rows come from the cache:
   * building fifty joined rows cost four times reading the names (about 100
   * against 25 µs), and held AdminListGroupsForUser near 2,900/s (bench
   * groups, CPU profile). When any of them is missing, the joined read runs
   * once and fills the cache, rather than one read per missing group.
   */
  async groupsOf(poolId: string, userId: number, page: Page): Promise<GroupRecord[]> {
    const queries = this.core.shared.groups;
    const args = page.after === undefined ? [userId, page.limit] : [userId, page.limit, page.after];
    const cache = this.core.rowCache(this.core.shared.groupRows);
    if (cache !== undefined) {
      const names = await this.core.read(
        page.after === undefined ? queries.groupNamesOfUser : queries.groupNamesOfUserAfter,
        args,
      );
      const groups: GroupRecord[] = [];
      for (const { group_name } of names) {
        const group = cache.get(groupKey(poolId, group_name));
        if (group === undefined) break;
        groups.push(group);
      }
      if (groups.length === names.length) return groups;
    }
    const generation = cache?.current() ?? 0;
    const rows = await this.core.read(page.after === undefined ? queries.groupsOfUser : queries.groupsOfUserAfter, args);
    return rows.map((row) => {
      const group = groupFromRow(row);
      return cache === undefined ? group : cache.set(groupKey(group.poolId, group.name), group, generation);
    });
  }

  async membersOf(poolId: string, groupName: string, page: Page): Promise<UserRecord[]> {
    const { members, membersAfter } = this.core.shared.groups;
    const rows =
      page.after === undefined
        ? await this.core.read(members, [poolId, groupName, page.limit])
        : await this.core.read(membersAfter, [poolId, groupName, page.limit, page.after]);
    return rows.map(userFromRow);
  }
}
