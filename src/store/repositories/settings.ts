import type { StoreCore } from "../core.js";
import type { SettingsRepository } from "../store.js";

export class Settings implements SettingsRepository {
  constructor(private readonly core: StoreCore) {}

  async get(key: string): Promise<string | undefined> {
    const row = await this.core.db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
    return row?.value;
  }

  async putIfAbsent(key: string, value: string): Promise<string> {
    await this.core.db
      .insertInto("settings")
      .values({ key, value })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    const stored = await this.get(key);
    if (stored === undefined) throw new Error(`setting ${key} vanished after insert`);
    return stored;
  }
}
