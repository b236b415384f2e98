import type { Kysely } from "kysely";
import { StoreCore } from "./core.js";
import type { GroupRecord, MessageQuery, MessageRecord, NewMessage, UserRecord } from "./records.js";
import { AdminKeys } from "./repositories/adminKeys.js";
import { Clients } from "./repositories/clients.js";
import { Codes } from "./repositories/codes.js";
import { Pools } from "./repositories/pools.js";
import { RefreshTokens } from "./repositories/refreshTokens.js";
import { AuthSessions } from "./repositories/sessions.js";
import { Settings } from "./repositories/settings.js";
import { SignInFailures } from "./repositories/signInFailures.js";
import { SigningKeys } from "./repositories/signingKeys.js";
import { Users } from "./repositories/users.js";
import { groupFromRow, groupToRow, messageFromRow, userFromRow } from "./rows.js";
import type { Database } from "./schema.js";
import { createShared, type DirectReader, groupKey } from "./shared.js";
import type { Engine, Store } from "./store.js";
import { isForeignKeyViolation } from "./uniqueViolations.js";

/** The store over one database or transaction: a repository of each kind, all over one core. */
export class KyselyStore implements Store {
  readonly engine: Engine;
  readonly settings: Settings;
  readonly adminKeys: AdminKeys;
  readonly pools: Pools;
  readonly clients: Clients;
  readonly users: Users;
  readonly codes: Codes;
  readonly signingKeys: SigningKeys;
  readonly refreshTokens: RefreshTokens;
  readonly sessions: AuthSessions;
  readonly signInFailures: SignInFailures;

  constructor(private readonly core: StoreCore) {
    this.engine = core.engine;
    this.settings = new Settings(core);
    this.adminKeys = new AdminKeys(core);
    this.pools = new Pools(core);
    this.clients = new Clients(core);
    this.users = new Users(core);
    this.codes = new Codes(core);
    this.signingKeys = new SigningKeys(core);
    this.refreshTokens = new RefreshTokens(core);
    this.sessions = new AuthSessions(core);
    this.signInFailures = new SignInFailures(core);
  }

  /** A store over a freshly opened database; `direct` on engines that can read synchronously (SQLite). */
  static over(db: Kysely<Database>, engine: Engine, direct?: DirectReader): KyselyStore {
    return new KyselyStore(new StoreCore(db, engine, createShared(db, direct)));
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.core.inTransaction) return fn(this);
    return this.core.transaction((core) => fn(new KyselyStore(core)));
  }

  close(): Promise<void> {
    return this.core.close();
  }

  // --- groups ---------------------------------------------------------------

  async insertGroup(group: GroupRecord): Promise<void> {
    await this.core.writing([this.core.shared.groupRows], () =>
      this.core.db.insertInto("groups").values(groupToRow(group)).execute(),
    );
  }

  getGroup(poolId: string, name: string): Promise<GroupRecord | undefined> {
    const cache = this.core.rowCache(this.core.shared.groupRows);
    return this.core.cachedRead(cache, groupKey(poolId, name), this.core.shared.groups.group, [poolId, name], groupFromRow);
  }

  async updateGroup(group: GroupRecord): Promise<boolean> {
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

  async deleteGroup(poolId: string, name: string): Promise<boolean> {
    return this.core.writing([this.core.shared.groupRows], () =>
      this.core.transaction(async (tx) => {
        const db = tx.db;
        await db.deleteFrom("group_members").where("pool_id", "=", poolId).where("group_name", "=", name).execute();
        const result = await db.deleteFrom("groups").where("pool_id", "=", poolId).where("name", "=", name).executeTakeFirst();
        return result.numDeletedRows > 0n;
      }),
    );
  }

  async listGroups(poolId: string, page: { after?: string; limit: number }): Promise<GroupRecord[]> {
    let query = this.core.db.selectFrom("groups").selectAll().where("pool_id", "=", poolId).orderBy("name").limit(page.limit);
    if (page.after !== undefined) query = query.where("name", ">", page.after);
    return (await query.execute()).map(groupFromRow);
  }

  async countGroups(poolId: string): Promise<number> {
    const row = await this.core.db
      .selectFrom("groups")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("pool_id", "=", poolId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

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
  async addGroupMember(poolId: string, groupName: string, userId: number, maxGroupsOfUser: number): Promise<boolean> {
    const upsert = this.core.shared.groups.addMember.bind([poolId, groupName, userId, maxGroupsOfUser]);
    if (this.core.engine === "sqlite") return (await this.core.write(upsert)).changes > 0;
    try {
      return await this.core.transaction(async (tx) => {
        const db = tx.db;
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

  async removeGroupMember(poolId: string, groupName: string, userId: number): Promise<boolean> {
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
  async listGroupsOfUser(poolId: string, userId: number, page: { after?: string; limit: number }): Promise<GroupRecord[]> {
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

  async listGroupMembers(poolId: string, groupName: string, page: { after?: string; limit: number }): Promise<UserRecord[]> {
    const { members, membersAfter } = this.core.shared.groups;
    const rows =
      page.after === undefined
        ? await this.core.read(members, [poolId, groupName, page.limit])
        : await this.core.read(membersAfter, [poolId, groupName, page.limit, page.after]);
    return rows.map(userFromRow);
  }

  // --- outbox ---------------------------------------------------------------

  async appendMessage(message: NewMessage): Promise<MessageRecord> {
    const row = await this.core.db
      .insertInto("outbox")
      .values({
        pool_id: message.poolId,
        created_at: message.createdAt,
        username: message.username,
        delivery_medium: message.deliveryMedium,
        destination: message.destination,
        subject: message.subject,
        body: message.body,
        reason: message.reason,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return messageFromRow(row);
  }

  async listMessages(q: MessageQuery): Promise<MessageRecord[]> {
    let query = this.core.db.selectFrom("outbox").selectAll().orderBy("id").limit(q.limit);
    if (q.poolId !== undefined) query = query.where("pool_id", "=", q.poolId);
    if (q.destination !== undefined) query = query.where("destination", "=", q.destination);
    if (q.afterId !== undefined) query = query.where("id", ">", q.afterId);
    return (await query.execute()).map(messageFromRow);
  }
}
