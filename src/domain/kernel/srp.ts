import { createDiffieHellman, createHash, createHmac, getDiffieHellman } from "node:crypto";

/**
 * The SRP-6a arithmetic Cognito's clients use (reference §4.3): the RFC
 * 3526 3072-bit group ("modp15", g = 2) with SHA-256. Exponentiations run
 * in OpenSSL through Node's Diffie-Hellman objects, never in JavaScript:
 * with private key e, `generateKeys()` is g^e mod N and `computeSecret(X)`
 * is X^e mod N (both checked against known vectors in test/signIn/srpMath).
 * A single BigInt multiply-and-mod is cheap; exponent loops are not.
 */

const N_BYTES = getDiffieHellman("modp15").getPrime();
export const N = toBig(N_BYTES);
const G = 2n;
/** The byte length of N: a client value longer than this cannot be a group element. */
export const N_LENGTH = N_BYTES.length;

export function toBig(bytes: Buffer): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString("hex")}`);
}

/** Reads an unpadded hex string (SRP_A, SALT) as an integer; undefined for anything that is not hex. */
export function fromHex(hex: string): bigint | undefined {
  return /^[0-9a-fA-F]+$/.test(hex) ? BigInt(`0x${hex}`) : undefined;
}

/**
 * The bytes of padHex(x): big-endian, with a zero byte in front when the
 * high bit is set, so the clients never read the value as negative.
 */
export function padded(x: bigint): Buffer {
  let hex = x.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if (/^[89a-f]/.test(hex)) hex = `00${hex}`;
  return Buffer.from(hex, "hex");
}

function sha256(...parts: Buffer[]): Buffer {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** k = H(padHex(N) ‖ padHex(g)). */
export const K = toBig(sha256(padded(N), padded(G)));

/** The exponent's bytes as OpenSSL takes a private key. */
function exponentBytes(e: bigint): Buffer {
  const hex = e.toString(16);
  return Buffer.from(hex.length % 2 === 1 ? `0${hex}` : hex, "hex");
}

/** g^e mod N. */
export function powG(e: bigint): bigint {
  const dh = createDiffieHellman(N_BYTES, Number(G));
  dh.setPrivateKey(exponentBytes(e));
  return toBig(dh.generateKeys());
}

/**
 * base^e mod N, for 1 < base < N − 1 (OpenSSL refuses other bases as a
 * peer's public key: it throws, and callers treat that as a failed proof).
 */
export function pow(base: bigint, e: bigint): bigint {
  const dh = createDiffieHellman(N_BYTES, Number(G));
  dh.setPrivateKey(exponentBytes(e));
  return toBig(dh.computeSecret(padded(base)));
}

/** The pool name of the x computation: the part of the pool id after "_". */
export function srpPoolName(poolId: string): string {
  return poolId.slice(poolId.indexOf("_") + 1);
}

/** x = H(padHex(salt) ‖ H(poolName ‖ username ‖ ":" ‖ password)). */
export function passwordExponent(poolName: string, username: string, password: string, salt: bigint): bigint {
  const inner = sha256(Buffer.from(`${poolName}${username}:${password}`, "utf8")).toString("hex");
  return toBig(sha256(Buffer.from(padded(salt).toString("hex") + inner, "hex")));
}

/** The verifier v = g^x mod N the server keeps for a password (`username` is the canonical one, never an alias). */
export function verifierFor(poolName: string, username: string, password: string, salt: bigint): bigint {
  return powG(passwordExponent(poolName, username, password, salt));
}

/** B = (k·v + g^b) mod N. */
export function serverPublicValue(v: bigint, b: bigint): bigint {
  return (K * v + powG(b)) % N;
}

/** u = H(padHex(A) ‖ padHex(B)). */
export function scramble(A: bigint, B: bigint): bigint {
  return toBig(sha256(padded(A), padded(B)));
}

/** The server's premaster S = (A · v^u)^b mod N; undefined when OpenSSL refuses a degenerate value. */
export function serverPremaster(A: bigint, v: bigint, u: bigint, b: bigint): bigint | undefined {
  try {
    return pow((A * pow(v, u)) % N, b);
  } catch {
    return undefined;
  }
}

/** The 16-byte key of HKDF-SHA256(salt = padHex(u), ikm = padHex(S), info = "Caldera Derived Key"). */
export function passwordKey(u: bigint, S: bigint): Buffer {
  const prk = createHmac("sha256", padded(u)).update(padded(S)).digest();
  return createHmac("sha256", prk).update("Caldera Derived Key\u0001", "utf8").digest().subarray(0, 16);
}

/** PASSWORD_CLAIM_SIGNATURE: Base64(HMAC(key, poolName ‖ username ‖ secret block bytes ‖ TIMESTAMP)). */
export function claimSignature(key: Buffer, poolName: string, username: string, secretBlock: Buffer, timestamp: string): string {
  return createHmac("sha256", key)
    .update(Buffer.from(poolName, "utf8"))
    .update(Buffer.from(username, "utf8"))
    .update(secretBlock)
    .update(Buffer.from(timestamp, "utf8"))
    .digest("base64");
}
