import type { PoolRecord } from "./records.js";
import { deepFreeze } from "./rows.js";

/**
 * Pools are read by nearly every request and change rarely. A pool read is
 * kept for a second: writes through this store drop it at once, and a
 * change made by another process (PostgreSQL deployments) is seen within
 * that second.
 */
const POOL_CACHE_MS = 1000;

export class PoolCache {
  private readonly entries = new Map<string, { pool: PoolRecord; until: number }>();

  get(id: string): PoolRecord | undefined {
    const entry = this.entries.get(id);
    if (entry === undefined) return undefined;
    if (entry.until < performance.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.pool;
  }

  set(pool: PoolRecord): void {
    if (this.entries.size >= 10_000) this.entries.clear();
    this.entries.set(pool.id, { pool, until: performance.now() + POOL_CACHE_MS });
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}

/**
 * A read-through cache of rows, for SQLite, where this process is the only
 * one that writes. A cached row is served only while nothing could have
 * changed it since it was read:
 * - every write of such rows through this store moves `generation` before
 *   it starts and after it ends (KyselyStore.writing), which makes all
 *   earlier entries stale; while a transaction is open the cache is not
 *   used at all, so nothing read inside one is kept;
 * - a commit by any other connection (a second process on the same file)
 *   moves SQLite's data_version, which the store checks before each use.
 * Under load a keyed SQLite read cost several times a map lookup
 * (bench/README.md). PostgreSQL deployments may run several processes, so
 * they read through every time.
 */
export class RowCache<Row extends object> {
  private readonly entries = new Map<string, { row: Row; generation: number }>();
  private generation = 0;

  constructor(private readonly capacity: number) {}

  /** Makes every entry stale. */
  invalidate(): void {
    this.generation++;
  }

  /** The generation to tag a read with: take it before the read starts. */
  current(): number {
    return this.generation;
  }

  get(key: string): Row | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.generation === this.generation) return entry.row;
    this.entries.delete(key);
    return undefined;
  }

  /** Stores a row read at `generation`, frozen; if anything changed since, the entry is born stale. */
  set(key: string, row: Row, generation: number): Row {
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    const frozen = deepFreeze(row);
    this.entries.set(key, { row: frozen, generation });
    return frozen;
  }
}
