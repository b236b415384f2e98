import type { Kysely } from "kysely";
import { StoreCore } from "./core.js";
import { compareBytes, prefixEnd } from "./prefixRange.js";
import { numberParam, param, QueryTemplate } from "./queryTemplate.js";
import type {
  AuthSessionRecord,
  CodeRecord,
  GroupRecord,
  ListedUser,
  MessageQuery,
  MessageRecord,
  NewCode,
  NewMessage,
  NewUser,
  RefreshTokenRecord,
  SignInFailuresRecord,
  SigningKeyRecord,
  UserKeys,
  UserLookup,
  UserQuery,
  UserRecord,
} from "./records.js";
import { AdminKeys } from "./repositories/adminKeys.js";
import { Clients } from "./repositories/clients.js";
import { Pools } from "./repositories/pools.js";
import { Settings } from "./repositories/settings.js";
import {
  authSessionFromRow,
  codeFromRow,
  groupFromRow,
  groupToRow,
  messageFromRow,
  refreshTokenFromRow,
  signInFailuresFromRow,
  signingKeyFromRow,
  USER_COLUMNS,
  type UserRow,
  userFromRow,
  userToRow,
} from "./rows.js";
import type { Database } from "./schema.js";
import { createShared, type DirectReader, groupKey, type ListedRow } from "./shared.js";
import { type Engine, StaleWrite, type Store } from "./store.js";
import { isForeignKeyViolation } from "./uniqueViolations.js";

/** The store over one database or transaction: a repository of each kind, all over one core. */
export class KyselyStore implements Store {
  readonly engine: Engine;
  readonly settings: Settings;
  readonly adminKeys: AdminKeys;
  readonly pools: Pools;
  readonly clients: Clients;

  constructor(private readonly core: StoreCore) {
    this.engine = core.engine;
    this.settings = new Settings(core);
    this.adminKeys = new AdminKeys(core);
    this.pools = new Pools(core);
    this.clients = new Clients(core);
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

  // --- users ----------------------------------------------------------------

  async insertUser(user: NewUser): Promise<UserRecord> {
    const query = this.core.db
      .insertInto("users")
      .values({ ...userToRow(user, user.keys), version: 1 })
      .returning(USER_COLUMNS)
      .compile();
    const { rows } = await this.core.writing([this.core.shared.users], () => this.core.write(query));
    const row = rows[0] as UserRow | undefined;
    if (row === undefined) throw new Error("insert returned no row");
    return userFromRow(row);
  }

  findUser(poolId: string, lookup: UserLookup): Promise<UserRecord | undefined> {
    const column = lookup.by === "alias" ? lookup.column : lookup.by;
    const key = `${poolId}\u0000${column}\u0000${lookup.value}`;
    return this.core.cachedRead(
      this.core.rowCache(this.core.shared.users),
      key,
      this.core.shared.queries.userBy[column],
      [poolId, lookup.value],
      userFromRow,
    );
  }

  async updateUser(user: UserRecord, keys: UserKeys, before?: { user: UserRecord; keys: UserKeys }): Promise<UserRecord> {
    const { pool_id: _pool, created_at: _created, sub: _sub, ...all } = userToRow(user, keys);
    // Only the columns that changed: SQLite rewrites every index on a column named in SET, and
    // a user row has fourteen indexes (bench/README.md).
    const previous: Record<string, unknown> | undefined = before && userToRow(before.user, before.keys);
    const changes =
      previous === undefined
        ? all
        : Object.fromEntries(Object.entries(all).filter(([column, value]) => previous[column] !== value));
    const query = this.core.db
      .updateTable("users")
      .set({ ...changes, version: user.version + 1 })
      .where("id", "=", user.id)
      .where("version", "=", user.version)
      .compile();
    const result = await this.core.writing([this.core.shared.users], () => this.core.write(query));
    if (result.changes === 0) throw new StaleWrite();
    return { ...user, version: user.version + 1 };
  }

  async deleteUser(poolId: string, id: number): Promise<boolean> {
    return this.core.writing([this.core.shared.users], () =>
      this.core.transaction(async (tx) => {
        const db = tx.db;
        for (const table of ["codes", "refresh_tokens", "auth_sessions", "sign_in_failures", "group_members"] as const) {
          await db.deleteFrom(table).where("user_id", "=", id).execute();
        }
        const result = await db.deleteFrom("users").where("pool_id", "=", poolId).where("id", "=", id).executeTakeFirst();
        return result.numDeletedRows > 0n;
      }),
    );
  }

  /**
   * One ListUsers page in keyset order: (filter column, username key), or the
   * username key alone without a filter. Every statement here is a single
   * range over an index (pool_id, column, username_key) (migrations
   * 001_initial.ts), with the position written as that range's bound. Left
   * as a row-value filter next to the filter's own bound, the position was
   * not a seek: both planners scanned from the start of the filter's range
   * to the position, so page k cost O(k × limit) (EXPLAIN QUERY PLAN: 8 ms a
   * page 50,000 users deep in a status on SQLite, 5 ms on PostgreSQL).
   *
   * Statements are templates run through read(), as the hot lookups are,
   * and rows are extended in place. Building and compiling each query with
   * kysely and running it through its executor, copying every row with
   * spread syntax, and selecting the sort column a second time held the
   * server to about 1,200 pages of 60 a second over 100,000 users; without
   * them it serves about 1,600 (bench listUsers, CPU profiles).
   */
  async listUsers(q: UserQuery): Promise<ListedUser[]> {
    const { filter, after } = q;
    const sortColumn = filter?.column ?? "username_key";
    // Username keys are unique in a pool and subs everywhere (unique indexes), so either orders and positions a page alone;
    // subs are indexed as (pool_id, sub), and ordering by username_key too would add a sort.
    const unique = sortColumn === "username_key" || sortColumn === "sub";
    // The sort value is read from the user columns when it is one of them; the search copies are selected as sort_value.
    const inUserColumns = unique || sortColumn === "status" || sortColumn === "enabled";
    const sortValueOf = (row: ListedRow): string => {
      if (sortColumn === "username_key") return row.username_key;
      if (sortColumn === "sub") return row.sub;
      if (sortColumn === "status") return row.status;
      if (sortColumn === "enabled") return String(row.enabled);
      return String(row.sort_value ?? "");
    };
    // Arguments 0 and 1 are always the pool and the limit; a shape's own arguments follow.
    const page = () => {
      const query = this.core.db
        .selectFrom("users")
        .select(USER_COLUMNS)
        .$if(!inUserColumns, (qb) => qb.select((eb) => eb.ref(sortColumn).as("sort_value")))
        .where("pool_id", "=", param(0))
        .limit(numberParam(1));
      return unique ? query.orderBy(sortColumn) : query.orderBy(sortColumn).orderBy("username_key");
    };
    const seek = async (
      shape: string,
      limit: number,
      bound: (query: ReturnType<typeof page>) => ReturnType<typeof page>,
      args: unknown[],
    ) => {
      const key = `${sortColumn}:${shape}`;
      let template = this.core.shared.listUsers.get(key);
      if (template === undefined) {
        template = new QueryTemplate(() => bound(page()));
        this.core.shared.listUsers.set(key, template);
      }
      const rows = await this.core.read(template, [q.poolId, limit, ...args]);
      return rows.map((row): ListedUser => Object.assign(userFromRow(row), { sortValue: sortValueOf(row) }));
    };

    if (filter === undefined) {
      if (after === undefined) return seek("all", q.limit, (query) => query, []);
      return seek("all-after", q.limit, (query) => query.where("username_key", ">", param(2)), [after.usernameKey]);
    }
    const column = filter.column;
    // `enabled` is the one integer column; the others compare as the key columns collate: by code point, i.e. UTF-8 bytes (columnTypes.ts).
    const value = (v: string): string | number => (column === "enabled" ? Number(v) : v);
    const compare = (a: string, b: string): number => (column === "enabled" ? Number(a) - Number(b) : compareBytes(a, b));

    if (filter.op === "prefix") {
      const prefix = filter.values[0] ?? "";
      const end = prefixEnd(prefix);
      const upper = end === undefined ? "" : "-end";
      const withEnd = (query: ReturnType<typeof page>) => (end === undefined ? query : query.where(column, "<", param(2)));
      const endArgs = end === undefined ? [] : [end];
      const at = endArgs.length + 2;
      if (after === undefined || compare(after.sortValue, prefix) < 0) {
        return seek(`prefix${upper}`, q.limit, (query) => withEnd(query).where(column, ">=", param(at)), [...endArgs, prefix]);
      }
      if (unique) {
        return seek(`prefix${upper}-after`, q.limit, (query) => withEnd(query).where(column, ">", param(at)), [
          ...endArgs,
          after.sortValue,
        ]);
      }
      // The position is the only lower bound: with `column >= prefix` beside it, SQLite seeks to the prefix instead.
      return seek(
        `prefix${upper}-tuple`,
        q.limit,
        (query) => withEnd(query).where((eb) => eb(eb.refTuple(column, "username_key"), ">", eb.tuple(param(at), param(at + 1)))),
        [...endArgs, value(after.sortValue), after.usernameKey],
      );
    }

    // equals / in: one seek per value, in index order, until the page is full. A single `IN` with the
    // position cannot seek past the position, and PostgreSQL may sort the whole set for ORDER BY.
    const values = [...new Set(filter.op === "equals" ? filter.values.slice(0, 1) : filter.values)].sort(compare);
    const rows: ListedUser[] = [];
    for (const v of values) {
      const remaining = q.limit - rows.length;
      if (remaining <= 0) break;
      const relation = after === undefined ? 1 : compare(v, after.sortValue);
      if (relation < 0) continue;
      const found =
        relation === 0 && after !== undefined
          ? await seek(
              "equals-after",
              remaining,
              (query) => query.where(column, "=", param(2)).where("username_key", ">", param(3)),
              [value(v), after.usernameKey],
            )
          : await seek("equals", remaining, (query) => query.where(column, "=", param(2)), [value(v)]);
      rows.push(...found);
    }
    return rows;
  }

  async countUsers(poolId: string): Promise<number> {
    const row = await this.core.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("pool_id", "=", poolId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // --- codes ----------------------------------------------------------------

  async putCode(code: NewCode): Promise<CodeRecord> {
    return this.core.transaction(async (tx) => {
      const db = tx.db;
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

  async getCode(userId: number, purpose: string): Promise<CodeRecord | undefined> {
    const row = await this.core.db
      .selectFrom("codes")
      .selectAll()
      .where("user_id", "=", userId)
      .where("purpose", "=", purpose)
      .executeTakeFirst();
    return row && codeFromRow(row);
  }

  async recordFailedCodeAttempt(id: number): Promise<void> {
    await this.core.db
      .updateTable("codes")
      .set((eb) => ({ failed_attempts: eb("failed_attempts", "+", 1) }))
      .where("id", "=", id)
      .execute();
  }

  async deleteCode(id: number): Promise<boolean> {
    const result = await this.core.db.deleteFrom("codes").where("id", "=", id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  // --- sign-in: keys, refresh tokens, sessions, lockout ------------------------

  async insertSigningKey(key: SigningKeyRecord): Promise<void> {
    await this.core.db
      .insertInto("signing_keys")
      .values({
        kid: key.kid,
        pool_id: key.poolId,
        key_use: key.use,
        public_jwk: JSON.stringify(key.publicJwk),
        sealed_private_key: key.sealedPrivateKey,
        created_at: key.createdAt,
        retired_at: key.retiredAt,
      })
      .execute();
  }

  async listSigningKeys(poolId: string): Promise<SigningKeyRecord[]> {
    const rows = await this.core.db
      .selectFrom("signing_keys")
      .selectAll()
      .where("pool_id", "=", poolId)
      .orderBy("created_at")
      .orderBy("kid")
      .execute();
    return rows.map(signingKeyFromRow);
  }

  async retireSigningKeys(poolId: string, at: number): Promise<void> {
    await this.core.db
      .updateTable("signing_keys")
      .set({ retired_at: at })
      .where("pool_id", "=", poolId)
      .where("retired_at", "is", null)
      .execute();
  }

  async insertRefreshToken(token: RefreshTokenRecord): Promise<void> {
    await this.core.db
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
      .execute();
  }

  async getRefreshToken(id: string): Promise<RefreshTokenRecord | undefined> {
    const row = await this.core.db.selectFrom("refresh_tokens").selectAll().where("id", "=", id).executeTakeFirst();
    return row && refreshTokenFromRow(row);
  }

  async revokeRefreshTokens(userId: number, at: number): Promise<void> {
    await this.core.db
      .updateTable("refresh_tokens")
      .set({ revoked_at: at })
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .execute();
  }

  async revokeRefreshToken(id: string, at: number): Promise<void> {
    await this.core.db
      .updateTable("refresh_tokens")
      .set({ revoked_at: at })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .execute();
  }

  async insertAuthSession(session: AuthSessionRecord): Promise<void> {
    await this.core.db
      .insertInto("auth_sessions")
      .values({
        id: session.id,
        pool_id: session.poolId,
        client_id: session.clientId,
        user_id: session.userId,
        challenge: session.challenge,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async getAuthSession(id: string): Promise<AuthSessionRecord | undefined> {
    const row = await this.core.db.selectFrom("auth_sessions").selectAll().where("id", "=", id).executeTakeFirst();
    return row && authSessionFromRow(row);
  }

  async deleteAuthSession(id: string): Promise<boolean> {
    const result = await this.core.db.deleteFrom("auth_sessions").where("id", "=", id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async getSignInFailures(userId: number): Promise<SignInFailuresRecord | undefined> {
    const row = await this.core.db.selectFrom("sign_in_failures").selectAll().where("user_id", "=", userId).executeTakeFirst();
    return row && signInFailuresFromRow(row);
  }

  async putSignInFailures(failures: SignInFailuresRecord): Promise<void> {
    const values = {
      user_id: failures.userId,
      pool_id: failures.poolId,
      failures: failures.failures,
      last_failure_at: failures.lastFailureAt,
      locked_until: failures.lockedUntil,
    };
    await this.core.db
      .insertInto("sign_in_failures")
      .values(values)
      .onConflict((oc) =>
        oc.column("user_id").doUpdateSet({
          failures: values.failures,
          last_failure_at: values.last_failure_at,
          locked_until: values.locked_until,
        }),
      )
      .execute();
  }

  async addSignInFailure(failure: {
    userId: number;
    poolId: string;
    at: number;
    forgetBefore: number;
  }): Promise<SignInFailuresRecord> {
    const row = await this.core.db
      .insertInto("sign_in_failures")
      .values({ user_id: failure.userId, pool_id: failure.poolId, failures: 1, last_failure_at: failure.at, locked_until: null })
      .onConflict((oc) =>
        oc.column("user_id").doUpdateSet((eb) => ({
          failures: eb
            .case()
            .when("sign_in_failures.last_failure_at", "<", failure.forgetBefore)
            .then(1)
            .else(eb("sign_in_failures.failures", "+", 1))
            .end(),
          last_failure_at: failure.at,
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return signInFailuresFromRow(row);
  }

  async clearSignInFailures(userId: number): Promise<void> {
    await this.core.db.deleteFrom("sign_in_failures").where("user_id", "=", userId).execute();
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
