import type { PreparedRequest, Signer } from "./signer.js";

/** Sends one request outside any load (setup: creating clients, collecting tokens) and returns its JSON answer. */
export async function call(url: string, request: PreparedRequest): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: "POST", headers: request.headers, body: request.body });
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${request.operation} failed: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * Requests for pages at every depth of a listing, and the first page 100
 * times. Page tokens are sealed by the server, so a deep page can only be
 * asked for with a token it issued: this walks the whole listing once and
 * keeps every token (a token stays good for an hour, reference §6).
 */
export async function pageRequests(
  url: string,
  sign: Signer,
  listing: { operation: string; input: object; tokenMember: "NextToken" | "PaginationToken" },
): Promise<{ requests: PreparedRequest[]; pages: number }> {
  const page = (token: string) => sign(listing.operation, { ...listing.input, [listing.tokenMember]: token });
  const firstPage = sign(listing.operation, listing.input);
  const deeper: PreparedRequest[] = [];
  let request = firstPage;
  for (;;) {
    const token = (await call(url, request))[listing.tokenMember];
    if (typeof token !== "string") break;
    request = page(token);
    deeper.push(request);
  }
  return { requests: [...Array.from({ length: 100 }, () => firstPage), ...deeper], pages: deeper.length + 1 };
}
