import type { Kysely } from "kysely";
import { GroupCommit, type SyncWriter } from "./groupCommit.js";
import { type GroupQueries, groupQueries } from "./groupQueries.js";
import { param, QueryTemplate } from "./queryTemplate.js";
import { RowCache } from "./readCaches.js";
import type { GroupRecord, PoolRecord, UserRecord } from "./records.js";
import { USER_COLUMNS, type UserRow } from "./rows.js";
import type { Database } from "./schema.js";

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
 * synchronous anyway (better-sqlite3). See StoreCore.read.
 */
export interface DirectReader {
  all(sql: string, parameters: readonly unknown[]): unknown[];
  /** SQLite's data_version: changes when another connection commits. */
  dataVersion(): number;
  /** For group commit of single-statement writes. */
  writer: SyncWriter;
}

/** A ListUsers row: the user columns, and the filtered column when it is not one of them. */
export type ListedRow = UserRow & { sort_value?: unknown };

/** What a store shares with the stores of its transactions. */
export interface Shared {
  queries: ReturnType<typeof hotQueries>;
  groups: GroupQueries;
  /** ListUsers statements by sort column and shape, each built and compiled once: the shapes are few and fixed. */
  listUsers: Map<string, QueryTemplate<ListedRow>>;
  /** Pools by id, on both engines; see POOL_CACHE_MS. */
  pools: RowCache<PoolRecord>;
  direct: DirectReader | undefined;
  /** User rows by lookup key, only with a direct reader (SQLite); see RowCache and UserRepository.find. */
  users: RowCache<UserRecord> | undefined;
  /** Group rows by (pool, name), only with a direct reader (SQLite); see RowCache and MembershipRepository.groupsOf. */
  groupRows: RowCache<GroupRecord> | undefined;
  /** The data_version the row caches were last checked against, and when (performance.now()). */
  dataVersion: number;
  dataVersionCheckedAt: number;
  /** Transactions open on the root connection; direct reads and batches wait while any is. */
  openTransactions: number;
  /** Only with a direct reader (SQLite); see GroupCommit. */
  batches: GroupCommit | undefined;
}

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

/** The state of a store opened over `db`, with the caches and group commit its engine allows. */
export function createShared(db: Kysely<Database>, direct: DirectReader | undefined): Shared {
  const shared: Shared = {
    queries: hotQueries(db),
    groups: groupQueries(db),
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
  if (direct !== undefined) shared.batches = new GroupCommit(direct.writer, () => shared.openTransactions > 0);
  return shared;
}

/** The key of a group row in Shared.groupRows. */
export const groupKey = (poolId: string, name: string) => `${poolId}\u0000${name}`;
