import { type KeyObject, sign, verify } from "node:crypto";

export type JwtPayload = Record<string, unknown>;

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * Signs a JWT with RS256. node:crypto's callback form runs the RSA private
 * key operation on libuv's thread pool: two signatures per sign-in (ID and
 * access token) would otherwise hold the event loop about 0.5 ms.
 */
export function signJwt(header: { kid: string; alg: "RS256" }, payload: JwtPayload, privateKey: KeyObject): Promise<string> {
  const signingInput = `${encode(header)}.${encode(payload)}`;
  return new Promise((resolve, reject) => {
    sign("sha256", Buffer.from(signingInput), privateKey, (error, signature) => {
      if (error) reject(error);
      else resolve(`${signingInput}.${signature.toString("base64url")}`);
    });
  });
}

export interface DecodedJwt {
  header: { kid?: unknown; alg?: unknown };
  payload: JwtPayload;
  signingInput: string;
  signature: Buffer;
}

/** Splits and decodes a compact JWS without trusting it; undefined when it is not one. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  try {
    const decodedHeader = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as unknown;
    const decodedPayload = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown;
    if (
      typeof decodedHeader !== "object" ||
      decodedHeader === null ||
      typeof decodedPayload !== "object" ||
      decodedPayload === null
    ) {
      return undefined;
    }
    return {
      header: decodedHeader,
      payload: decodedPayload as JwtPayload,
      signingInput: `${header}.${payload}`,
      signature: Buffer.from(signature, "base64url"),
    };
  } catch {
    return undefined;
  }
}

/** Checks an RS256 signature (on the thread pool, like signing). */
export function verifyJwtSignature(decoded: DecodedJwt, publicKey: KeyObject): Promise<boolean> {
  if (decoded.header.alg !== "RS256") return Promise.resolve(false);
  return new Promise((resolve) => {
    verify("sha256", Buffer.from(decoded.signingInput), publicKey, decoded.signature, (error, valid) => resolve(!error && valid));
  });
}
