import { LimitExceededException } from "../../errors.js";
import type { UserRecord } from "../../store/records.js";
import { compact } from "../kernel/compact.js";
import type { DomainContext } from "../kernel/context.js";
import { nameListing, pageLimit, readPage } from "../kernel/pageToken.js";
import { getPool } from "../pools/pools.js";
import { type User, userFromRecord } from "../users/user.js";
import { requireUser } from "../users/userLookup.js";
import { type Group, requireGroup } from "./groups.js";

/** Reference §8.2: groups per user. */
export const MAX_GROUPS_PER_USER = 100;

/*
 * Order of checks in the membership operations: pool, then user, then group,
 * as every other Admin* operation finds its user first. Which of an unknown
 * user and an unknown group Cognito reports first is not documented.
 */

/**
 * AdminAddUserToGroup (reference §3.1). Adding a member again is not an
 * error (reference: UNVERIFIED; emulators agree: moto keeps members in a set,
 * faiscadev/fakecloud#160 "idempotent add-to-group"; the model has no error
 * for it and no output to report it in). The 101st group is refused with
 * LimitExceededException, the quota's error (reference §8.2, §10; message
 * UNVERIFIED), unless the user is already a member of it.
 *
 * The group is not read first: the store's one conditional write finds it,
 * and only a refused add looks up why, in the order of the checks above.
 */
export async function addUserToGroup(ctx: DomainContext, poolId: string, username: string, groupName: string): Promise<void> {
  const pool = await getPool(ctx, poolId);
  const user = await requireUser(ctx, pool, username);
  if (await ctx.store.memberships.add(pool.id, groupName, user.id, MAX_GROUPS_PER_USER)) return;
  await requireGroup(ctx, pool, groupName);
  // The user may have been deleted since it was read.
  await requireUser(ctx, pool, username);
  throw new LimitExceededException(`A user can be a member of at most ${MAX_GROUPS_PER_USER} groups.`);
}

/** AdminRemoveUserFromGroup (reference §3.1): removing a user who is not a member is not an error (UNVERIFIED). */
export async function removeUserFromGroup(
  ctx: DomainContext,
  poolId: string,
  username: string,
  groupName: string,
): Promise<void> {
  const pool = await getPool(ctx, poolId);
  const user = await requireUser(ctx, pool, username);
  const group = await requireGroup(ctx, pool, groupName);
  await ctx.store.memberships.remove(pool.id, group.name, user.id);
}

/**
 * AdminListGroupsForUser (reference §3.1): the user's groups in name order
 * (byte order), one range of the membership key. Cognito documents no order
 * and no capture shows one; name order is the one a token can resume exactly
 * (precedence repeats and changes), and it matches ListGroups. Token claims
 * order groups by precedence instead (groupClaims.ts).
 */
export async function listGroupsForUser(
  ctx: DomainContext,
  poolId: string,
  username: string,
  limit: number | undefined,
  nextToken: string | undefined,
): Promise<{ groups: Group[]; nextToken?: string }> {
  const size = pageLimit(limit);
  const pool = await getPool(ctx, poolId);
  const user = await requireUser(ctx, pool, username);
  // The user's id, not the name: a token must not carry over to a new user of the same name.
  const listing = nameListing(`user-groups:${pool.id}:${user.id}`, (group: Group) => group.name);
  const page = await readPage(ctx, listing, size, nextToken, (range) => ctx.store.memberships.groupsOf(pool.id, user.id, range));
  return compact({ groups: page.items, nextToken: page.nextToken });
}

/**
 * ListUsersInGroup (reference §3.2): members in username-key order, the
 * token holding the last key returned, so each page is one range of the
 * (group, username key) index however large the group; members added or
 * removed between pages never make the walk skip or repeat another member.
 */
export async function listUsersInGroup(
  ctx: DomainContext,
  poolId: string,
  groupName: string,
  limit: number | undefined,
  nextToken: string | undefined,
): Promise<{ users: User[]; nextToken?: string }> {
  const size = pageLimit(limit);
  const pool = await getPool(ctx, poolId);
  const group = await requireGroup(ctx, pool, groupName);
  // Pool ids contain no ':', so the group name, last, cannot make two scopes collide.
  const listing = nameListing(`group-users:${pool.id}:${group.name}`, (member: UserRecord) => member.usernameKey);
  const page = await readPage(ctx, listing, size, nextToken, (range) =>
    ctx.store.memberships.membersOf(pool.id, group.name, range),
  );
  return compact({ users: page.items.map(userFromRecord), nextToken: page.nextToken });
}
