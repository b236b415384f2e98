/** What group commit needs of a synchronous engine (better-sqlite3). */
export interface SyncWriter {
  /** Runs one statement; rows for statements that return them (RETURNING). */
  run(sql: string, parameters: readonly unknown[]): { rows: unknown[]; changes: number };
  begin(): void;
  commit(): void;
  rollback(): void;
}

export interface WriteResult {
  rows: unknown[];
  changes: number;
}

interface Pending {
  sql: string;
  parameters: readonly unknown[];
  resolve(result: WriteResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit for single-statement writes on SQLite. With synchronous=FULL
 * every commit waits for the disk (about 0.2 ms here, during which better-
 * sqlite3 holds the event loop), so one commit per write capped updates near
 * 1,700/s (bench/README.md). Writes that arrive in the same turn of the event
 * loop are run in one transaction and committed together; each caller hears
 * back only after that commit, so nothing is acknowledged before it is on
 * disk. A failing statement (a unique violation) fails alone: SQLite aborts
 * that statement and keeps the transaction.
 *
 * A batch never starts while a store transaction is open on the connection
 * (`busy()`); `flush` is called again when the last one ends.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly writer: SyncWriter,
    private readonly busy: () => boolean,
  ) {}

  write(sql: string, parameters: readonly unknown[]): Promise<WriteResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ sql, parameters, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits what is queued, unless a transaction holds the connection (then its end calls this again). */
  flush(): void {
    this.scheduled = false;
    if (this.queue.length === 0 || this.busy()) return;
    const batch = this.queue;
    this.queue = [];
    const outcomes: ({ ok: WriteResult } | { error: unknown })[] = [];
    try {
      this.writer.begin();
      for (const item of batch) {
        try {
          outcomes.push({ ok: this.writer.run(item.sql, item.parameters) });
        } catch (error) {
          outcomes.push({ error });
        }
      }
      this.writer.commit();
    } catch (error) {
      try {
        this.writer.rollback();
      } catch {
        // The failed BEGIN or COMMIT may have ended the transaction already.
      }
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome !== undefined && "ok" in outcome) item.resolve(outcome.ok);
      else item.reject(outcome?.error);
    });
  }
}
