import { closeSync, mkdirSync, openSync } from "node:fs";
import { join, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { KyselyStore } from "./kyselyStore.js";
import { migrationProvider } from "./migrations/index.js";
import type { Database } from "./schema.js";
import type { DirectReader } from "./shared.js";
import type { Engine, Store } from "./store.js";

/** Where the data lives, as `--data` names it (run contract). */
export type DataLocation =
  | { kind: "directory"; directory: string; file: string }
  | { kind: "memory" }
  | { kind: "postgres"; url: string };

export function parseDataLocation(data: string): DataLocation {
  if (data === ":memory:") return { kind: "memory" };
  if (/^postgres(ql)?:\/\//.test(data)) return { kind: "postgres", url: data };
  const directory = resolve(data);
  return {
    kind: "directory",
    directory,
    file: join(directory, "userpool.sqlite"),
  };
}

/** Describes a location without its credentials, for logs. */
export function describeLocation(location: DataLocation): string {
  if (location.kind === "memory") return "sqlite :memory:";
  if (location.kind === "directory") return `sqlite ${location.file}`;
  const url = new URL(location.url);
  return `postgres ${url.host}${url.pathname}`;
}

const STATEMENT_CACHE_SIZE = 256;

function sqliteDialect(filename: string): { dialect: SqliteDialect; direct: DirectReader } {
  const sqlite = new SqliteDatabase(filename);
  sqlite.pragma("journal_mode = WAL");
  // FULL: a commit is on disk before the client hears "done" (no acknowledged write is lost).
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("busy_timeout = 5000");
  // Reads dominate: keep up to 64 MiB of pages in SQLite's own cache instead of the default 2 MiB.
  sqlite.pragma("cache_size = -65536");
  // Kysely prepares every query afresh; preparing costs more than running a keyed lookup,
  // so statements are kept by their SQL text (the query shapes are few and fixed).
  const statements = new Map<string, SqliteDatabase.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  // Rows as arrays, named in JS: better-sqlite3 builds row objects through V8's C++ API, which
  // cost nearly half of a page of 60 users (bench/README.md).
  const rawStatements = new Map<string, { statement: SqliteDatabase.Statement; columns: string[] }>();
  const prepareRaw = (sql: string) => {
    let prepared = rawStatements.get(sql);
    if (prepared === undefined) {
      if (rawStatements.size >= STATEMENT_CACHE_SIZE) rawStatements.clear();
      const statement = sqlite.prepare(sql).raw(true);
      prepared = { statement, columns: statement.columns().map((c) => c.name) };
      rawStatements.set(sql, prepared);
    }
    return prepared;
  };
  const dataVersion = sqlite.prepare("pragma data_version").pluck();
  // IMMEDIATE: take the write lock at BEGIN, so another process cannot make a batch fail halfway.
  const begin = sqlite.prepare("begin immediate");
  const commit = sqlite.prepare("commit");
  const rollback = sqlite.prepare("rollback");
  return {
    dialect: new SqliteDialect({ database: { close: () => sqlite.close(), prepare } }),
    direct: {
      all(sql, parameters) {
        const { statement, columns } = prepareRaw(sql);
        return statement.all(...parameters).map((values) => {
          const row: Record<string, unknown> = {};
          for (let i = 0; i < columns.length; i++) row[columns[i] as string] = (values as unknown[])[i];
          return row;
        });
      },
      dataVersion: () => dataVersion.get() as number,
      writer: {
        run(sql, parameters) {
          const statement = prepare(sql);
          if (statement.reader) {
            const rows = statement.all(...parameters);
            return { rows, changes: rows.length };
          }
          return { rows: [], changes: statement.run(...parameters).changes };
        },
        begin: () => begin.run(),
        commit: () => commit.run(),
        rollback: () => rollback.run(),
      },
    },
  };
}

function postgresDialect(url: string): PostgresDialect {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: {
      // bigint columns hold epoch milliseconds and ids, which fit a JS number.
      getTypeParser: (oid: number, format?: string) =>
        oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as "text"),
    },
  });
  // A connection the server drops while idle (restart, failover, admin) emits "error" on the
  // pool; unhandled, that would crash the process. pg discards that client and the next query
  // connects afresh, so there is nothing more to do here.
  pool.on("error", () => undefined);
  return new PostgresDialect({ pool });
}

/** Opens the store at a location and brings its schema up to date. */
export async function openStore(location: DataLocation): Promise<Store> {
  let engine: Engine;
  let db: Kysely<Database>;
  let direct: DirectReader | undefined;
  if (location.kind === "postgres") {
    engine = "postgres";
    db = new Kysely<Database>({ dialect: postgresDialect(location.url) });
  } else {
    engine = "sqlite";
    let filename = ":memory:";
    if (location.kind === "directory") {
      mkdirSync(location.directory, { recursive: true, mode: 0o700 });
      // Made 0600 before SQLite opens it: SQLite would make it with the umask (often 0644), and it
      // gives the -wal and -shm files the database file's mode.
      closeSync(openSync(location.file, "a", 0o600));
      filename = location.file;
    }
    const sqlite = sqliteDialect(filename);
    db = new Kysely<Database>({ dialect: sqlite.dialect });
    direct = sqlite.direct;
  }
  try {
    const migrator = new Migrator({ db, provider: migrationProvider(engine) });
    const { error } = await migrator.migrateToLatest();
    if (error !== undefined) throw error;
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return KyselyStore.over(db, engine, direct);
}
