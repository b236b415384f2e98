import { compareBytes } from "../../store/prefixRange.js";
import type { DomainContext } from "../kernel/context.js";
import type { Pool } from "../pools/pools.js";
import type { User } from "../users/user.js";
import { MAX_GROUPS_PER_USER } from "./groupMembers.js";
import type { Group } from "./groups.js";

/** What a user's groups put in tokens (reference §5.3); the token code decides which token carries which claim. */
export interface GroupClaims {
  /** `cognito:groups` (ID and access tokens); empty when the user is in no group, and then the claim is left out. */
  groups: string[];
  /** `cognito:roles` (ID token): the groups' role ARNs, in the same order, each once. */
  roles: string[];
  /** `cognito:preferred_role` (ID token); unset when no group has a role or the best-placed groups disagree. */
  preferredRole?: string;
}

/** Precedence as a sort key: lower wins, and a group without one loses to any group with one (CreateGroup docs). */
function rank(group: Group): number {
  return group.precedence ?? Number.POSITIVE_INFINITY;
}

function byPrecedenceThenName(a: Group, b: Group): number {
  if (rank(a) !== rank(b)) return rank(a) < rank(b) ? -1 : 1;
  return compareBytes(a.name, b.name);
}

/**
 * The claims for a list of groups, in any order.
 *
 * `cognito:groups` lists groups by ascending precedence, groups without a
 * precedence last, ties in name order (byte order). Cognito documents no
 * order; the reference suggests this one (§5.3, UNVERIFIED), a real token
 * shows it (aws-amplify/amplify-js#2390: groups and roles listed lowest
 * precedence first), and AWS's own sample authorizer relies on the first
 * group being the highest-precedence one
 * (amazon-archives/aws-serverless-auth-reference-app#7,
 * `payload['cognito:groups'][0] === 'adminGroup'`).
 *
 * `cognito:roles` holds every group role in that order, each ARN once
 * (identity pools read the claim as a set: "multiple cognito:roles
 * matches", Cognito Identity RoleMapping docs).
 *
 * `cognito:preferred_role` follows the Precedence documentation of
 * CreateGroup: the role of the group with the lowest precedence among those
 * with a role; when several such groups share that precedence (groups
 * without a precedence tie with each other), their role is used only if
 * they all have the same one, and otherwise the claim is not set.
 */
export function claimsOf(groups: readonly Group[]): GroupClaims {
  const ordered = [...groups].sort(byPrecedenceThenName);
  const withRoles = ordered.filter((group): group is Group & { roleArn: string } => group.roleArn !== null);
  const roles = [...new Set(withRoles.map((group) => group.roleArn))];
  const best = withRoles[0];
  if (best === undefined) return { groups: ordered.map((group) => group.name), roles };
  const tied = new Set(withRoles.filter((group) => rank(group) === rank(best)).map((group) => group.roleArn));
  return {
    groups: ordered.map((group) => group.name),
    roles,
    ...(tied.size === 1 ? { preferredRole: best.roleArn } : {}),
  };
}

/**
 * The group claims of a user's tokens, read when a token is issued: tokens
 * issued earlier keep the groups they were issued with (reference §3.1).
 * A user is in at most MAX_GROUPS_PER_USER groups, so one read finds them all.
 */
export async function groupClaims(ctx: DomainContext, pool: Pool, user: User): Promise<GroupClaims> {
  return claimsOf(await ctx.store.memberships.groupsOf(pool.id, user.id, { limit: MAX_GROUPS_PER_USER }));
}
