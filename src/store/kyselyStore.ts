import type { Kysely, Selectable, Transaction } from "kysely";
import type {
  AdminKeyRecord,
  ClientRecord,
  JsonObject,
  MessageQuery,
  MessageRecord,
  NewMessage,
  NewUser,
  PoolRecord,
  UserKeys,
  UserLookup,
  UserQuery,
  UserRecord,
} from "./records.js";
import type { Database } from "./schema.js";
import { type Engine, StaleWrite, type Store, UniqueViolation } from "./store.js";

type UserRow = Selectable<Database["users"]>;

const ALIAS_COLUMNS = {
  aliasEmail: "alias_email",
  aliasPhoneNumber: "alias_phone_number",
  aliasPreferredUsername: "alias_preferred_username",
} as const;

/**
 * Which unique key a driver error reports, or undefined when the error is
 * not a unique violation. SQLite names the columns in its message
 * ("UNIQUE constraint failed: users.pool_id, users.username_key"); PostgreSQL
 * names the index (23505, constraint "users_username_key").
 */
function violatedKey(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, message, constraint } = error as {
    code?: unknown;
    message?: unknown;
    constraint?: unknown;
  };
  const isUnique = code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
  if (!isUnique) return undefined;
  const text = `${typeof constraint === "string" ? constraint : ""} ${typeof message === "string" ? message : ""}`;
  if (text.includes("username_key")) return "username";
  if (text.includes("alias_email")) return "aliasEmail";
  if (text.includes("alias_phone_number")) return "aliasPhoneNumber";
  if (text.includes("alias_preferred_username")) return "aliasPreferredUsername";
  if (text.includes("sub")) return "sub";
  return "primary";
}

async function translatingUniqueViolations<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const key = violatedKey(error);
    if (key !== undefined) throw new UniqueViolation(key);
    throw error;
  }
}

function parseJsonObject(text: string): JsonObject {
  return JSON.parse(text) as JsonObject;
}

function keysToColumns(keys: UserKeys) {
  return {
    email: keys.email,
    phone_number: keys.phoneNumber,
    name: keys.name,
    given_name: keys.givenName,
    family_name: keys.familyName,
    preferred_username: keys.preferredUsername,
    alias_email: keys.aliasEmail,
    alias_phone_number: keys.aliasPhoneNumber,
    alias_preferred_username: keys.aliasPreferredUsername,
  };
}

function userFromRow(row: UserRow): UserRecord {
  return {
    id: Number(row.id),
    poolId: row.pool_id,
    username: row.username,
    usernameKey: row.username_key,
    sub: row.sub,
    status: row.status,
    enabled: row.enabled === 1,
    createdAt: Number(row.created_at),
    modifiedAt: Number(row.modified_at),
    attributes: JSON.parse(row.attributes) as Record<string, string>,
    passwordHash: row.password_hash,
    passwordExpiresAt: row.password_expires_at === null ? null : Number(row.password_expires_at),
    keys: {
      email: row.email,
      phoneNumber: row.phone_number,
      name: row.name,
      givenName: row.given_name,
      familyName: row.family_name,
      preferredUsername: row.preferred_username,
      aliasEmail: row.alias_email,
      aliasPhoneNumber: row.alias_phone_number,
      aliasPreferredUsername: row.alias_preferred_username,
    },
    version: row.version,
  };
}

function userToRow(user: NewUser) {
  return {
    pool_id: user.poolId,
    username: user.username,
    username_key: user.usernameKey,
    sub: user.sub,
    status: user.status,
    enabled: user.enabled ? 1 : 0,
    created_at: user.createdAt,
    modified_at: user.modifiedAt,
    attributes: JSON.stringify(user.attributes),
    password_hash: user.passwordHash,
    password_expires_at: user.passwordExpiresAt,
    ...keysToColumns(user.keys),
  };
}

/**
 * Upper bound of a prefix range in byte order (UTF-8): every string that
 * starts with p sorts below p followed by the highest code point.
 */
const PREFIX_END = "\u{10FFFF}";

export class KyselyStore implements Store {
  constructor(
    private readonly db: Kysely<Database> | Transaction<Database>,
    readonly engine: Engine,
    private readonly inTransaction = false,
  ) {}

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    return this.db.transaction().execute((trx) => fn(new KyselyStore(trx, this.engine, true)));
  }

  async close(): Promise<void> {
    if (!this.inTransaction) await (this.db as Kysely<Database>).destroy();
  }

  // --- settings -------------------------------------------------------------

  async getSetting(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
    return row?.value;
  }

  async putSettingIfAbsent(key: string, value: string): Promise<string> {
    await this.db
      .insertInto("settings")
      .values({ key, value })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    const stored = await this.getSetting(key);
    if (stored === undefined) throw new Error(`setting ${key} vanished after insert`);
    return stored;
  }

  // --- admin keys -----------------------------------------------------------

  async insertAdminKey(key: AdminKeyRecord): Promise<void> {
    await translatingUniqueViolations(() =>
      this.db
        .insertInto("admin_keys")
        .values({
          access_key_id: key.accessKeyId,
          sealed_secret: key.sealedSecret,
          description: key.description,
          created_at: key.createdAt,
        })
        .execute(),
    );
  }

  async getAdminKey(accessKeyId: string): Promise<AdminKeyRecord | undefined> {
    const row = await this.db.selectFrom("admin_keys").selectAll().where("access_key_id", "=", accessKeyId).executeTakeFirst();
    return row && adminKeyFromRow(row);
  }

  async listAdminKeys(): Promise<AdminKeyRecord[]> {
    const rows = await this.db.selectFrom("admin_keys").selectAll().orderBy("created_at").orderBy("access_key_id").execute();
    return rows.map(adminKeyFromRow);
  }

  async deleteAdminKey(accessKeyId: string): Promise<boolean> {
    const result = await this.db.deleteFrom("admin_keys").where("access_key_id", "=", accessKeyId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  // --- pools ----------------------------------------------------------------

  async insertPool(pool: PoolRecord): Promise<void> {
    await translatingUniqueViolations(() =>
      this.db
        .insertInto("pools")
        .values({
          id: pool.id,
          name: pool.name,
          created_at: pool.createdAt,
          modified_at: pool.modifiedAt,
          settings: JSON.stringify(pool.settings),
        })
        .execute(),
    );
  }

  async getPool(id: string): Promise<PoolRecord | undefined> {
    const row = await this.db.selectFrom("pools").selectAll().where("id", "=", id).executeTakeFirst();
    return row && poolFromRow(row);
  }

  async updatePool(pool: PoolRecord): Promise<boolean> {
    const result = await this.db
      .updateTable("pools")
      .set({
        name: pool.name,
        modified_at: pool.modifiedAt,
        settings: JSON.stringify(pool.settings),
      })
      .where("id", "=", pool.id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async deletePool(id: string): Promise<boolean> {
    return this.transaction(async (tx) => {
      const db = (tx as KyselyStore).db;
      await db.deleteFrom("outbox").where("pool_id", "=", id).execute();
      await db.deleteFrom("users").where("pool_id", "=", id).execute();
      await db.deleteFrom("clients").where("pool_id", "=", id).execute();
      const result = await db.deleteFrom("pools").where("id", "=", id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    });
  }

  async listPools(page: { after?: string; limit: number }): Promise<PoolRecord[]> {
    let query = this.db.selectFrom("pools").selectAll().orderBy("id").limit(page.limit);
    if (page.after !== undefined) query = query.where("id", ">", page.after);
    return (await query.execute()).map(poolFromRow);
  }

  async countPools(): Promise<number> {
    const row = await this.db
      .selectFrom("pools")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // --- clients --------------------------------------------------------------

  async insertClient(client: ClientRecord): Promise<void> {
    await translatingUniqueViolations(() =>
      this.db
        .insertInto("clients")
        .values({
          id: client.id,
          pool_id: client.poolId,
          name: client.name,
          sealed_secret: client.sealedSecret,
          created_at: client.createdAt,
          modified_at: client.modifiedAt,
          settings: JSON.stringify(client.settings),
        })
        .execute(),
    );
  }

  async getClient(id: string): Promise<ClientRecord | undefined> {
    const row = await this.db.selectFrom("clients").selectAll().where("id", "=", id).executeTakeFirst();
    return row && clientFromRow(row);
  }

  async updateClient(client: ClientRecord): Promise<boolean> {
    const result = await this.db
      .updateTable("clients")
      .set({
        name: client.name,
        modified_at: client.modifiedAt,
        settings: JSON.stringify(client.settings),
      })
      .where("id", "=", client.id)
      .where("pool_id", "=", client.poolId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async deleteClient(poolId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom("clients").where("id", "=", id).where("pool_id", "=", poolId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async listClients(poolId: string, page: { after?: string; limit: number }): Promise<ClientRecord[]> {
    let query = this.db.selectFrom("clients").selectAll().where("pool_id", "=", poolId).orderBy("id").limit(page.limit);
    if (page.after !== undefined) query = query.where("id", ">", page.after);
    return (await query.execute()).map(clientFromRow);
  }

  async countClients(poolId: string): Promise<number> {
    const row = await this.db
      .selectFrom("clients")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("pool_id", "=", poolId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // --- users ----------------------------------------------------------------

  async insertUser(user: NewUser): Promise<UserRecord> {
    const row = await translatingUniqueViolations(() =>
      this.db
        .insertInto("users")
        .values({ ...userToRow(user), version: 1 })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    return userFromRow(row);
  }

  async findUser(poolId: string, lookup: UserLookup): Promise<UserRecord | undefined> {
    let query = this.db.selectFrom("users").selectAll().where("pool_id", "=", poolId);
    if (lookup.by === "usernameKey") query = query.where("username_key", "=", lookup.value);
    else if (lookup.by === "sub") query = query.where("sub", "=", lookup.value);
    else query = query.where(ALIAS_COLUMNS[lookup.column], "=", lookup.value);
    const row = await query.executeTakeFirst();
    return row && userFromRow(row);
  }

  async updateUser(user: UserRecord): Promise<UserRecord> {
    const { pool_id: _pool, created_at: _created, sub: _sub, ...changes } = userToRow(user);
    const result = await translatingUniqueViolations(() =>
      this.db
        .updateTable("users")
        .set({ ...changes, version: user.version + 1 })
        .where("id", "=", user.id)
        .where("version", "=", user.version)
        .executeTakeFirst(),
    );
    if (result.numUpdatedRows === 0n) throw new StaleWrite();
    return { ...user, version: user.version + 1 };
  }

  async deleteUser(poolId: string, id: number): Promise<boolean> {
    const result = await this.db.deleteFrom("users").where("pool_id", "=", poolId).where("id", "=", id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async listUsers(q: UserQuery): Promise<UserRecord[]> {
    let query = this.db.selectFrom("users").selectAll().where("pool_id", "=", q.poolId).limit(q.limit);
    const filter = q.filter;
    if (filter === undefined) {
      if (q.after !== undefined) query = query.where("username_key", ">", q.after.usernameKey);
      query = query.orderBy("username_key");
    } else {
      const column = filter.column;
      // `enabled` is the one integer column; everything else compares as text.
      const value = (v: string): string | number => (column === "enabled" ? Number(v) : v);
      const first = filter.values[0] ?? "";
      if (filter.op === "equals") query = query.where(column, "=", value(first));
      else if (filter.op === "prefix") query = query.where(column, ">=", first).where(column, "<", first + PREFIX_END);
      else query = query.where(column, "in", filter.values.map(value));
      if (q.after !== undefined) {
        const after = q.after;
        query = query.where((eb) =>
          eb(eb.refTuple(column, "username_key"), ">", eb.tuple(value(after.sortValue), after.usernameKey)),
        );
      }
      query = query.orderBy(column).orderBy("username_key");
    }
    return (await query.execute()).map(userFromRow);
  }

  async countUsers(poolId: string): Promise<number> {
    const row = await this.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("pool_id", "=", poolId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // --- outbox ---------------------------------------------------------------

  async appendMessage(message: NewMessage): Promise<MessageRecord> {
    const row = await this.db
      .insertInto("outbox")
      .values({
        pool_id: message.poolId,
        created_at: message.createdAt,
        username: message.username,
        delivery_medium: message.deliveryMedium,
        destination: message.destination,
        subject: message.subject,
        body: message.body,
        reason: message.reason,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return messageFromRow(row);
  }

  async listMessages(q: MessageQuery): Promise<MessageRecord[]> {
    let query = this.db.selectFrom("outbox").selectAll().orderBy("id").limit(q.limit);
    if (q.poolId !== undefined) query = query.where("pool_id", "=", q.poolId);
    if (q.destination !== undefined) query = query.where("destination", "=", q.destination);
    if (q.afterId !== undefined) query = query.where("id", ">", q.afterId);
    return (await query.execute()).map(messageFromRow);
  }
}

function adminKeyFromRow(row: Selectable<Database["admin_keys"]>): AdminKeyRecord {
  return {
    accessKeyId: row.access_key_id,
    sealedSecret: row.sealed_secret,
    description: row.description,
    createdAt: Number(row.created_at),
  };
}

function poolFromRow(row: Selectable<Database["pools"]>): PoolRecord {
  return {
    id: row.id,
    name: row.name,
    createdAt: Number(row.created_at),
    modifiedAt: Number(row.modified_at),
    settings: parseJsonObject(row.settings),
  };
}

function clientFromRow(row: Selectable<Database["clients"]>): ClientRecord {
  return {
    id: row.id,
    poolId: row.pool_id,
    name: row.name,
    sealedSecret: row.sealed_secret,
    createdAt: Number(row.created_at),
    modifiedAt: Number(row.modified_at),
    settings: parseJsonObject(row.settings),
  };
}

function messageFromRow(row: Selectable<Database["outbox"]>): MessageRecord {
  return {
    id: Number(row.id),
    poolId: row.pool_id,
    createdAt: Number(row.created_at),
    username: row.username,
    deliveryMedium: row.delivery_medium === "SMS" ? "SMS" : "EMAIL",
    destination: row.destination,
    subject: row.subject,
    body: row.body,
    reason: row.reason,
  };
}
