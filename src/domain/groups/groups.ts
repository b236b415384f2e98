import { GroupExistsException, LimitExceededException, ResourceNotFoundException } from "../../errors.js";
import type { GroupRecord } from "../../store/records.js";
import { UniqueViolation } from "../../store/store.js";
import { compact } from "../kernel/compact.js";
import type { DomainContext } from "../kernel/context.js";
import { nameListing, pageLimit, readPage } from "../kernel/pageToken.js";
import { getPool, type Pool } from "../pools/pools.js";

/** A user pool group; the store keeps it as the domain sees it. */
export type Group = GroupRecord;

/** Reference §8.2: groups per pool. */
export const MAX_GROUPS_PER_POOL = 10_000;

/**
 * "Group not found." is what Cognito answers AdminAddUserToGroup with for an
 * unknown group (observed: aws-amplify/amplify-cli#2214, a PostConfirmation
 * trigger's log: "ResourceNotFoundException: Group not found."); the other
 * group operations are assumed to say the same (reference §10).
 */
function groupNotFound(): ResourceNotFoundException {
  return new ResourceNotFoundException("Group not found.");
}

export async function requireGroup(ctx: DomainContext, pool: Pool, name: string): Promise<Group> {
  const group = await ctx.store.groups.get(pool.id, name);
  if (group === undefined) throw groupNotFound();
  return group;
}

export interface GroupSettings {
  description?: string;
  roleArn?: string;
  precedence?: number;
}

/**
 * CreateGroup (reference §3.3). Names are unique per pool and, as the store
 * compares them, case-sensitive (reference: UNVERIFIED). The duplicate's
 * message is the reference's, which Cognito emulators reproduce (getmoto/moto
 * cognitoidp/models.py create_group: "A group with the name already exists",
 * without the full stop); no capture of the real service was found. The
 * count before the insert can let concurrent creates pass the limit by a few,
 * as CreateUserPool's and CreateUserPoolClient's do.
 */
export async function createGroup(ctx: DomainContext, poolId: string, name: string, settings: GroupSettings): Promise<Group> {
  const pool = await getPool(ctx, poolId);
  if ((await ctx.store.groups.count(pool.id)) >= MAX_GROUPS_PER_POOL) {
    throw new LimitExceededException(`The limit of ${MAX_GROUPS_PER_POOL} groups for user pool ${pool.id} has been reached.`);
  }
  const now = ctx.clock.now();
  const group: Group = {
    poolId: pool.id,
    name,
    description: settings.description ?? null,
    roleArn: settings.roleArn ?? null,
    precedence: settings.precedence ?? null,
    createdAt: now,
    modifiedAt: now,
  };
  try {
    await ctx.store.groups.insert(group);
  } catch (error) {
    if (error instanceof UniqueViolation) throw new GroupExistsException("A group with the name already exists.");
    throw error;
  }
  return group;
}

export async function getGroup(ctx: DomainContext, poolId: string, name: string): Promise<Group> {
  return requireGroup(ctx, await getPool(ctx, poolId), name);
}

/**
 * UpdateGroup has replace semantics: a member the request omits goes back to
 * its default (none), as the API reference says: "If you don't provide a
 * value for an attribute, it will be set to the default value" (UpdateGroup
 * documentation, e.g. as the paws and boto3 docs carry it), the same rule as
 * UpdateUserPool and UpdateUserPoolClient (reference §0.11).
 */
export async function updateGroup(ctx: DomainContext, poolId: string, name: string, settings: GroupSettings): Promise<Group> {
  const group = await getGroup(ctx, poolId, name);
  const updated: Group = {
    ...group,
    description: settings.description ?? null,
    roleArn: settings.roleArn ?? null,
    precedence: settings.precedence ?? null,
    modifiedAt: ctx.clock.now(),
  };
  if (!(await ctx.store.groups.update(updated))) throw groupNotFound();
  return updated;
}

/** DeleteGroup: the group's memberships go with it, so members' later tokens no longer name it (reference §3.3). */
export async function deleteGroup(ctx: DomainContext, poolId: string, name: string): Promise<void> {
  const pool = await getPool(ctx, poolId);
  if (!(await ctx.store.groups.delete(pool.id, name))) throw groupNotFound();
}

/**
 * ListGroups: a pool's groups in name order (byte order), Limit 0..60 as for
 * every Cognito list (pageLimit, pageToken.ts). No order is documented; name
 * order is the key's, so a token resumes exactly after the last group
 * returned however groups are added or deleted meanwhile.
 */
export async function listGroups(
  ctx: DomainContext,
  poolId: string,
  limit: number | undefined,
  nextToken: string | undefined,
): Promise<{ groups: Group[]; nextToken?: string }> {
  const size = pageLimit(limit);
  const pool = await getPool(ctx, poolId);
  const listing = nameListing(`groups:${pool.id}`, (group: Group) => group.name);
  const page = await readPage(ctx, listing, size, nextToken, (range) => ctx.store.groups.list(pool.id, range));
  return compact({ groups: page.items, nextToken: page.nextToken });
}
