import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import {
  IncompleteSignatureException,
  InvalidSignatureException,
  MissingAuthenticationTokenException,
  UnrecognizedClientException,
} from "../errors.js";

/** What SigV4 verification needs of a request. Header names are lower case; a header may repeat. */
export interface SignedRequest {
  method: string;
  /** The path and query exactly as received. */
  target: string;
  headers: ReadonlyMap<string, readonly string[]>;
  body: Buffer;
}

export interface SigV4Options {
  region: string;
  service: string;
  /** The secret of an access key id, or undefined when the key is unknown. */
  secretFor(accessKeyId: string): Promise<string | undefined>;
  /** Wall-clock now (ms). Transport time, not the domain clock: tests move the latter freely. */
  now(): number;
}

/** The issue asks for 15 minutes either way (SigV4's own allowance). */
const MAX_SKEW_MS = 15 * 60 * 1000;
const ALGORITHM = "AWS4-HMAC-SHA256";

const INVALID_SIGNATURE =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

interface Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(header: string): Authorization {
  if (!header.startsWith(`${ALGORITHM} `)) {
    throw new IncompleteSignatureException(`Authorization header must use the ${ALGORITHM} algorithm.`);
  }
  const parts = new Map<string, string>();
  for (const part of header.slice(ALGORITHM.length + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) parts.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = parts.get("Credential");
  const signedHeaders = parts.get("SignedHeaders");
  const signature = parts.get("Signature");
  const missing = [
    credential === undefined ? "'Credential'" : undefined,
    signedHeaders === undefined ? "'SignedHeaders'" : undefined,
    signature === undefined ? "'Signature'" : undefined,
  ].filter((m) => m !== undefined);
  if (credential === undefined || signedHeaders === undefined || signature === undefined) {
    throw new IncompleteSignatureException(`Authorization header requires ${missing.join(", ")} parameter(s).`);
  }
  const scope = credential.split("/");
  const [accessKeyId, date, region, service, terminator] = scope;
  if (
    scope.length !== 5 ||
    accessKeyId === undefined ||
    date === undefined ||
    region === undefined ||
    service === undefined ||
    terminator !== "aws4_request"
  ) {
    throw new IncompleteSignatureException("Credential must have the form <key id>/<date>/<region>/<service>/aws4_request.");
  }
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(";"), signature };
}

/**
 * x-amz-* headers a request may carry unsigned, because their values change
 * nothing here and real senders leave them unsigned: CloudFront adds
 * X-Amz-Cf-Id to every request it forwards, after the client signed; awscurl
 * sends X-Amz-Content-Sha256 unsigned, and this server hashes the body it
 * received instead of reading that header.
 */
const MAY_BE_UNSIGNED = new Set(["x-amz-cf-id", "x-amz-content-sha256"]);

/** "x-amz-target" → "X-Amz-Target", as AWS names headers in its messages. */
function headerTitle(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

/**
 * SigV4 requires `host` and every `x-amz-*` header the request carries to be
 * signed (AWS IAM User Guide, "Create a signed AWS API request"), and so
 * must `content-type`, which says how the body is read. Without this, a
 * captured signature for one operation would serve for any other: the
 * operation is named by X-Amz-Target. The AWS SDKs sign every header but
 * user-agent, expect, transfer-encoding and x-amzn-trace-id (and botocore's
 * amz-sdk-*); `curl --aws-sigv4` signs host, x-amz-date and every header
 * given with -H (not the form Content-Type it adds when none is given, which
 * is not Cognito's). AWS answers InvalidSignatureException, worded as below
 * (e.g. aws/aws-sdk-php#2469 for host).
 */
function requireSignedHeaders(headers: ReadonlyMap<string, readonly string[]>, signedHeaders: readonly string[]): void {
  const signed = new Set(signedHeaders);
  if (!signed.has("host")) {
    throw new InvalidSignatureException("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  for (const name of headers.keys()) {
    const mustSign = name === "content-type" || (name.startsWith("x-amz-") && !MAY_BE_UNSIGNED.has(name));
    if (mustSign && !signed.has(name)) {
      throw new InvalidSignatureException(`'${headerTitle(name)}' must be a 'SignedHeader' in the AWS Authorization.`);
    }
  }
}

/** "20260101T120000Z" → epoch ms, or NaN. */
function parseAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (m === null) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

function formatAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters is %XX (upper case). */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function canonicalUri(path: string): string {
  return path
    .split("/")
    .map((segment) => uriEncode(safeDecode(segment)))
    .join("/");
}

function canonicalQuery(query: string): string {
  if (query === "") return "";
  return query
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const key = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? "" : pair.slice(eq + 1);
      return [uriEncode(safeDecode(key.replace(/\+/g, " "))), uriEncode(safeDecode(value.replace(/\+/g, " ")))] as const;
    })
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();

/**
 * Verifies AWS Signature Version 4 on a request and returns the access key
 * id that signed it. Failures are the AWS-common errors Cognito's front end
 * answers with (research notes, reference §1.7).
 */
export class SigV4Verifier {
  /** Signing keys per (key, date, region, service): four HMACs saved on every request. Kept in memory only, like the secrets. */
  private readonly signingKeys = new Map<string, Buffer>();

  constructor(private readonly options: SigV4Options) {}

  async verify(request: SignedRequest): Promise<string> {
    const header = request.headers.get("authorization")?.[0];
    if (header === undefined) throw new MissingAuthenticationTokenException("Missing Authentication Token");
    const auth = parseAuthorization(header);

    const amzDate = request.headers.get("x-amz-date")?.[0];
    if (amzDate === undefined) {
      throw new IncompleteSignatureException(
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
      );
    }
    const signedAt = parseAmzDate(amzDate);
    if (Number.isNaN(signedAt)) throw new IncompleteSignatureException(`X-Amz-Date '${amzDate}' is not an ISO 8601 basic date.`);
    requireSignedHeaders(request.headers, auth.signedHeaders);
    if (auth.date !== amzDate.slice(0, 8)) {
      throw new InvalidSignatureException(
        `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${amzDate.slice(0, 8)}'`,
      );
    }
    if (auth.region !== this.options.region) {
      // AWS's sentence (aws/aws-sdk-js#4545, joona/aws-es-curl#15), then the region this server answers
      // for, worded as S3 names the expected region ("the region 'x' is wrong; expecting 'y'").
      throw new InvalidSignatureException(
        `Credential should be scoped to a valid region, not '${auth.region}'. Expecting '${this.options.region}'.`,
      );
    }
    if (auth.service !== this.options.service) {
      throw new InvalidSignatureException(`Credential should be scoped to correct service: '${this.options.service}'.`);
    }
    const now = this.options.now();
    if (signedAt < now - MAX_SKEW_MS) {
      throw new InvalidSignatureException(
        `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(now - MAX_SKEW_MS)} (${formatAmzDate(now)} - 15 min.)`,
      );
    }
    if (signedAt > now + MAX_SKEW_MS) {
      throw new InvalidSignatureException(
        `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(now + MAX_SKEW_MS)} (${formatAmzDate(now)} + 15 min.)`,
      );
    }

    const secret = await this.options.secretFor(auth.accessKeyId);
    if (secret === undefined) throw new UnrecognizedClientException("The security token included in the request is invalid.");

    const expected = this.signature(request, auth, amzDate, secret);
    const given = Buffer.from(auth.signature, "utf8");
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new InvalidSignatureException(INVALID_SIGNATURE);
    return auth.accessKeyId;
  }

  private signature(request: SignedRequest, auth: Authorization, amzDate: string, secret: string): Buffer {
    const queryAt = request.target.indexOf("?");
    const path = queryAt < 0 ? request.target : request.target.slice(0, queryAt);
    const query = queryAt < 0 ? "" : request.target.slice(queryAt + 1);
    const headerLines = auth.signedHeaders.map((name) => {
      const values = request.headers.get(name) ?? [];
      return `${name}:${values.map((v) => v.trim().replace(/\s+/g, " ")).join(",")}\n`;
    });
    const canonicalRequest = [
      request.method,
      canonicalUri(path),
      canonicalQuery(query),
      headerLines.join(""),
      auth.signedHeaders.join(";"),
      // Always the hash of the bytes received: a tampered body cannot keep a valid signature.
      sha256Hex(request.body),
    ].join("\n");
    const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
    const stringToSign = `${ALGORITHM}\n${amzDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;
    return Buffer.from(hmac(this.signingKey(secret, auth), stringToSign).toString("hex"), "utf8");
  }

  private signingKey(secret: string, auth: Authorization): Buffer {
    const cacheKey = `${auth.date}/${auth.region}/${auth.service}/${auth.accessKeyId}/${secret}`;
    let key = this.signingKeys.get(cacheKey);
    if (key === undefined) {
      key = hmac(hmac(hmac(hmac(`AWS4${secret}`, auth.date), auth.region), auth.service), "aws4_request");
      if (this.signingKeys.size > 1000) this.signingKeys.clear();
      this.signingKeys.set(cacheKey, key);
    }
    return key;
  }
}
