import { StaleWrite } from "../../store/store.js";
import { type DomainContext, withStore } from "./context.js";

const MAX_ATTEMPTS = 5;

/**
 * Re-runs fn when a write in it lost an optimistic-concurrency race
 * (StaleWrite): fn re-reads what it depends on. Alone, this suits a unit
 * that reads and then writes one row: the version check on that write
 * makes a transaction unnecessary, and the reads can use the store's fast,
 * cached paths (an update then costs one statement, not four).
 */
export async function optimistically<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof StaleWrite) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/** Runs fn in one transaction, over a context whose store is the transaction's; a StaleWrite is the caller's to retry. */
export function inTransaction<T>(ctx: DomainContext, fn: (tx: DomainContext) => Promise<T>): Promise<T> {
  return ctx.store.transaction((store) => fn(withStore(ctx, store)));
}

/** Runs fn in one transaction, re-running the whole unit when a write in it lost a race. */
export function atomically<T>(ctx: DomainContext, fn: (tx: DomainContext) => Promise<T>): Promise<T> {
  return optimistically(() => inTransaction(ctx, fn));
}
