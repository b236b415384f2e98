import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DataLocation } from "../store/open.js";
import type { Store } from "../store/store.js";

export interface MasterKey {
  key: Buffer;
  /** Where it came from, for the startup log. */
  source: string;
}

function decode(base64: string, from: string): Buffer {
  const key = Buffer.from(base64.trim(), "base64");
  if (key.length !== 32) throw new Error(`the master key from ${from} must be 32 bytes, base64-encoded`);
  return key;
}

/**
 * The key that seals secrets at rest (see README, "Secrets at rest"):
 * USERPOOL_MASTER_KEY if set; else a 0600 file beside the SQLite database;
 * else, for PostgreSQL, a key kept in the database itself so that every
 * process sharing it agrees (set USERPOOL_MASTER_KEY to keep it apart);
 * a fresh key per process for :memory:.
 */
export async function resolveMasterKey(location: DataLocation, store: Store, env: NodeJS.ProcessEnv): Promise<MasterKey> {
  const fromEnv = env.USERPOOL_MASTER_KEY;
  if (fromEnv !== undefined && fromEnv !== "")
    return { key: decode(fromEnv, "USERPOOL_MASTER_KEY"), source: "USERPOOL_MASTER_KEY" };
  if (location.kind === "memory") return { key: randomBytes(32), source: "generated for this process" };
  if (location.kind === "directory") {
    const file = join(location.directory, "master.key");
    try {
      return { key: decode(readFileSync(file, "utf8"), file), source: file };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      // "wx": never overwrite a key another process wrote a moment ago.
      try {
        writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
      } catch (writeError) {
        if ((writeError as NodeJS.ErrnoException).code !== "EEXIST") throw writeError;
      }
      return { key: decode(readFileSync(file, "utf8"), file), source: file };
    }
  }
  const stored = await store.settings.putIfAbsent("master_key", randomBytes(32).toString("base64"));
  return { key: decode(stored, "the database"), source: "the database (set USERPOOL_MASTER_KEY to keep it outside)" };
}
