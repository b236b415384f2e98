import { InvalidParameterException } from "../../errors.js";
import type { ListedUser } from "../../store/records.js";
import { compact } from "../kernel/compact.js";
import type { DomainContext } from "../kernel/context.js";
import { pageLimit, readPage } from "../kernel/pageToken.js";
import { getPool, type Pool } from "../pools/pools.js";
import { matchesNothing, parseListUsersFilter } from "./listUsersFilter.js";
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

/** Where a page ends, in the store's keyset order: (sort column value, username key). */
type Position = [sortValue: string, usernameKey: string];

function isPosition(position: unknown): position is Position {
  return Array.isArray(position) && position.length === 2 && position.every((part) => typeof part === "string");
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
  const listing = {
    scope: tokenScope(pool.id, request.filter),
    member: "PaginationToken",
    isPosition,
    positionOf: (last: ListedUser): Position => [last.sortValue, last.usernameKey],
  };
  const page = await readPage(ctx, listing, limit, request.paginationToken, async (range) => {
    // Even when nothing can match, readPage has checked the token first.
    if (matchesNothing(filter)) return [];
    const after = range.after === undefined ? undefined : { sortValue: range.after[0], usernameKey: range.after[1] };
    return ctx.store.users.list(compact({ poolId: pool.id, filter, after, limit: range.limit }));
  });
  return compact({ users: page.items.map(userFromRecord), attributes, nextToken: page.nextToken });
}
