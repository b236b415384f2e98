import { createHmac, timingSafeEqual } from "node:crypto";
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

function mac(ctx: DomainContext, body: string): Buffer {
  return createHmac("sha256", ctx.sealer.deriveKey("page-token")).update(body).digest().subarray(0, 16);
}

/**
 * Pagination tokens: opaque to clients, MACed so they cannot be forged or
 * edited, bound to the listing (and its parameters) they came from.
 */
export function encodePageToken<P>(ctx: DomainContext, scope: string, position: P): string {
  const body = Buffer.from(
    JSON.stringify({
      s: scope,
      t: ctx.clock.now(),
      p: position,
    } satisfies TokenBody<P>),
  );
  return `${body.toString("base64url")}.${mac(ctx, body.toString("base64url")).toString("base64url")}`;
}

export function decodePageToken<P>(ctx: DomainContext, scope: string, token: string, memberName: string): P {
  const invalid = () =>
    new InvalidParameterException(`Invalid ${memberName}: the token is malformed, expired or from another request.`);
  const [body, tag] = token.split(".");
  if (body === undefined || tag === undefined) throw invalid();
  const expected = mac(ctx, body);
  const given = Buffer.from(tag, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  const parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as TokenBody<P>;
  if (parsed.s !== scope || ctx.clock.now() - parsed.t > TOKEN_LIFETIME_MS) throw invalid();
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
