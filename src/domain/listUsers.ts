import { InvalidParameterException } from "../errors.js";
import type { DomainContext } from "./context.js";
import { matchesNothing, parseListUsersFilter } from "./listUsersFilter.js";
import { decodePageToken, pageOf } from "./pageToken.js";
import { getPool, type Pool } from "./pools.js";
import { type User, userFromRecord } from "./user.js";

export interface ListUsersRequest {
  filter?: string;
  limit?: number;
  paginationToken?: string;
  attributesToGet?: readonly string[];
}

export interface ListUsersPage {
  users: User[];
  /** The attributes to return for each user; undefined means all of them. */
  attributes?: ReadonlySet<string>;
  nextToken?: string;
}

/**
 * Up to 60 users when Limit is omitted (reference §6, UNVERIFIED there; the
 * model's maximum). One user report says the real default is 25
 * (aws-sdk-js-v3#7013); either way a page may hold fewer users than asked
 * for, so callers already follow the token.
 */
export const DEFAULT_LIMIT = 60;

/** Where a page ends, in the store's keyset order: (sort column value, username key). */
type Position = [sortValue: string, usernameKey: string];

/**
 * Limit 0 is refused. The model allows 0..60, but the one real observation
 * of 0 on a Cognito list limit modelled the same way (AdminListGroupsForUser,
 * aws-sdk-js#2193; research notes user-lifecycle §8) is a validation error,
 * "…Member must have value greater than or equal to 1". The alternatives are
 * worse: an empty page with a token makes a paginator loop for ever, and an
 * empty page without one tells the caller the pool is empty. The message
 * names 'limit' (the member) where that capture named an internal 'maxItems'.
 */
export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (limit === 0) {
    throw new InvalidParameterException(
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  }
  return limit;
}

/**
 * AttributesToGet (reference §6; research notes user-lifecycle §8 and
 * pools-clients-errors §6): `sub` named explicitly is "Input fails to satisfy
 * the constraints." (H); a name the pool's schema lacks is "One or more
 * requested attributes do not exist." (H). An empty list is accepted and
 * gives users with no attributes at all, as reported for the real service
 * (aws-sdk-js#2570, M), though the reference's table says "all attributes".
 */
function requestedAttributes(pool: Pool, names: readonly string[]): ReadonlySet<string> {
  if (names.includes("sub")) throw new InvalidParameterException("Input fails to satisfy the constraints.");
  const known = new Set(pool.settings.SchemaAttributes.map((attribute) => attribute.Name));
  if (names.some((name) => !known.has(name))) {
    throw new InvalidParameterException("One or more requested attributes do not exist.");
  }
  return new Set(names);
}

/**
 * A token resumes only the listing that issued it: the same pool and the
 * same Filter text (reference §6: "request with the same parameters"). Pool
 * ids cannot contain ':', so the scope is unambiguous.
 */
function tokenScope(poolId: string, filter: string | undefined): string {
  return `users:${poolId}:${filter ?? ""}`;
}

function decodePosition(ctx: DomainContext, scope: string, token: string): { sortValue: string; usernameKey: string } {
  const position = decodePageToken<unknown>(ctx, scope, token, "PaginationToken");
  // The MAC proves we issued it; the shape check guards against tokens of another server version.
  if (!Array.isArray(position) || position.length !== 2 || !position.every((part) => typeof part === "string")) {
    throw new InvalidParameterException("Invalid PaginationToken: the token is malformed, expired or from another request.");
  }
  const [sortValue, usernameKey] = position as Position;
  return { sortValue, usernameKey };
}

/**
 * ListUsers. The filter runs in the store over its (pool, column, username
 * key) index and pages by keyset: a token holds the last (value, username
 * key) returned and the next page starts strictly after it. So users added
 * or deleted between pages never make the walk skip or repeat a user who
 * was there throughout (reference §6: "no duplicates within one pagination
 * chain"), and no page loads more than Limit + 1 rows.
 */
export async function listUsers(ctx: DomainContext, poolId: string, request: ListUsersRequest): Promise<ListUsersPage> {
  // Limit first: its answer has the form of a model validation error, and those precede everything else
  // (research notes pools-clients-errors §5, "Order of checks").
  const limit = pageLimit(request.limit);
  const pool = await getPool(ctx, poolId);
  const filter = parseListUsersFilter(pool.settings, request.filter);
  const attributes = request.attributesToGet === undefined ? undefined : requestedAttributes(pool, request.attributesToGet);
  const scope = tokenScope(pool.id, request.filter);
  const after = request.paginationToken === undefined ? undefined : decodePosition(ctx, scope, request.paginationToken);
  const withAttributes = attributes === undefined ? {} : { attributes };
  if (matchesNothing(filter)) return { users: [], ...withAttributes };

  const rows = await ctx.store.listUsers({
    poolId: pool.id,
    ...(filter === undefined ? {} : { filter }),
    ...(after === undefined ? {} : { after }),
    limit: limit + 1,
  });
  const page = pageOf(ctx, scope, rows, limit, (last): Position => [last.sortValue, last.usernameKey]);
  return {
    users: page.items.map(userFromRecord),
    ...withAttributes,
    ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }),
  };
}
