import type { Kysely } from "kysely";
import { StoreCore } from "./core.js";
import { AdminKeys } from "./repositories/adminKeys.js";
import { Clients } from "./repositories/clients.js";
import { Codes } from "./repositories/codes.js";
import { Groups } from "./repositories/groups.js";
import { Memberships } from "./repositories/memberships.js";
import { Messages } from "./repositories/messages.js";
import { PoolResources } from "./repositories/poolResources.js";
import { Pools } from "./repositories/pools.js";
import { RefreshTokens } from "./repositories/refreshTokens.js";
import { AuthSessions } from "./repositories/sessions.js";
import { Settings } from "./repositories/settings.js";
import { SignInFailures } from "./repositories/signInFailures.js";
import { SigningKeys } from "./repositories/signingKeys.js";
import { UserQuotas } from "./repositories/userQuotas.js";
import { Users } from "./repositories/users.js";
import type { Database } from "./schema.js";
import { createShared, type DirectReader } from "./shared.js";
import type { Engine, Store } from "./store.js";

/** The store over one database or transaction: a repository of each kind, all over one core. */
export class KyselyStore implements Store {
  readonly engine: Engine;
  readonly settings: Settings;
  readonly adminKeys: AdminKeys;
  readonly pools: Pools;
  readonly clients: Clients;
  readonly users: Users;
  readonly codes: Codes;
  readonly signingKeys: SigningKeys;
  readonly refreshTokens: RefreshTokens;
  readonly sessions: AuthSessions;
  readonly signInFailures: SignInFailures;
  readonly userQuotas: UserQuotas;
  readonly groups: Groups;
  readonly memberships: Memberships;
  readonly messages: Messages;
  readonly poolResources: PoolResources;

  constructor(private readonly core: StoreCore) {
    this.engine = core.engine;
    this.settings = new Settings(core);
    this.adminKeys = new AdminKeys(core);
    this.pools = new Pools(core);
    this.clients = new Clients(core);
    this.users = new Users(core);
    this.codes = new Codes(core);
    this.signingKeys = new SigningKeys(core);
    this.refreshTokens = new RefreshTokens(core);
    this.sessions = new AuthSessions(core);
    this.signInFailures = new SignInFailures(core);
    this.userQuotas = new UserQuotas(core);
    this.groups = new Groups(core);
    this.memberships = new Memberships(core);
    this.messages = new Messages(core);
    this.poolResources = new PoolResources(core);
  }

  /** A store over a freshly opened database; `direct` on engines that can read synchronously (SQLite). */
  static over(db: Kysely<Database>, engine: Engine, direct?: DirectReader): KyselyStore {
    return new KyselyStore(new StoreCore(db, engine, createShared(db, direct)));
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.core.inTransaction) return fn(this);
    return this.core.transaction((core) => fn(new KyselyStore(core)));
  }

  close(): Promise<void> {
    return this.core.close();
  }
}
