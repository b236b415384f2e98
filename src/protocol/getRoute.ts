import type { SignedRequest } from "./sigv4.js";
import type { ProtocolResponse } from "./wire.js";

/** What a GET route sees of a request: the path, the query, and what SigV4 verification needs. */
export interface GetRequest {
  path: string;
  query: URLSearchParams;
  signed: SignedRequest;
}

/** A GET route beside the API: health, JWKS, discovery, the outbox. Returns undefined when the path is not its. */
export type GetRoute = (request: GetRequest) => Promise<ProtocolResponse | undefined>;

/** A JSON answer for a GET route. */
export function jsonResponse(status: number, body: object): ProtocolResponse {
  return { status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}
