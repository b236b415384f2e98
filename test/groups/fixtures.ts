import assert from "node:assert/strict";
import {
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  type CreateGroupCommandInput,
  type GroupType,
  paginateAdminListGroupsForUser,
  paginateListUsersInGroup,
} from "@aws-sdk/client-cognito-identity-provider";
import { addUserToGroup } from "../../src/domain/groups/groupMembers.js";
import { createGroup as createGroupInDomain, type GroupSettings } from "../../src/domain/groups/groups.js";
import { getPool } from "../../src/domain/pools/pools.js";
import { userKeys } from "../../src/domain/users/userKeys.js";
import type { TestServer } from "../support/testServer.js";

export const ROLE_A = "arn:aws:iam::123456789012:role/GroupRoleA";
export const ROLE_B = "arn:aws:iam::123456789012:role/GroupRoleB";

/** Creates a group through the API and returns it as the API answered. */
export async function createGroup(
  client: CognitoIdentityProviderClient,
  poolId: string,
  name: string,
  input: Partial<CreateGroupCommandInput> = {},
): Promise<GroupType> {
  const out = await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: name, ...input }));
  assert.ok(out.Group);
  return out.Group;
}

/** Creates groups through the domain, skipping HTTP, for tests that need many; the API is what they assert on. */
export async function seedGroups(t: TestServer, poolId: string, names: readonly string[], settings: GroupSettings = {}) {
  for (const name of names) await createGroupInDomain(t.server.domain, poolId, name, settings);
}

/** Adds a user to groups through the domain, skipping HTTP. */
export async function seedMemberships(t: TestServer, poolId: string, username: string, groupNames: readonly string[]) {
  for (const name of groupNames) await addUserToGroup(t.server.domain, poolId, username, name);
}

/** Inserts confirmed users straight into the store (no password hashing, no HTTP) and returns their usernames. */
export async function seedUsers(t: TestServer, poolId: string, usernames: readonly string[]): Promise<string[]> {
  const ctx = t.server.domain;
  const pool = await getPool(ctx, poolId);
  await ctx.store.transaction(async (tx) => {
    for (const username of usernames) {
      const attributes = { email: `${username}@example.com` };
      await tx.users.insert({
        poolId,
        username,
        usernameKey: username,
        sub: ctx.random.uuid(),
        status: "CONFIRMED",
        enabled: true,
        createdAt: ctx.clock.now(),
        modifiedAt: ctx.clock.now(),
        attributes,
        passwordHash: null,
        passwordExpiresAt: null,
        srpSalt: null,
        srpVerifier: null,
        keys: userKeys(pool.settings, attributes),
      });
    }
  });
  return [...usernames];
}

/** `prefix-000`, `prefix-001`, …: names that sort in creation order. */
export function numbered(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, "0")}`);
}

/** Every group name of a user, following NextToken with the SDK's paginator. */
export async function groupNamesOf(client: CognitoIdentityProviderClient, poolId: string, username: string, pageSize = 60) {
  const names: string[] = [];
  for await (const page of paginateAdminListGroupsForUser({ client, pageSize }, { UserPoolId: poolId, Username: username })) {
    names.push(...(page.Groups ?? []).map((g) => g.GroupName ?? ""));
  }
  return names;
}

/** Every member's username, following NextToken with the SDK's paginator. */
export async function memberNamesOf(client: CognitoIdentityProviderClient, poolId: string, groupName: string, pageSize = 60) {
  const names: string[] = [];
  for await (const page of paginateListUsersInGroup({ client, pageSize }, { UserPoolId: poolId, GroupName: groupName })) {
    names.push(...(page.Users ?? []).map((u) => u.Username ?? ""));
  }
  return names;
}
