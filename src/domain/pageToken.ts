import { InvalidParameterException } from "../errors.js";
import type { DomainContext } from "./context.js";

/** Cognito's list tokens expire after an hour (reference §6). */
const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

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
export function encodePageToken<P>(ctx: DomainContext, scope: string, position: P): string {
  const body: TokenBody<P> = { s: scope, t: ctx.clock.now(), p: position };
  return ctx.sealer.sealToken("page-token", JSON.stringify(body));
}

export function decodePageToken<P>(ctx: DomainContext, scope: string, token: string, memberName: string): P {
  const plaintext = ctx.sealer.openToken("page-token", token);
  const parsed = plaintext === undefined ? undefined : (JSON.parse(plaintext) as TokenBody<P>);
  if (parsed === undefined || parsed.s !== scope || ctx.clock.now() - parsed.t > TOKEN_LIFETIME_MS) {
    throw new InvalidParameterException(`Invalid ${memberName}: the token is malformed, expired or from another request.`);
  }
  return parsed.p;
}

/**
 * Cuts one page from rows fetched with `limit + 1`: the extra row only tells
 * that more exist, and the token resumes after the last row returned.
 */
export function pageOf<T, P>(
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
