/**
 * What the store keeps, in storage terms. The store does not interpret
 * settings or attributes; the domain decides what they mean and which
 * normalised keys (search and alias columns) a user row carries.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface AdminKeyRecord {
  accessKeyId: string;
  /** The secret, sealed with the server's master key. */
  sealedSecret: string;
  description: string | null;
  createdAt: number;
}

export interface PoolRecord {
  id: string;
  name: string;
  createdAt: number;
  modifiedAt: number;
  settings: JsonObject;
}

export interface ClientRecord {
  id: string;
  poolId: string;
  name: string;
  /** The client secret, sealed with the server's master key; null for public clients. */
  sealedSecret: string | null;
  createdAt: number;
  modifiedAt: number;
  settings: JsonObject;
}

/** Columns ListUsers can filter on; values are normalised by the domain. */
export const SEARCH_COLUMNS = [
  "username_key",
  "email",
  "phone_number",
  "name",
  "given_name",
  "family_name",
  "preferred_username",
  "sub",
  "status",
  "enabled",
] as const;
export type SearchColumn = (typeof SEARCH_COLUMNS)[number];

/** Normalised lookup keys of a user. Alias columns are unique per pool; null means "no alias". */
export interface UserKeys {
  email: string | null;
  phoneNumber: string | null;
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  preferredUsername: string | null;
  aliasEmail: string | null;
  aliasPhoneNumber: string | null;
  aliasPreferredUsername: string | null;
}

export type AliasColumn = "aliasEmail" | "aliasPhoneNumber" | "aliasPreferredUsername";

export interface UserRecord {
  id: number;
  poolId: string;
  username: string;
  usernameKey: string;
  sub: string;
  status: string;
  enabled: boolean;
  createdAt: number;
  modifiedAt: number;
  attributes: Record<string, string>;
  passwordHash: string | null;
  /** When the temporary password stops working (FORCE_CHANGE_PASSWORD), epoch ms. */
  passwordExpiresAt: number | null;
  /** The SRP salt (hex) and verifier (sealed) of the password, or null while the user has none (reference §4.3). */
  srpSalt: string | null;
  srpVerifier: string | null;
  /** Optimistic-concurrency counter: every update must name the version it read. */
  version: number;
  mfa: UserMfaRecord;
}

/** A user's multi-factor authentication state (migration 005_mfa.ts); the domain names the factors. */
export interface UserMfaRecord {
  /** The factors the user turned on. */
  enabled: string[];
  /** The one factor the user prefers, if any. */
  preferred: string | null;
  /** The verified TOTP authenticator's secret, sealed with the master key. */
  totpSecret: string | null;
  /** A TOTP secret handed out by AssociateSoftwareToken and not verified yet, sealed. */
  pendingTotpSecret: string | null;
  totpDeviceName: string | null;
  /** The last 30-second time step a TOTP code was accepted for. */
  totpLastStep: number | null;
}

/**
 * A user to insert, with its keys. Keys are derived from the attributes by
 * the domain and written with every insert and update, never read back, so
 * they cannot drift from the attributes they come from. A new user has no
 * MFA state: `mfa` may be left out.
 */
export type NewUser = Omit<UserRecord, "id" | "version" | "mfa"> & { keys: UserKeys; mfa?: UserMfaRecord };

/** A user as listUsers returns it, with its value in the sort column, to resume after it. */
export type ListedUser = UserRecord & { sortValue: string };

export type UserLookup =
  | { by: "usernameKey"; value: string }
  | { by: "sub"; value: string }
  | { by: "alias"; column: AliasColumn; value: string };

export interface UserQuery {
  poolId: string;
  filter?: {
    column: SearchColumn;
    op: "equals" | "prefix" | "in";
    values: string[];
  };
  /** Keyset position: rows strictly after (sortValue, usernameKey). */
  after?: { sortValue: string; usernameKey: string };
  limit: number;
}

export interface MessageRecord {
  id: number;
  poolId: string;
  createdAt: number;
  username: string;
  deliveryMedium: "EMAIL" | "SMS";
  destination: string;
  subject: string | null;
  body: string;
  /** Why it was sent, as Cognito's CustomMessage trigger source names it (e.g. CustomMessage_AdminCreateUser). */
  reason: string;
}

export type NewMessage = Omit<MessageRecord, "id">;

export interface MessageQuery {
  poolId?: string;
  destination?: string;
  afterId?: number;
  limit: number;
}

/** A one-time code, kept only as a keyed hash. At most one live code per user and purpose. */
export interface CodeRecord {
  id: number;
  poolId: string;
  userId: number;
  /** What the code is for, e.g. "SIGN_UP" or "FORGOT_PASSWORD"; the domain names them. */
  purpose: string;
  codeHash: string;
  createdAt: number;
  expiresAt: number;
  failedAttempts: number;
  /** What redeeming the code applies, e.g. a new email that waits for verification (reference §2.3). */
  payload: string | null;
  /** The hash of the code this one replaced, if any. */
  supersededHash: string | null;
}

export type NewCode = Omit<CodeRecord, "id" | "failedAttempts" | "supersededHash">;

/** An RSA key a pool signs ID or access tokens with; retired keys stay published until tokens they signed expire. */
export interface SigningKeyRecord {
  kid: string;
  poolId: string;
  use: "id" | "access";
  publicJwk: JsonObject;
  /** The private key (PKCS#8 PEM), sealed with the master key. */
  sealedPrivateKey: string;
  createdAt: number;
  retiredAt: number | null;
}

/**
 * A refresh token of a sign-in session. Without rotation a sign-in has one,
 * and its `id` is the origin_jti of every token issued from it; with
 * rotation each refresh replaces it with a successor of the same family.
 */
export interface RefreshTokenRecord {
  id: string;
  /** The sign-in's first refresh token: `id` for that token, the origin_jti of every token of the family. */
  familyId: string;
  poolId: string;
  clientId: string;
  userId: number;
  /** The user's sub, to find the user by (the fast, cached lookup). */
  userSub: string;
  /** A hash of the token's secret part; the token itself is never stored. */
  secretHash: string;
  authTime: number;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  /** When it was exchanged for its successor (rotation); null while it is the family's newest. */
  rotatedAt: number | null;
}

/** The server side of a challenge's Session: unguessable id, one user, one pending challenge. */
export interface AuthSessionRecord {
  id: string;
  poolId: string;
  clientId: string;
  userId: number;
  challenge: string;
  /** The steps of the sign-in passed so far, oldest first (challenge names, or the first factor's name). */
  passed: string[];
  /** What the pending challenge's factor keeps between asking and checking (e.g. a code's keyed hash). */
  state: JsonObject;
  /** Wrong answers given to the pending challenge with this session. */
  failedAttempts: number;
  createdAt: number;
  expiresAt: number;
}

/** Failed password sign-ins of a user, for the lockout (reference §2.6). */
export interface SignInFailuresRecord {
  userId: number;
  poolId: string;
  failures: number;
  lastFailureAt: number;
  lockedUntil: number | null;
}

/**
 * A user pool group (reference §3.3). Names are unique in a pool and compared
 * byte for byte; a group has no id of its own, so (poolId, name) is its key.
 * Precedence is null when unset: lower numbers win, and null loses to any number (§5.3).
 */
export interface GroupRecord {
  poolId: string;
  name: string;
  description: string | null;
  roleArn: string | null;
  precedence: number | null;
  createdAt: number;
  modifiedAt: number;
}

/**
 * One configuration object of a pool, stored whole (migration 009): `kind`
 * says what it is ("domain", "identity-provider", …) and `name` is its key
 * among the pool's objects of that kind. The store never reads the body.
 */
export interface PoolResourceRecord {
  poolId: string;
  kind: string;
  name: string;
  body: unknown;
  createdAt: number;
  modifiedAt: number;
}
