import type {
  AdminKeyRecord,
  AliasColumn,
  AuthSessionRecord,
  ClientRecord,
  GroupRecord,
  NewMessage,
  NewUser,
  PoolRecord,
  RefreshTokenRecord,
  UserKeys,
  UserRecord,
} from "../../src/store/records.js";
import type { Store } from "../../src/store/store.js";

/** A user's keys with none set, or only the ones given: the store tests' starting point. */
export function noKeys(overrides: Partial<UserKeys> = {}): UserKeys {
  return {
    email: null,
    phoneNumber: null,
    name: null,
    givenName: null,
    familyName: null,
    preferredUsername: null,
    aliasEmail: null,
    aliasPhoneNumber: null,
    aliasPreferredUsername: null,
    ...overrides,
  };
}

// Every store test names its own rows (fresh ids, pools and subs), so the tests of one
// engine share a single store without seeing each other's data.

let sequence = 0;

/** A name no other fixture in this run uses; zero-padded so names sort in creation order. */
export function unique(label: string): string {
  sequence += 1;
  return `${label}-${String(sequence).padStart(6, "0")}`;
}

export function newPool(overrides: Partial<PoolRecord> = {}): PoolRecord {
  return {
    id: unique("pool"),
    name: "a pool",
    createdAt: 1_700_000_000_000,
    modifiedAt: 1_700_000_000_000,
    settings: { MfaConfiguration: "OFF", Policies: { PasswordPolicy: { MinimumLength: 8 } }, Tags: ["ünïcödé", "🔑"] },
    ...overrides,
  };
}

export function newClient(poolId: string, overrides: Partial<ClientRecord> = {}): ClientRecord {
  return {
    id: unique("client"),
    poolId,
    name: "a client",
    sealedSecret: null,
    createdAt: 1_700_000_000_000,
    modifiedAt: 1_700_000_000_000,
    settings: { ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH"] },
    ...overrides,
  };
}

export function newUser(poolId: string, overrides: Partial<NewUser> = {}): NewUser {
  const username = overrides.username ?? unique("user");
  return {
    poolId,
    username,
    usernameKey: username.toLowerCase(),
    sub: unique("sub"),
    status: "CONFIRMED",
    enabled: true,
    createdAt: 1_700_000_000_000,
    modifiedAt: 1_700_000_000_000,
    attributes: { email: "someone@example.com", locale: "zoë 😀" },
    passwordHash: "$argon2id$hash",
    passwordExpiresAt: null,
    srpSalt: "8ce8291892390f6b53a245933faf6164",
    srpVerifier: "v1.sealed-verifier",
    keys: noKeys(),
    ...overrides,
  };
}

/** A live first refresh token of a sign-in of `user` (its own family), as the sign-in record tests start from. */
export function newRefreshToken(user: UserRecord, overrides: Partial<RefreshTokenRecord> = {}): RefreshTokenRecord {
  const id = overrides.id ?? unique("rt");
  return {
    id,
    familyId: id,
    poolId: user.poolId,
    clientId: "c",
    userId: user.id,
    userSub: user.sub,
    secretHash: "h",
    authTime: 1,
    createdAt: 1,
    expiresAt: 2,
    revokedAt: null,
    rotatedAt: null,
    ...overrides,
  };
}

/** A challenge session of `user` with nothing passed, no state and no wrong answers. */
export function newAuthSession(user: UserRecord, overrides: Partial<AuthSessionRecord> = {}): AuthSessionRecord {
  return {
    id: unique("session"),
    poolId: user.poolId,
    clientId: "c",
    userId: user.id,
    challenge: "X",
    passed: [],
    state: {},
    failedAttempts: 0,
    createdAt: 1,
    expiresAt: 2,
    ...overrides,
  };
}

export function newMessage(poolId: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    poolId,
    createdAt: 1_700_000_000_000,
    username: "someone",
    deliveryMedium: "EMAIL",
    destination: unique("dest") + "@example.com",
    subject: "Your code",
    body: "Your code is 123456",
    reason: "CustomMessage_SignUp",
    ...overrides,
  };
}

export function newAdminKey(overrides: Partial<AdminKeyRecord> = {}): AdminKeyRecord {
  return {
    accessKeyId: unique("AKIA"),
    sealedSecret: "sealed:secret",
    description: "a key",
    createdAt: 1_700_000_000_000,
    ...overrides,
  };
}

export const ALIASES: readonly { column: AliasColumn; value: string }[] = [
  { column: "aliasEmail", value: "alias@example.com" },
  { column: "aliasPhoneNumber", value: "+15555550100" },
  { column: "aliasPreferredUsername", value: "the-alias" },
];

export function newGroup(poolId: string, overrides: Partial<GroupRecord> = {}): GroupRecord {
  return {
    poolId,
    name: unique("group"),
    description: "a group ✓",
    roleArn: "arn:aws:iam::123456789012:role/a-role",
    precedence: 3,
    createdAt: 1_700_000_000_000,
    modifiedAt: 1_700_000_000_000,
    ...overrides,
  };
}

/** Fixtures that exist in the store `s()` names, for tests about what lives inside pools and groups. */
export function existingRows(s: () => Store) {
  return {
    /** A pool that exists in the store. */
    async existingPool(): Promise<string> {
      const pool = newPool();
      await s().pools.insert(pool);
      return pool.id;
    },
    async existingGroup(poolId: string, overrides: Partial<GroupRecord> = {}): Promise<GroupRecord> {
      const group = newGroup(poolId, overrides);
      await s().groups.insert(group);
      return group;
    },
  };
}

/** The names of groups (or other named records), in the order given. */
export const names = (records: readonly { name: string }[]) => records.map((r) => r.name);

/** The usernames of users, in the order given. */
export const usernames = (users: UserRecord[]) => users.map((u) => u.username);
