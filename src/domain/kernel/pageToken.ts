import { InvalidParameterException } from "../../errors.js";
import { compact } from "./compact.js";
import type { DomainContext } from "./context.js";

/** Cognito's list tokens expire after an hour (reference §6). */
const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Up to 60 items when Limit is omitted (reference §6, UNVERIFIED there; the
 * model's maximum). One user report says ListUsers' real default is 25
 * (aws-sdk-js-v3#7013); either way a page may hold fewer items than asked
 * for, so callers already follow the token.
 */
const DEFAULT_LIMIT = 60;

/**
 * The page size a list request asks for (ListUsers, ListGroups,
 * AdminListGroupsForUser, ListUsersInGroup). Limit 0 is refused. The model
 * allows 0..60, but the one real observation of 0 on a Cognito list limit
 * modelled the same way (AdminListGroupsForUser, aws-sdk-js#2193; research
 * notes user-lifecycle §8) is a validation error, "…Member must have value
 * greater than or equal to 1". The alternatives are worse: an empty page
 * with a token makes a paginator loop for ever, and an empty page without
 * one tells the caller the list is empty. The message names 'limit' (the
 * member) where that capture named an internal 'maxItems'.
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

interface TokenBody<P> {
  /** What the token pages through, e.g. "users:<pool>:<filter>"; a token is only good for the same listing. */
  s: string;
  /** Issue time, epoch ms. */
  t: number;
  p: P;
}

/**
 * Pagination tokens: sealed (AES-GCM), so they are opaque to clients and
 * cannot be forged or edited, and bound to the listing (and its parameters)
 * they came from.
 */
function encodePageToken<P>(ctx: DomainContext, scope: string, position: P): string {
  const body: TokenBody<P> = { s: scope, t: ctx.clock.now(), p: position };
  return ctx.sealer.sealToken("page-token", JSON.stringify(body));
}

/**
 * The position a token holds. The seal proves this server's key issued it;
 * `isPosition` checks that the position has the shape this listing uses,
 * which a token from another server version may not.
 */
function decodePageToken<P>(
  ctx: DomainContext,
  scope: string,
  token: string,
  memberName: string,
  isPosition: (position: unknown) => position is P,
): P {
  const plaintext = ctx.sealer.openToken("page-token", token);
  const parsed = plaintext === undefined ? undefined : (JSON.parse(plaintext) as TokenBody<unknown>);
  if (parsed === undefined || parsed.s !== scope || ctx.clock.now() - parsed.t > TOKEN_LIFETIME_MS || !isPosition(parsed.p)) {
    throw new InvalidParameterException(`Invalid ${memberName}: the token is malformed, expired or from another request.`);
  }
  return parsed.p;
}

/** A position that is one name: an id, a group name, a username key. */
function isName(position: unknown): position is string {
  return typeof position === "string";
}

/**
 * Cuts one page from rows fetched with `limit + 1`: the extra row only tells
 * that more exist, and the token resumes after the last row returned.
 */
function pageOf<T, P>(
  ctx: DomainContext,
  scope: string,
  rows: T[],
  limit: number,
  positionOf: (last: T) => P,
): { items: T[]; nextToken?: string } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  if (rows.length > limit && last !== undefined) return { items, nextToken: encodePageToken(ctx, scope, positionOf(last)) };
  return { items };
}

/** A keyset listing: what it pages through and how its tokens hold a position. */
export interface Listing<T, P> {
  /** Binds the tokens to this listing and its parameters (see encodePageToken). */
  scope: string;
  /** The request member that carries the token, as errors name it. */
  member: string;
  isPosition: (position: unknown) => position is P;
  /** Where the next page starts: strictly after this row. */
  positionOf: (last: T) => P;
}

/** A listing whose tokens hold one name (an id, a group name, a username key), carried in NextToken. */
export function nameListing<T>(scope: string, nameOf: (last: T) => string): Listing<T, string> {
  return { scope, member: "NextToken", isPosition: isName, positionOf: nameOf };
}

/** The rows `fetch` is asked for: up to `limit`, strictly after `after` when there is a position. */
export interface Range<P> {
  after?: P;
  limit: number;
}

/**
 * One page of a listing: the position the request's token holds, if any,
 * then up to `limit` rows after it from `fetch` (asked for one more, to
 * tell whether a next page exists), and a token for that next page.
 */
export async function readPage<T, P>(
  ctx: DomainContext,
  listing: Listing<T, P>,
  limit: number,
  token: string | undefined,
  fetch: (range: Range<P>) => Promise<T[]>,
): Promise<{ items: T[]; nextToken?: string }> {
  const after = token === undefined ? undefined : decodePageToken(ctx, listing.scope, token, listing.member, listing.isPosition);
  const rows = await fetch(compact({ after, limit: limit + 1 }));
  return pageOf(ctx, listing.scope, rows, limit, listing.positionOf);
}
