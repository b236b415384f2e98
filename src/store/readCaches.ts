import { deepFreeze } from "./rows.js";

/**
 * A read-through cache of rows by key. A cached row is served only while
 * nothing could have changed it since it was read:
 * - every write of such rows through this store moves `generation` before
 *   it starts and after it is committed (StoreCore.writing), which makes
 *   all earlier entries stale; inside a transaction the store neither reads
 *   nor fills a cache, so nothing uncommitted is kept;
 * - changes made elsewhere are bounded by the store: it keeps user and group
 *   rows only on SQLite, checking SQLite's data_version (moved by a commit
 *   of any other connection) before each use, and pools for at most
 *   `lifetimeMs`, on either engine.
 * Under load a keyed SQLite read cost several times a map lookup
 * (bench/README.md).
 */
export class RowCache<Row extends object> {
  private readonly entries = new Map<string, { row: Row; generation: number; until: number }>();
  private generation = 0;

  constructor(
    private readonly capacity: number,
    private readonly lifetimeMs?: number,
  ) {}

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
    // Only a cache whose entries expire reads the clock: the user and group caches serve the hottest reads.
    if (entry.generation === this.generation && (this.lifetimeMs === undefined || performance.now() < entry.until)) {
      return entry.row;
    }
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
    const until = this.lifetimeMs === undefined ? Number.POSITIVE_INFINITY : performance.now() + this.lifetimeMs;
    this.entries.set(key, { row: frozen, generation, until });
    return frozen;
  }
}
