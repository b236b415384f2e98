import assert from "node:assert/strict";
import { after, before, describe } from "node:test";
import { openStore, parseDataLocation } from "../../src/store/open.js";
import { type Engine, type Store, UniqueViolation } from "../../src/store/store.js";
import { createTestDatabase, type TestDatabase } from "./postgres.js";
import { ENGINES, engineSkip } from "./testServer.js";

/**
 * Declares a store contract suite once per engine, each over its own freshly
 * opened store: the contract suites in test/store/ hold both engines to the
 * one Store interface.
 */
export function describeEachStore(name: string, body: (s: () => Store, engine: Engine) => void): void {
  for (const engine of ENGINES) {
    describe(`${name} [${engine}]`, { skip: engineSkip(engine) }, () => {
      let database: TestDatabase | undefined;
      let store: Store | undefined;
      before(async () => {
        if (engine === "postgres") database = await createTestDatabase();
        store = await openStore(parseDataLocation(database?.url ?? ":memory:"));
      });
      after(async () => {
        await store?.close();
        await database?.drop();
      });
      body(() => {
        if (store === undefined) throw new Error("store not opened");
        return store;
      }, engine);
    });
  }
}

/** Asserts that a promise rejects with UniqueViolation naming `key`. */
export async function rejectsUnique(promise: Promise<unknown>, key: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof UniqueViolation, `expected UniqueViolation, got ${String(error)}`);
    assert.equal(error.key, key);
    return true;
  });
}
