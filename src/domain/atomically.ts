import { StaleWrite } from "../store/store.js";
import { type DomainContext, withStore } from "./context.js";

const MAX_ATTEMPTS = 5;

/**
 * Runs fn in one transaction, over a context whose store is the
 * transaction's. A write that lost an optimistic-concurrency race
 * (StaleWrite) re-runs the whole unit, which re-reads what it depends on.
 */
export async function atomically<T>(ctx: DomainContext, fn: (tx: DomainContext) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.store.transaction((store) => fn(withStore(ctx, store)));
    } catch (error) {
      if (!(error instanceof StaleWrite) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
