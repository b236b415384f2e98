import type { CompiledQuery, Kysely, Transaction } from "kysely";
import { GroupCommit, type SyncWriter, type WriteResult } from "./groupCommit.js";
import { type GroupQueries, groupQueries } from "./groupQueries.js";
import { compareBytes, prefixEnd } from "./prefixRange.js";
import { numberParam, param, QueryTemplate } from "./queryTemplate.js";
import { RowCache } from "./readCaches.js";
import type {
  AdminKeyRecord,
  AuthSessionRecord,
  ClientRecord,
  CodeRecord,
  GroupRecord,
  ListedUser,
  MessageQuery,
  MessageRecord,
  NewCode,
  NewMessage,
  NewUser,
  PoolRecord,
  RefreshTokenRecord,
  SignInFailuresRecord,
  SigningKeyRecord,
  UserKeys,
  UserLookup,
  UserQuery,
  UserRecord,
} from "./records.js";
import {
  adminKeyFromRow,
  authSessionFromRow,
  clientFromRow,
  codeFromRow,
  groupFromRow,
  groupToRow,
  messageFromRow,
  poolFromRow,
  refreshTokenFromRow,
  signInFailuresFromRow,
  signingKeyFromRow,
  USER_COLUMNS,
  type UserRow,
  userFromRow,
  userToRow,
} from "./rows.js";
import type { Database } from "./schema.js";
import { type Engine, StaleWrite, type Store } from "./store.js";
import { isForeignKeyViolation, translatingUniqueViolations } from "./uniqueViolations.js";

/** The hot lookups as compiled templates; one set per engine, shared by a store and its transactions. */
function hotQueries(db: Kysely<Database>) {
  const user = (column: "username_key" | "sub" | "alias_email" | "alias_phone_number" | "alias_preferred_username") =>
    new QueryTemplate(() =>
      db.selectFrom("users").select(USER_COLUMNS).where("pool_id", "=", param(0)).where(column, "=", param(1)),
    );
  return {
    pool: new QueryTemplate(() => db.selectFrom("pools").selectAll().where("id", "=", param(0))),
    client: new QueryTemplate(() => db.selectFrom("clients").selectAll().where("id", "=", param(0))),
    userBy: {
      usernameKey: user("username_key"),
      sub: user("sub"),
      aliasEmail: user("alias_email"),
      aliasPhoneNumber: user("alias_phone_number"),
      aliasPreferredUsername: user("alias_preferred_username"),
    },
  };
}

/**
 * A synchronous way to run one read statement, for engines whose driver is
 * synchronous anyway (better-sqlite3). See KyselyStore.read.
 */
export interface DirectReader {
  all(sql: string, parameters: readonly unknown[]): unknown[];
  /** SQLite's data_version: changes when another connection commits. */
  dataVersion(): number;
  /** For group commit of single-statement writes. */
  writer: SyncWriter;
}

/** A ListUsers row: the user columns, and the filtered column when it is not one of them. */
type ListedRow = UserRow & { sort_value?: unknown };

/** What a store shares with the stores of its transactions. */
interface Shared {
  queries: ReturnType<typeof hotQueries>;
  groups: GroupQueries;
  /** ListUsers statements by sort column and shape, each built and compiled once: the shapes are few and fixed. */
  listUsers: Map<string, QueryTemplate<ListedRow>>;
  /** Pools by id, on both engines; see POOL_CACHE_MS. */
  pools: RowCache<PoolRecord>;
  direct: DirectReader | undefined;
  /** User rows by lookup key, only with a direct reader (SQLite); see RowCache and findUser. */
  users: RowCache<UserRecord> | undefined;
  /** Group rows by (pool, name), only with a direct reader (SQLite); see RowCache and listGroupsOfUser. */
  groupRows: RowCache<GroupRecord> | undefined;
  /** The data_version the row caches were last checked against, and when (performance.now()). */
  dataVersion: number;
  dataVersionCheckedAt: number;
  /** Transactions open on the root connection; direct reads and batches wait while any is. */
  openTransactions: number;
  /** Only with a direct reader (SQLite); see GroupCommit. */
  batches: GroupCommit | undefined;
}

const DATA_VERSION_CHECK_MS = 1;

/**
 * Pools are read by nearly every request and change rarely. A pool read is
 * kept for a second: writes through this store make it stale at once, and a
 * change made by another process (PostgreSQL deployments) is seen within
 * that second.
 */
const POOL_CACHE_MS = 1000;

/** More than the pools an account may have (domain/pools.ts MAX_POOLS). */
const POOL_CACHE_ENTRIES = 10_000;

/** Up to this many user rows are cached (about 1 KiB each). */
const USER_CACHE_ENTRIES = 20_000;

/** Up to this many group rows are cached (a few hundred bytes each; a pool holds at most 10,000 groups). */
const GROUP_CACHE_ENTRIES = 20_000;

const groupKey = (poolId: string, name: string) => `${poolId}\u0000${name}`;

export class KyselyStore implements Store {
  private readonly shared: Shared;

  constructor(
    private readonly db: Kysely<Database> | Transaction<Database>,
    readonly engine: Engine,
    options: { transactionWrites?: Set<RowCache<object>>; shared?: Shared; direct?: DirectReader } = {},
  ) {
    this.transactionWrites = options.transactionWrites;
    this.inTransaction = options.transactionWrites !== undefined;
    const direct = options.direct;
    const shared: Shared = options.shared ?? {
      queries: hotQueries(db as Kysely<Database>),
      groups: groupQueries(db as Kysely<Database>),
      listUsers: new Map(),
      pools: new RowCache<PoolRecord>(POOL_CACHE_ENTRIES, POOL_CACHE_MS),
      direct,
      users: direct === undefined ? undefined : new RowCache<UserRecord>(USER_CACHE_ENTRIES),
      groupRows: direct === undefined ? undefined : new RowCache<GroupRecord>(GROUP_CACHE_ENTRIES),
      dataVersion: direct?.dataVersion() ?? 0,
      dataVersionCheckedAt: performance.now(),
      openTransactions: 0,
      batches: undefined,
    };
    if (options.shared === undefined && direct !== undefined) {
      shared.batches = new GroupCommit(direct.writer, () => shared.openTransactions > 0);
    }
    this.shared = shared;
  }

  private readonly inTransaction: boolean;
  /** In a transaction's store: the caches its writes changed, invalidated again when it ends (see writing). */
  private readonly transactionWrites: Set<RowCache<object>> | undefined;

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    const transactionWrites = new Set<RowCache<object>>();
    this.shared.openTransactions++;
    try {
      return await this.db
        .transaction()
        .execute((trx) => fn(new KyselyStore(trx, this.engine, { transactionWrites, shared: this.shared })));
    } finally {
      this.shared.openTransactions--;
      for (const cache of transactionWrites) cache.invalidate();
      // Writes queued while the transaction held the connection go now.
      if (this.shared.openTransactions === 0) this.shared.batches?.flush();
    }
  }

  /**
   * Runs a single-statement write: on SQLite outside a transaction, through
   * group commit (see GroupCommit); otherwise through kysely.
   */
  private async write(compiled: CompiledQuery): Promise<WriteResult> {
    const batches = this.shared.batches;
    if (batches !== undefined && !this.inTransaction) return batches.write(compiled.sql, compiled.parameters);
    const result = await this.db.executeQuery(compiled);
    return { rows: result.rows, changes: Number(result.numAffectedRows ?? 0n) };
  }

  /**
   * Runs a write with the caches of the rows it changes invalidated before it
   * starts and after it is committed, so that a read overlapping it is born
   * stale (RowCache.set). Inside a transaction the write commits only when
   * the transaction ends; until then a read on another connection
   * (PostgreSQL) still finds the old row, so the caches are invalidated
   * again at that end.
   */
  private async writing<T>(caches: readonly (RowCache<object> | undefined)[], work: () => Promise<T>): Promise<T> {
    for (const cache of caches) cache?.invalidate();
    try {
      return await translatingUniqueViolations(work);
    } finally {
      for (const cache of caches) {
        if (cache === undefined) continue;
        cache.invalidate();
        this.transactionWrites?.add(cache);
      }
    }
  }

  /**
   * A row cache (user or group rows), when it may be used now: outside
   * transactions, with no other connection's commit unseen. Drops what the
   * row caches hold once another connection has committed.
   */
  private rowCache<Row extends object>(cache: RowCache<Row> | undefined): RowCache<Row> | undefined {
    const { direct } = this.shared;
    if (direct === undefined || this.inTransaction || this.shared.openTransactions > 0) return undefined;
    // Another process's commit is seen within a millisecond: checking data_version on every
    // read cost more than the cached read itself under load.
    const now = performance.now();
    if (now - this.shared.dataVersionCheckedAt >= DATA_VERSION_CHECK_MS) {
      this.shared.dataVersionCheckedAt = now;
      const version = direct.dataVersion();
      if (version !== this.shared.dataVersion) {
        this.shared.dataVersion = version;
        this.shared.users?.invalidate();
        this.shared.groupRows?.invalidate();
      }
    }
    return cache;
  }

  /**
   * One row by a unique key, through `cache` when given: a hit is served as
   * it is; a miss is read and kept, tagged with the generation taken before
   * the read started. Callers return this promise rather than awaiting it in
   * an async method of their own, so a hit costs one promise, not two.
   */
  private async cachedRead<R, Row extends object>(
    cache: RowCache<Row> | undefined,
    key: string,
    template: QueryTemplate<R>,
    args: readonly unknown[],
    fromRow: (row: R) => Row,
  ): Promise<Row | undefined> {
    const cached = cache?.get(key);
    if (cached !== undefined) return cached;
    const generation = cache?.current() ?? 0;
    const row = (await this.read(template, args))[0];
    if (row === undefined) return undefined;
    const record = fromRow(row);
    return cache === undefined ? record : cache.set(key, record, generation);
  }

  /**
   * Runs a hot read template. On SQLite, kysely's executor adds a chain of
   * awaits and a connection mutex around a statement that runs synchronously
   * anyway; under load that cost more than the lookup (bench/README.md). So
   * when no transaction is open on the connection, the statement runs
   * directly; otherwise it goes through kysely, which waits its turn, so a
   * read never sees another flow's uncommitted writes.
   */
  private async read<R>(template: QueryTemplate<R>, args: readonly unknown[]): Promise<R[]> {
    const compiled = template.bind(args);
    const direct = this.shared.direct;
    if (direct !== undefined && !this.inTransaction && this.shared.openTransactions === 0) {
      return direct.all(compiled.sql, compiled.parameters) as R[];
    }
    return (await this.db.executeQuery(compiled)).rows;
  }

  async close(): Promise<void> {
    if (!this.inTransaction) await (this.db as Kysely<Database>).destroy();
  }

  // --- settings -------------------------------------------------------------

  async getSetting(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
    return row?.value;
  }

  async putSettingIfAbsent(key: string, value: string): Promise<string> {
    await this.db
      .insertInto("settings")
      .values({ key, value })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    const stored = await this.getSetting(key);
    if (stored === undefined) throw new Error(`setting ${key} vanished after insert`);
    return stored;
  }

  // --- admin keys -----------------------------------------------------------

  async insertAdminKey(key: AdminKeyRecord): Promise<void> {
    await translatingUniqueViolations(() =>
      this.db
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

  async getAdminKey(accessKeyId: string): Promise<AdminKeyRecord | undefined> {
    const row = await this.db.selectFrom("admin_keys").selectAll().where("access_key_id", "=", accessKeyId).executeTakeFirst();
    return row && adminKeyFromRow(row);
  }

  async listAdminKeys(): Promise<AdminKeyRecord[]> {
    const rows = await this.db.selectFrom("admin_keys").selectAll().orderBy("created_at").orderBy("access_key_id").execute();
    return rows.map(adminKeyFromRow);
  }

  async deleteAdminKey(accessKeyId: string): Promise<boolean> {
    const result = await this.db.deleteFrom("admin_keys").where("access_key_id", "=", accessKeyId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  // --- pools ----------------------------------------------------------------

  async insertPool(pool: PoolRecord): Promise<void> {
    await translatingUniqueViolations(() =>
      this.db
        .insertInto("pools")
        .values({
          id: pool.id,
          name: pool.name,
          created_at: pool.createdAt,
          modified_at: pool.modifiedAt,
          settings: JSON.stringify(pool.settings),
        })
        .execute(),
    );
  }

  /** Not through the cache inside a transaction, which may have written the pool and may yet roll back. */
  getPool(id: string): Promise<PoolRecord | undefined> {
    const cache = this.inTransaction ? undefined : this.shared.pools;
    return this.cachedRead(cache, id, this.shared.queries.pool, [id], poolFromRow);
  }

  async updatePool(pool: PoolRecord): Promise<boolean> {
    const result = await this.writing([this.shared.pools], () =>
      this.db
        .updateTable("pools")
        .set({
          name: pool.name,
          modified_at: pool.modifiedAt,
          settings: JSON.stringify(pool.settings),
        })
        .where("id", "=", pool.id)
        .executeTakeFirst(),
    );
    return result.numUpdatedRows > 0n;
  }

  async deletePool(id: string): Promise<boolean> {
    return this.writing([this.shared.users, this.shared.groupRows, this.shared.pools], () =>
      this.transaction(async (tx) => {
        const db = (tx as KyselyStore).db;
        for (const table of [
          "outbox",
          "codes",
          "signing_keys",
          "refresh_tokens",
          "auth_sessions",
          "sign_in_failures",
          "group_members",
          "groups",
          "users",
          "clients",
        ] as const) {
          await db.deleteFrom(table).where("pool_id", "=", id).execute();
        }
        const result = await db.deleteFrom("pools").where("id", "=", id).executeTakeFirst();
        return result.numDeletedRows > 0n;
      }),
    );
  }

  async listPools(page: { after?: string; limit: number }): Promise<PoolRecord[]> {
    let query = this.db.selectFrom("pools").selectAll().orderBy("id").limit(page.limit);
    if (page.after !== undefined) query = query.where("id", ">", page.after);
    return (await query.execute()).map(poolFromRow);
  }

  async countPools(): Promise<number> {
    const row = await this.db
      .selectFrom("pools")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // --- clients --------------------------------------------------------------

  async insertClient(client: ClientRecord): Promise<void> {
    await translatingUniqueViolations(() =>
      this.db
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

  async getClient(id: string): Promise<ClientRecord | undefined> {
    const row = (await this.read(this.shared.queries.client, [id]))[0];
    return row && clientFromRow(row);
  }

  async updateClient(client: ClientRecord): Promise<boolean> {
    const result = await this.db
      .updateTable("clients")
      .set({
        name: client.name,
        modified_at: client.modifiedAt,
        settings: JSON.stringify(client.settings),
      })
      .where("id", "=", client.id)
      .where("pool_id", "=", client.poolId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async deleteClient(poolId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom("clients").where("id", "=", id).where("pool_id", "=", poolId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async listClients(poolId: string, page: { after?: string; limit: number }): Promise<ClientRecord[]> {
    let query = this.db.selectFrom("clients").selectAll().where("pool_id", "=", poolId).orderBy("id").limit(page.limit);
    if (page.after !== undefined) query = query.where("id", ">", page.after);
    return (await query.execute()).map(clientFromRow);
  }

  async countClients(poolId: string): Promise<number> {
    const row = await this.db
      .selectFrom("clients")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("pool_id", "=", poolId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // --- users ----------------------------------------------------------------

  async insertUser(user: NewUser): Promise<UserRecord> {
    const query = this.db
      .insertInto("users")
      .values({ ...userToRow(user, user.keys), version: 1 })
      .returning(USER_COLUMNS)
      .compile();
    const { rows } = await this.writing([this.shared.users], () => this.write(query));
    const row = rows[0] as UserRow | undefined;
    if (row === undefined) throw new Error("insert returned no row");
    return userFromRow(row);
  }

  findUser(poolId: string, lookup: UserLookup): Promise<UserRecord | undefined> {
    const column = lookup.by === "alias" ? lookup.column : lookup.by;
    const key = `${poolId}\u0000${column}\u0000${lookup.value}`;
    return this.cachedRead(
      this.rowCache(this.shared.users),
      key,
      this.shared.queries.userBy[column],
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
    const query = this.db
      .updateTable("users")
      .set({ ...changes, version: user.version + 1 })
      .where("id", "=", user.id)
      .where("version", "=", user.version)
      .compile();
    const result = await this.writing([this.shared.users], () => this.write(query));
    if (result.changes === 0) throw new StaleWrite();
    return { ...user, version: user.version + 1 };
  }

  async deleteUser(poolId: string, id: number): Promise<boolean> {
    return this.writing([this.shared.users], () =>
      this.transaction(async (tx) => {
        const db = (tx as KyselyStore).db;
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
      const query = this.db
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
      let template = this.shared.listUsers.get(key);
      if (template === undefined) {
        template = new QueryTemplate(() => bound(page()));
        this.shared.listUsers.set(key, template);
      }
      const rows = await this.read(template, [q.poolId, limit, ...args]);
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
    const row = await this.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("pool_id", "=", poolId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // --- codes ----------------------------------------------------------------

  async putCode(code: NewCode): Promise<CodeRecord> {
    return this.transaction(async (tx) => {
      const db = (tx as KyselyStore).db;
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
    const row = await this.db
      .selectFrom("codes")
      .selectAll()
      .where("user_id", "=", userId)
      .where("purpose", "=", purpose)
      .executeTakeFirst();
    return row && codeFromRow(row);
  }

  async recordFailedCodeAttempt(id: number): Promise<void> {
    await this.db
      .updateTable("codes")
      .set((eb) => ({ failed_attempts: eb("failed_attempts", "+", 1) }))
      .where("id", "=", id)
      .execute();
  }

  async deleteCode(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom("codes").where("id", "=", id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  // --- sign-in: keys, refresh tokens, sessions, lockout ------------------------

  async insertSigningKey(key: SigningKeyRecord): Promise<void> {
    await this.db
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
    const rows = await this.db
      .selectFrom("signing_keys")
      .selectAll()
      .where("pool_id", "=", poolId)
      .orderBy("created_at")
      .orderBy("kid")
      .execute();
    return rows.map(signingKeyFromRow);
  }

  async retireSigningKeys(poolId: string, at: number): Promise<void> {
    await this.db
      .updateTable("signing_keys")
      .set({ retired_at: at })
      .where("pool_id", "=", poolId)
      .where("retired_at", "is", null)
      .execute();
  }

  async insertRefreshToken(token: RefreshTokenRecord): Promise<void> {
    await this.db
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
    const row = await this.db.selectFrom("refresh_tokens").selectAll().where("id", "=", id).executeTakeFirst();
    return row && refreshTokenFromRow(row);
  }

  async revokeRefreshTokens(userId: number, at: number): Promise<void> {
    await this.db
      .updateTable("refresh_tokens")
      .set({ revoked_at: at })
      .where("user_id", "=", userId)
      .where("revoked_at", "is", null)
      .execute();
  }

  async revokeRefreshToken(id: string, at: number): Promise<void> {
    await this.db
      .updateTable("refresh_tokens")
      .set({ revoked_at: at })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .execute();
  }

  async insertAuthSession(session: AuthSessionRecord): Promise<void> {
    await this.db
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
      .execute();
  }

  async getAuthSession(id: string): Promise<AuthSessionRecord | undefined> {
    const row = await this.db.selectFrom("auth_sessions").selectAll().where("id", "=", id).executeTakeFirst();
    return row && authSessionFromRow(row);
  }

  async recordFailedSessionAttempt(id: string, maxAttempts: number): Promise<number | undefined> {
    const row = await this.db
      .updateTable("auth_sessions")
      .set((eb) => ({ failed_attempts: eb("failed_attempts", "+", 1) }))
      .where("id", "=", id)
      .where("failed_attempts", "<", maxAttempts)
      .returning("failed_attempts")
      .executeTakeFirst();
    return row === undefined ? undefined : Number(row.failed_attempts);
  }

  async deleteAuthSession(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom("auth_sessions").where("id", "=", id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async getSignInFailures(userId: number): Promise<SignInFailuresRecord | undefined> {
    const row = await this.db.selectFrom("sign_in_failures").selectAll().where("user_id", "=", userId).executeTakeFirst();
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
    await this.db
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
    const row = await this.db
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
    await this.db.deleteFrom("sign_in_failures").where("user_id", "=", userId).execute();
  }

  // --- groups ---------------------------------------------------------------

  async insertGroup(group: GroupRecord): Promise<void> {
    await this.writing([this.shared.groupRows], () => this.db.insertInto("groups").values(groupToRow(group)).execute());
  }

  getGroup(poolId: string, name: string): Promise<GroupRecord | undefined> {
    const cache = this.rowCache(this.shared.groupRows);
    return this.cachedRead(cache, groupKey(poolId, name), this.shared.groups.group, [poolId, name], groupFromRow);
  }

  async updateGroup(group: GroupRecord): Promise<boolean> {
    const result = await this.writing([this.shared.groupRows], () =>
      this.db
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
    return this.writing([this.shared.groupRows], () =>
      this.transaction(async (tx) => {
        const db = (tx as KyselyStore).db;
        await db.deleteFrom("group_members").where("pool_id", "=", poolId).where("group_name", "=", name).execute();
        const result = await db.deleteFrom("groups").where("pool_id", "=", poolId).where("name", "=", name).executeTakeFirst();
        return result.numDeletedRows > 0n;
      }),
    );
  }

  async listGroups(poolId: string, page: { after?: string; limit: number }): Promise<GroupRecord[]> {
    let query = this.db.selectFrom("groups").selectAll().where("pool_id", "=", poolId).orderBy("name").limit(page.limit);
    if (page.after !== undefined) query = query.where("name", ">", page.after);
    return (await query.execute()).map(groupFromRow);
  }

  async countGroups(poolId: string): Promise<number> {
    const row = await this.db
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
    const upsert = this.shared.groups.addMember.bind([poolId, groupName, userId, maxGroupsOfUser]);
    if (this.engine === "sqlite") return (await this.write(upsert)).changes > 0;
    try {
      return await this.transaction(async (tx) => {
        const db = (tx as KyselyStore).db;
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
    const result = await this.write(this.shared.groups.removeMember.bind([userId, groupName, poolId]));
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
    const queries = this.shared.groups;
    const args = page.after === undefined ? [userId, page.limit] : [userId, page.limit, page.after];
    const cache = this.rowCache(this.shared.groupRows);
    if (cache !== undefined) {
      const names = await this.read(page.after === undefined ? queries.groupNamesOfUser : queries.groupNamesOfUserAfter, args);
      const groups: GroupRecord[] = [];
      for (const { group_name } of names) {
        const group = cache.get(groupKey(poolId, group_name));
        if (group === undefined) break;
        groups.push(group);
      }
      if (groups.length === names.length) return groups;
    }
    const generation = cache?.current() ?? 0;
    const rows = await this.read(page.after === undefined ? queries.groupsOfUser : queries.groupsOfUserAfter, args);
    return rows.map((row) => {
      const group = groupFromRow(row);
      return cache === undefined ? group : cache.set(groupKey(group.poolId, group.name), group, generation);
    });
  }

  async listGroupMembers(poolId: string, groupName: string, page: { after?: string; limit: number }): Promise<UserRecord[]> {
    const { members, membersAfter } = this.shared.groups;
    const rows =
      page.after === undefined
        ? await this.read(members, [poolId, groupName, page.limit])
        : await this.read(membersAfter, [poolId, groupName, page.limit, page.after]);
    return rows.map(userFromRow);
  }

  // --- outbox ---------------------------------------------------------------

  async appendMessage(message: NewMessage): Promise<MessageRecord> {
    const row = await this.db
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
    let query = this.db.selectFrom("outbox").selectAll().orderBy("id").limit(q.limit);
    if (q.poolId !== undefined) query = query.where("pool_id", "=", q.poolId);
    if (q.destination !== undefined) query = query.where("destination", "=", q.destination);
    if (q.afterId !== undefined) query = query.where("id", ">", q.afterId);
    return (await query.execute()).map(messageFromRow);
  }
}
