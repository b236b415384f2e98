import type { StoreCore } from "../core.js";
import { compareBytes, prefixEnd } from "../prefixRange.js";
import { numberParam, param, QueryTemplate } from "../queryTemplate.js";
import type { ListedUser, NewUser, UserKeys, UserLookup, UserQuery, UserRecord } from "../records.js";
import { USER_COLUMNS, type UserRow, userFromRow, userToRow } from "../rows.js";
import type { ListedRow } from "../shared.js";
import { StaleWrite, type UserRepository } from "../store.js";

export class Users implements UserRepository {
  constructor(private readonly core: StoreCore) {}

  async insert(user: NewUser): Promise<UserRecord> {
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

  find(poolId: string, lookup: UserLookup): Promise<UserRecord | undefined> {
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

  async update(user: UserRecord, keys: UserKeys, before?: { user: UserRecord; keys: UserKeys }): Promise<UserRecord> {
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

  async delete(poolId: string, id: number): Promise<boolean> {
    return this.core.writing([this.core.shared.users], () =>
      this.core.transaction(async ({ db }) => {
        for (const table of [
          "codes",
          "refresh_tokens",
          "auth_sessions",
          "sign_in_failures",
          "user_quotas",
          "group_members",
        ] as const) {
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
  async list(q: UserQuery): Promise<ListedUser[]> {
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

  async count(poolId: string): Promise<number> {
    const row = await this.core.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("pool_id", "=", poolId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
