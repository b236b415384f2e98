import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import { REGION, TEST_CREDENTIALS } from "./testServer.js";

/** The hash constructor @smithy/signature-v4 wants (SHA-256, or HMAC-SHA256 with a secret), over node:crypto. */
type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === "string"
    ? data
    : data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(this.secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: string;
  json: Record<string, unknown>;
}

export async function rawPost(url: string, headers: Record<string, string>, body: string | Buffer): Promise<RawResponse> {
  const response = await fetch(`${url}/`, { method: "POST", headers, body });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON; callers look at the text
  }
  return { status: response.status, headers: response.headers, body: text, json };
}

/** Headers of a Cognito JSON 1.1 call, without a signature. */
export function jsonHeaders(operation: string): Record<string, string> {
  return {
    "content-type": "application/x-amz-json-1.1",
    "x-amz-target": `AWSCognitoIdentityProviderService.${operation}`,
  };
}

/** Signs a GET of one of the server's admin routes (e.g. the outbox) for service cognito-idp. */
export async function signedGet(url: string, pathAndQuery: string, credentials = TEST_CREDENTIALS): Promise<Response> {
  return fetch(new URL(pathAndQuery, url), { headers: await signedGetHeaders(url, pathAndQuery, credentials) });
}

/** The headers of such a GET, signed as curl --aws-sigv4 signs it: host and x-amz-date. */
export async function signedGetHeaders(
  url: string,
  pathAndQuery: string,
  credentials = TEST_CREDENTIALS,
): Promise<Record<string, string>> {
  const target = new URL(pathAndQuery, url);
  const signer = new SignatureV4({ credentials, region: REGION, service: "cognito-idp", sha256: NodeSha256 });
  const query: Record<string, string> = {};
  for (const [key, value] of target.searchParams) query[key] = value;
  const signed = await signer.sign({
    method: "GET",
    protocol: target.protocol,
    hostname: target.hostname,
    port: Number(target.port),
    path: target.pathname,
    query,
    headers: { host: target.host },
  });
  return signed.headers as Record<string, string>;
}

export interface SigningOptions {
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region?: string;
  signingDate?: Date;
  /** Headers to send besides the JSON 1.1 ones (names in lower case). */
  extraHeaders?: Record<string, string>;
  /**
   * Sign only these headers (and x-amz-date, x-amz-security-token), as clients
   * that sign fewer than the AWS SDK do; no x-amz-content-sha256 is added then.
   * By default every header is signed, with x-amz-content-sha256, as the SDK does.
   */
  signOnly?: readonly string[];
}

/** Signs a Cognito call the way the AWS SDK does (or as `signOnly` says), returning the headers to send. */
export async function signedHeaders(
  url: string,
  operation: string,
  body: string,
  options: SigningOptions = {},
): Promise<Record<string, string>> {
  const endpoint = new URL(url);
  const signer = new SignatureV4({
    credentials: options.credentials ?? TEST_CREDENTIALS,
    region: options.region ?? REGION,
    service: "cognito-idp",
    sha256: NodeSha256,
    applyChecksum: options.signOnly === undefined,
  });
  const headers: Record<string, string> = {
    ...jsonHeaders(operation),
    host: endpoint.host,
    ...(options.signOnly === undefined ? { "x-amz-content-sha256": createHash("sha256").update(body).digest("hex") } : {}),
    ...options.extraHeaders,
  };
  const signOnly = options.signOnly;
  const unsignableHeaders =
    signOnly === undefined ? undefined : new Set(Object.keys(headers).filter((name) => !signOnly.includes(name)));
  const signed = await signer.sign(
    {
      method: "POST",
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      port: Number(endpoint.port),
      path: "/",
      headers,
      body,
    },
    {
      ...(options.signingDate === undefined ? {} : { signingDate: options.signingDate }),
      ...(unsignableHeaders === undefined ? {} : { unsignableHeaders }),
    },
  );
  return signed.headers as Record<string, string>;
}
