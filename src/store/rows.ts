import type { Selectable } from "kysely";
import type {
  AdminKeyRecord,
  AuthSessionRecord,
  ClientRecord,
  CodeRecord,
  GroupRecord,
  JsonObject,
  MessageRecord,
  NewUser,
  PoolRecord,
  PoolResourceRecord,
  RefreshTokenRecord,
  SignInFailuresRecord,
  SigningKeyRecord,
  UserKeys,
  UserMfaRecord,
  UserRecord,
} from "./records.js";
import type { Database } from "./schema.js";

/** The user columns reads return: the key columns are derived data, written but never read back. */
export const USER_COLUMNS = [
  "id",
  "pool_id",
  "username",
  "username_key",
  "sub",
  "status",
  "enabled",
  "created_at",
  "modified_at",
  "attributes",
  "password_hash",
  "password_expires_at",
  "srp_salt",
  "srp_verifier",
  "version",
  "mfa_enabled",
  "mfa_preferred",
  "totp_secret",
  "totp_pending_secret",
  "totp_device_name",
  "totp_last_step",
] as const;
export type UserRow = Pick<Selectable<Database["users"]>, (typeof USER_COLUMNS)[number]>;

export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/**
 * Client settings are read on nearly every request and rarely change;
 * re-parsing the same document each time showed up in profiles. Clients have
 * no record cache (pools do: kyselyStore.ts), so their parsed documents are
 * kept here per row id while the stored text is unchanged, and frozen, so no
 * caller can change a shared copy.
 */
class JsonDocuments {
  private readonly byId = new Map<string, { text: string; value: JsonObject }>();

  parse(id: string, text: string): JsonObject {
    const cached = this.byId.get(id);
    if (cached !== undefined && cached.text === text) return cached.value;
    const value = deepFreeze(JSON.parse(text) as JsonObject);
    if (this.byId.size >= 10_000) this.byId.clear();
    this.byId.set(id, { text, value });
    return value;
  }
}

const clientSettings = new JsonDocuments();

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

export function userFromRow(row: UserRow): UserRecord {
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
    srpSalt: row.srp_salt,
    srpVerifier: row.srp_verifier,
    version: row.version,
    mfa: {
      enabled: JSON.parse(row.mfa_enabled) as string[],
      preferred: row.mfa_preferred,
      totpSecret: row.totp_secret,
      pendingTotpSecret: row.totp_pending_secret,
      totpDeviceName: row.totp_device_name,
      totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    },
  };
}

const NO_MFA: UserMfaRecord = {
  enabled: [],
  preferred: null,
  totpSecret: null,
  pendingTotpSecret: null,
  totpDeviceName: null,
  totpLastStep: null,
};

function mfaToColumns(mfa: UserMfaRecord) {
  return {
    mfa_enabled: JSON.stringify(mfa.enabled),
    mfa_preferred: mfa.preferred,
    totp_secret: mfa.totpSecret,
    totp_pending_secret: mfa.pendingTotpSecret,
    totp_device_name: mfa.totpDeviceName,
    totp_last_step: mfa.totpLastStep,
  };
}

export function userToRow(user: Omit<NewUser, "keys">, keys: UserKeys) {
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
    ...mfaToColumns(user.mfa ?? NO_MFA),
    srp_salt: user.srpSalt,
    srp_verifier: user.srpVerifier,
    ...keysToColumns(keys),
  };
}

export function adminKeyFromRow(row: Selectable<Database["admin_keys"]>): AdminKeyRecord {
  return {
    accessKeyId: row.access_key_id,
    sealedSecret: row.sealed_secret,
    description: row.description,
    createdAt: Number(row.created_at),
  };
}

export function poolFromRow(row: Selectable<Database["pools"]>): PoolRecord {
  return {
    id: row.id,
    name: row.name,
    createdAt: Number(row.created_at),
    modifiedAt: Number(row.modified_at),
    settings: JSON.parse(row.settings) as JsonObject,
  };
}

export function clientFromRow(row: Selectable<Database["clients"]>): ClientRecord {
  return {
    id: row.id,
    poolId: row.pool_id,
    name: row.name,
    sealedSecret: row.sealed_secret,
    createdAt: Number(row.created_at),
    modifiedAt: Number(row.modified_at),
    settings: clientSettings.parse(row.id, row.settings),
  };
}

export function messageFromRow(row: Selectable<Database["outbox"]>): MessageRecord {
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

export function codeFromRow(row: Selectable<Database["codes"]>): CodeRecord {
  return {
    id: Number(row.id),
    poolId: row.pool_id,
    userId: Number(row.user_id),
    purpose: row.purpose,
    codeHash: row.code_hash,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    failedAttempts: row.failed_attempts,
    payload: row.payload,
    supersededHash: row.superseded_hash,
  };
}

export function signingKeyFromRow(row: Selectable<Database["signing_keys"]>): SigningKeyRecord {
  return {
    kid: row.kid,
    poolId: row.pool_id,
    use: row.key_use === "id" ? "id" : "access",
    publicJwk: JSON.parse(row.public_jwk) as JsonObject,
    sealedPrivateKey: row.sealed_private_key,
    createdAt: Number(row.created_at),
    retiredAt: row.retired_at === null ? null : Number(row.retired_at),
  };
}

export function refreshTokenFromRow(row: Selectable<Database["refresh_tokens"]>): RefreshTokenRecord {
  return {
    id: row.id,
    poolId: row.pool_id,
    clientId: row.client_id,
    userId: Number(row.user_id),
    userSub: row.user_sub,
    secretHash: row.secret_hash,
    authTime: Number(row.auth_time),
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
    familyId: row.family_id ?? row.id,
    rotatedAt: row.rotated_at === null ? null : Number(row.rotated_at),
  };
}

export function authSessionFromRow(row: Selectable<Database["auth_sessions"]>): AuthSessionRecord {
  return {
    id: row.id,
    poolId: row.pool_id,
    clientId: row.client_id,
    userId: Number(row.user_id),
    challenge: row.challenge,
    ...(JSON.parse(row.progress) as { passed: string[]; state: JsonObject }),
    failedAttempts: Number(row.failed_attempts),
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
  };
}

export function signInFailuresFromRow(row: Selectable<Database["sign_in_failures"]>): SignInFailuresRecord {
  return {
    userId: Number(row.user_id),
    poolId: row.pool_id,
    failures: row.failures,
    lastFailureAt: Number(row.last_failure_at),
    lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
  };
}

export function groupFromRow(row: Selectable<Database["groups"]>): GroupRecord {
  return {
    poolId: row.pool_id,
    name: row.name,
    description: row.description,
    roleArn: row.role_arn,
    precedence: row.precedence === null ? null : Number(row.precedence),
    createdAt: Number(row.created_at),
    modifiedAt: Number(row.modified_at),
  };
}

export function groupToRow(group: GroupRecord): Selectable<Database["groups"]> {
  return {
    pool_id: group.poolId,
    name: group.name,
    description: group.description,
    role_arn: group.roleArn,
    precedence: group.precedence,
    created_at: group.createdAt,
    modified_at: group.modifiedAt,
  };
}

export function poolResourceFromRow(row: Selectable<Database["pool_resources"]>): PoolResourceRecord {
  return {
    poolId: row.pool_id,
    kind: row.kind,
    name: row.name,
    body: JSON.parse(row.body) as unknown,
    createdAt: Number(row.created_at),
    modifiedAt: Number(row.modified_at),
  };
}

export function poolResourceToRow(resource: PoolResourceRecord): Selectable<Database["pool_resources"]> {
  return {
    pool_id: resource.poolId,
    kind: resource.kind,
    name: resource.name,
    body: JSON.stringify(resource.body),
    created_at: resource.createdAt,
    modified_at: resource.modifiedAt,
  };
}
