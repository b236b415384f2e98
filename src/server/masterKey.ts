import { createHmac, randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type DataLocation, describeLocation } from "../store/open.js";
import type { Store } from "../store/store.js";

export interface MasterKey {
  key: Buffer;
  /** Where it came from, for the startup log. */
  source: string;
}

/**
 * The settings row that ties a store to the master key its secrets are
 * sealed with: an HMAC of a fixed text under the key, which tells whether a
 * key is the right one without telling the key. Written on the first start.
 */
const KEY_CHECK_SETTING = "master_key_check";
const STORED_KEY_SETTING = "master_key";

function keyCheck(key: Buffer): string {
  return createHmac("sha256", key).update("userpool master key check").digest("base64");
}

function decode(base64: string, from: string): Buffer {
  const key = Buffer.from(base64.trim(), "base64");
  if (key.length !== 32) throw new Error(`the master key from ${from} must be 32 bytes, base64-encoded`);
  return key;
}

/** What to do when the store's secrets were sealed with a key this start does not have. */
function restoreHint(location: DataLocation, envInUse: boolean): string {
  const setEnv = "set USERPOOL_MASTER_KEY to the key they were sealed with";
  if (location.kind === "directory") {
    const file = join(location.directory, "master.key");
    return envInUse ? `${setEnv}, or unset it to use ${file}` : `restore ${file} from a backup, or ${setEnv}`;
  }
  return envInUse ? `${setEnv}, or unset it if they were sealed with the key kept in the database` : setEnv;
}

function keyLost(location: DataLocation, what: string): Error {
  return new Error(
    `${what}, but ${describeLocation(location)} holds secrets sealed with a master key: ${restoreHint(location, false)}. ` +
      "Refusing to start with a new key, which would leave every sealed secret unreadable.",
  );
}

/** The key the first start of this store makes: a 0600 file beside SQLite, a settings row on PostgreSQL. */
async function findOrMakeKey(location: DataLocation, store: Store, sealed: boolean): Promise<MasterKey> {
  if (location.kind === "memory") return { key: randomBytes(32), source: "generated for this process" };
  if (location.kind === "directory") {
    const file = join(location.directory, "master.key");
    try {
      return { key: decode(readFileSync(file, "utf8"), file), source: file };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      if (sealed) throw keyLost(location, `${file} is missing`);
      // "wx": never overwrite a key another process wrote a moment ago.
      try {
        writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
      } catch (writeError) {
        if ((writeError as NodeJS.ErrnoException).code !== "EEXIST") throw writeError;
      }
      return { key: decode(readFileSync(file, "utf8"), file), source: file };
    }
  }
  const source = "the database (set USERPOOL_MASTER_KEY to keep it outside)";
  if (sealed) {
    const stored = await store.settings.get(STORED_KEY_SETTING);
    // Sealed under USERPOOL_MASTER_KEY, which this start lacks.
    if (stored === undefined) throw keyLost(location, "USERPOOL_MASTER_KEY is not set");
    return { key: decode(stored, "the database"), source };
  }
  const stored = await store.settings.putIfAbsent(STORED_KEY_SETTING, randomBytes(32).toString("base64"));
  return { key: decode(stored, "the database"), source };
}

/**
 * The key that seals secrets at rest (see README, "Secrets at rest"):
 * USERPOOL_MASTER_KEY if set; else a 0600 file beside the SQLite database;
 * else, for PostgreSQL, a key kept in the database itself so that every
 * process sharing it agrees (set USERPOOL_MASTER_KEY to keep it apart);
 * a fresh key per process for :memory:. A store whose secrets were sealed
 * with another key is refused: with a fresh key the server would report
 * healthy while every sealed secret failed.
 */
export async function resolveMasterKey(location: DataLocation, store: Store, env: NodeJS.ProcessEnv): Promise<MasterKey> {
  const sealedWith = await store.settings.get(KEY_CHECK_SETTING);
  const fromEnv = env.USERPOOL_MASTER_KEY;
  const envInUse = fromEnv !== undefined && fromEnv !== "";
  const master = envInUse
    ? { key: decode(fromEnv, "USERPOOL_MASTER_KEY"), source: "USERPOOL_MASTER_KEY" }
    : await findOrMakeKey(location, store, sealedWith !== undefined);
  const check = keyCheck(master.key);
  const expected = sealedWith ?? (await store.settings.putIfAbsent(KEY_CHECK_SETTING, check));
  if (expected !== check) {
    throw new Error(
      `the master key from ${master.source} is not the key the secrets in ${describeLocation(location)} were sealed with: ` +
        `${restoreHint(location, envInUse)}.`,
    );
  }
  return master;
}
