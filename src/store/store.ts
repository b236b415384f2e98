import type {
  AdminKeyRecord,
  AuthSessionRecord,
  ClientRecord,
  CodeRecord,
  GroupRecord,
  ListedUser,
  MessageQuery,
  MessageRecord,
  NewCode,
  NewMessage,
  NewUser,
  PoolRecord,
  PoolResourceRecord,
  RefreshTokenRecord,
  SignInFailuresRecord,
  SigningKeyRecord,
  UserKeys,
  UserLookup,
  UserQuery,
  UserRecord,
} from "./records.js";

export type Engine = "sqlite" | "postgres";

/** A page of a listing in key order: rows strictly after `after`, at most `limit`. */
export interface Page {
  after?: string;
  limit: number;
}

/**
 * The storage contract: one repository per aggregate. One implementation
 * (kyselyStore.ts, with a file per repository in repositories/) serves both
 * engines; the contract suites in test/store/ hold both to this contract.
 */
export interface Store {
  readonly engine: Engine;
  /** Runs fn atomically; a store passed to fn must be used for every step inside. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;

  readonly settings: SettingsRepository;
  readonly adminKeys: AdminKeyRepository;
  readonly pools: PoolRepository;
  readonly clients: ClientRepository;
  readonly users: UserRepository;
  readonly codes: CodeRepository;
  readonly signingKeys: SigningKeyRepository;
  readonly refreshTokens: RefreshTokenRepository;
  /** Challenge sessions. */
  readonly sessions: AuthSessionRepository;
  readonly signInFailures: SignInFailureRepository;
  readonly userQuotas: UserQuotaRepository;
  readonly groups: GroupRepository;
  readonly memberships: MembershipRepository;
  readonly messages: MessageRepository;
  readonly poolResources: PoolResourceRepository;
}

export interface SettingsRepository {
  get(key: string): Promise<string | undefined>;
  /** Stores value unless the key exists; returns whichever value is stored afterwards. */
  putIfAbsent(key: string, value: string): Promise<string>;
}

export interface AdminKeyRepository {
  insert(key: AdminKeyRecord): Promise<void>;
  get(accessKeyId: string): Promise<AdminKeyRecord | undefined>;
  list(): Promise<AdminKeyRecord[]>;
  delete(accessKeyId: string): Promise<boolean>;
}

export interface PoolRepository {
  insert(pool: PoolRecord): Promise<void>;
  get(id: string): Promise<PoolRecord | undefined>;
  update(pool: PoolRecord): Promise<boolean>;
  /** Deletes the pool with everything in it (clients, users, groups, codes, keys, tokens, sessions, messages). */
  delete(id: string): Promise<boolean>;
  /** Pools ordered by id, strictly after `after`. */
  list(page: Page): Promise<PoolRecord[]>;
  count(): Promise<number>;
}

export interface ClientRepository {
  insert(client: ClientRecord): Promise<void>;
  /** Client ids are unique across pools: public operations name only the client. */
  get(id: string): Promise<ClientRecord | undefined>;
  /** Writes name, sealed secret, settings and modification time; false when the client is not in that pool. */
  update(client: ClientRecord): Promise<boolean>;
  delete(poolId: string, id: string): Promise<boolean>;
  /** Clients of a pool ordered by id, strictly after `after`. */
  list(poolId: string, page: Page): Promise<ClientRecord[]>;
  count(poolId: string): Promise<number>;
}

export interface UserRepository {
  /** Throws UniqueViolation naming the key ("username", "sub" or an alias column) that clashed. */
  insert(user: NewUser): Promise<UserRecord>;
  find(poolId: string, lookup: UserLookup): Promise<UserRecord | undefined>;
  /**
   * Writes user and its keys if its version is still current (else StaleWrite); returns it
   * with the next version. Given the row as it was (`before`), only what changed is written.
   */
  update(user: UserRecord, keys: UserKeys, before?: { user: UserRecord; keys: UserKeys }): Promise<UserRecord>;
  /** Deletes a user with the user's codes, refresh tokens, sessions, failure counts and group memberships. */
  delete(poolId: string, id: number): Promise<boolean>;
  /** One page in keyset order: (filter column, username key), or username key without a filter. */
  list(query: UserQuery): Promise<ListedUser[]>;
  count(poolId: string): Promise<number>;
}

export interface CodeRepository {
  /** Stores a code, replacing the user's live code for the same purpose, whose hash it keeps as supersededHash. */
  put(code: NewCode): Promise<CodeRecord>;
  get(userId: number, purpose: string): Promise<CodeRecord | undefined>;
  /**
   * Counts one attempt against a code in a single conditional statement, so attempts at the
   * same time (from any process) each count and none passes the limit: false when the code is
   * gone or already had `maxAttempts`.
   */
  recordAttempt(id: number, maxAttempts: number): Promise<boolean>;
  /** Removes a code; true only for the caller that removed it, so a code is used once. */
  delete(id: number): Promise<boolean>;
}

export interface SigningKeyRepository {
  insert(key: SigningKeyRecord): Promise<void>;
  /** A pool's signing keys, oldest first, retired ones included. */
  list(poolId: string): Promise<SigningKeyRecord[]>;
  /** Marks the pool's active keys retired at `at`. */
  retireActive(poolId: string, at: number): Promise<void>;
  /** Deletes the pool's keys retired before `before` (nothing they signed is still valid). */
  deleteRetiredBefore(poolId: string, before: number): Promise<void>;
}

export interface RefreshTokenRepository {
  insert(token: RefreshTokenRecord): Promise<void>;
  get(id: string): Promise<RefreshTokenRecord | undefined>;
  /**
   * Rotation: marks `oldId` rotated at `at` (keeping an earlier rotation's
   * time) and inserts its successor, atomically, if `oldId` is unrevoked and
   * either not rotated yet or rotated after `rotatedAfter` (within the grace
   * period). False, and nothing written, otherwise.
   */
  rotate(oldId: string, successor: RefreshTokenRecord, at: number, rotatedAfter: number): Promise<boolean>;
  /** Revokes every live refresh token of a user (global sign-out). */
  revokeAllOfUser(userId: number, at: number): Promise<void>;
  /** Revokes every refresh token of one sign-in: its first token and all rotated from it (RevokeToken). */
  revokeFamily(familyId: string, at: number): Promise<void>;
}

/** Challenge sessions. */
export interface AuthSessionRepository {
  insert(session: AuthSessionRecord): Promise<void>;
  get(id: string): Promise<AuthSessionRecord | undefined>;
  /**
   * Counts one wrong answer against a session in a single conditional statement, so answers at
   * the same time (from any process) each count and none passes the limit: the count afterwards,
   * or undefined when the session is gone or already had `maxAttempts`.
   */
  recordFailedAttempt(id: string, maxAttempts: number): Promise<number | undefined>;
  /** Removes a session; true only for the caller that removed it, so a session answers once. */
  delete(id: string): Promise<boolean>;
}

export interface SignInFailureRepository {
  get(userId: number): Promise<SignInFailuresRecord | undefined>;
  put(failures: SignInFailuresRecord): Promise<void>;
  /**
   * Counts a password attempt as a failure before the password is checked, in a single
   * conditional statement, so attempts at the same time (from any process) each count and
   * none slips past a lock: undefined (nothing counted) while the user is locked at `at`.
   * Otherwise the count becomes 1 when the user has no record or the last failure was before
   * `forgetBefore`, else one more; the last failure becomes `at`, and the lock `at` +
   * `lockMs[count]` (none where that is null; the last entry for higher counts). Returns the
   * record as it now is. A right password then clears the record.
   */
  claimAttempt(attempt: {
    userId: number;
    poolId: string;
    at: number;
    forgetBefore: number;
    lockMs: readonly (number | null)[];
  }): Promise<SignInFailuresRecord | undefined>;
  clear(userId: number): Promise<void>;
}

/** One use of a per-user quota: at most `limit` uses in a window of `windowMs` opened by the first. */
export interface UserQuotaUse {
  userId: number;
  poolId: string;
  quota: string;
  at: number;
  windowMs: number;
  limit: number;
}

/** Per-user quotas (attempts per user per hour, reference §8). */
export interface UserQuotaRepository {
  /**
   * Counts one use in a single conditional statement, so uses at the same time (from any
   * process) each count and none passes the limit: false (nothing counted) when the window
   * already has `limit` uses. A use after the window ended opens a new one.
   */
  take(use: UserQuotaUse): Promise<boolean>;
  /** Takes back one use (an attempt that turned out not to count). */
  giveBack(userId: number, quota: string): Promise<void>;
}

/** Groups of a pool (reference §3.1–§3.3). */
export interface GroupRepository {
  /** Throws UniqueViolation when the pool has a group of that name. */
  insert(group: GroupRecord): Promise<void>;
  get(poolId: string, name: string): Promise<GroupRecord | undefined>;
  /** Writes description, role, precedence and modification time; false when the group is absent. */
  update(group: GroupRecord): Promise<boolean>;
  /** Deletes a group with its memberships. */
  delete(poolId: string, name: string): Promise<boolean>;
  /** A pool's groups ordered by name (byte order), strictly after `after`. */
  list(poolId: string, page: Page): Promise<GroupRecord[]>;
  count(poolId: string): Promise<number>;
}

/** Which users of a pool are in which of its groups (reference §3.1–§3.3). */
export interface MembershipRepository {
  /**
   * Makes a user of the pool a member of one of its groups; true when the user
   * is a member afterwards, whether just added or already one. False when the
   * group or the user does not exist (in that pool), or the user is in
   * `maxGroupsOfUser` other groups; the caller finds out which.
   */
  add(poolId: string, groupName: string, userId: number, maxGroupsOfUser: number): Promise<boolean>;
  /** False when the user was not a member. */
  remove(poolId: string, groupName: string, userId: number): Promise<boolean>;
  /** The groups of a user of the pool (user ids are unique, so the pool only names them), by name (byte order), after `after`. */
  groupsOf(poolId: string, userId: number, page: Page): Promise<GroupRecord[]>;
  /** A group's members ordered by username key, strictly after `after` (a username key). */
  membersOf(poolId: string, groupName: string, page: Page): Promise<UserRecord[]>;
}

/** The outbox: messages the server would have sent. */
export interface MessageRepository {
  append(message: NewMessage): Promise<MessageRecord>;
  /** Messages in insertion order. */
  list(query: MessageQuery): Promise<MessageRecord[]>;
}

/**
 * A pool's configuration objects stored whole (domain, identity providers,
 * resource servers, UI customizations, log delivery): a JSON body under
 * (pool, kind, name), listed in name order (byte order).
 */
export interface PoolResourceRepository {
  /** Throws UniqueViolation when the pool has an object of that kind and name, or, for kind "domain", when any pool has that domain or this pool has a domain. */
  insert(resource: PoolResourceRecord): Promise<void>;
  /** Inserts, or replaces the body and modification time of the object there. */
  put(resource: PoolResourceRecord): Promise<void>;
  get(poolId: string, kind: string, name: string): Promise<PoolResourceRecord | undefined>;
  /** The object of that kind and name in any pool (first by pool id). */
  findByName(kind: string, name: string): Promise<PoolResourceRecord | undefined>;
  /** Replaces body and modification time; false when absent. */
  update(resource: PoolResourceRecord): Promise<boolean>;
  delete(poolId: string, kind: string, name: string): Promise<boolean>;
  /** The pool's objects of a kind ordered by name, strictly after `after`. */
  list(poolId: string, kind: string, page: Page): Promise<PoolResourceRecord[]>;
  count(poolId: string, kind: string): Promise<number>;
}

/** A unique key was already taken. `key` is "username", "sub", or the alias column. */
export class UniqueViolation extends Error {
  constructor(readonly key: string) {
    super(`unique key already taken: ${key}`);
    this.name = "UniqueViolation";
  }
}

/** The row changed since it was read; the caller should re-read and retry. */
export class StaleWrite extends Error {
  constructor() {
    super("row changed since it was read");
    this.name = "StaleWrite";
  }
}
