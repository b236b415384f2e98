import type { CompiledQuery, Kysely, Transaction } from "kysely";
import type { WriteResult } from "./groupCommit.js";
import type { QueryTemplate } from "./queryTemplate.js";
import type { RowCache } from "./readCaches.js";
import type { Database } from "./schema.js";
import type { Shared } from "./shared.js";
import type { Engine } from "./store.js";
import { translatingUniqueViolations } from "./uniqueViolations.js";

const DATA_VERSION_CHECK_MS = 1;

/**
 * What every repository of one store (or of one of its transactions) works
 * through: the database or transaction handle, the state the store shares
 * with its transactions, and the ways to read and write that keep the
 * caches and group commit right.
 */
export class StoreCore {
  readonly inTransaction: boolean;

  constructor(
    readonly db: Kysely<Database> | Transaction<Database>,
    readonly engine: Engine,
    readonly shared: Shared,
    /** In a transaction's core: the caches its writes changed, invalidated again when it ends (see writing). */
    private readonly transactionWrites?: Set<RowCache<object>>,
  ) {
    this.inTransaction = transactionWrites !== undefined;
  }

  /** Runs fn atomically over the transaction's core; inside a transaction already, over this one. */
  async transaction<T>(fn: (tx: StoreCore) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    const transactionWrites = new Set<RowCache<object>>();
    this.shared.openTransactions++;
    try {
      return await this.db.transaction().execute((trx) => fn(new StoreCore(trx, this.engine, this.shared, transactionWrites)));
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
  async write(compiled: CompiledQuery): Promise<WriteResult> {
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
  async writing<T>(caches: readonly (RowCache<object> | undefined)[], work: () => Promise<T>): Promise<T> {
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
  rowCache<Row extends object>(cache: RowCache<Row> | undefined): RowCache<Row> | undefined {
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
  async cachedRead<R, Row extends object>(
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
  async read<R>(template: QueryTemplate<R>, args: readonly unknown[]): Promise<R[]> {
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
}
