import { createHash, createHmac, randomBytes } from "node:crypto";

/**
 * The client side of Cognito's SRP (reference §4.3), written from the
 * reference as amazon-cognito-identity-js computes it, independent of the
 * server's code, so tests can build answers a real client would not send
 * (a wrong signature, a skewed TIMESTAMP, a tampered block). BigInt is fine
 * in a test; the benchmark passes a native modPow instead.
 */

const N = BigInt(
  "0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
);
export const SRP_N = N;
const g = 2n;

/** base^exponent mod N for 0 ≤ base < N. */
export type ModPow = (base: bigint, exponent: bigint) => bigint;

export function modPow(base: bigint, exponent: bigint, modulus = N): bigint {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

function padHex(x: bigint): string {
  let hex = x.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}

const hexHash = (hex: string) => createHash("sha256").update(Buffer.from(hex, "hex")).digest("hex");
const textHash = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const k = BigInt(`0x${hexHash(padHex(N) + padHex(g))}`);

/** The client's secret a and public A for one sign-in. */
export interface SrpStart {
  a: bigint;
  /** SRP_A as clients send it: unpadded hex. */
  srpA: string;
}

export function srpStart(pow: ModPow = modPow): SrpStart {
  const a = BigInt(`0x${randomBytes(32).toString("hex")}`);
  return { a, srpA: pow(g, a).toString(16) };
}

/** TIMESTAMP as the clients write it: `EEE MMM d HH:mm:ss UTC yyyy`, the day not zero-padded. */
export function srpTimestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][date.getUTCDay()];
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][date.getUTCMonth()];
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${weekday} ${month} ${date.getUTCDate()} ${time} UTC ${date.getUTCFullYear()}`;
}

export interface SrpAnswerOptions {
  /** The TIMESTAMP to sign; now when absent. */
  timestamp?: string;
  modPow?: ModPow;
}

/**
 * The PASSWORD_VERIFIER ChallengeResponses for a challenge's parameters:
 * USERNAME, PASSWORD_CLAIM_SECRET_BLOCK, TIMESTAMP and
 * PASSWORD_CLAIM_SIGNATURE, as amazon-cognito-identity-js sends them.
 */
export function srpAnswer(
  poolId: string,
  parameters: Record<string, string> | undefined,
  password: string,
  start: SrpStart,
  options: SrpAnswerOptions = {},
): Record<string, string> {
  const { SALT = "", SRP_B = "", SECRET_BLOCK = "", USER_ID_FOR_SRP = "" } = parameters ?? {};
  const poolName = poolId.split("_")[1] ?? "";
  const A = BigInt(`0x${start.srpA}`);
  const B = BigInt(`0x${SRP_B}`);
  const u = BigInt(`0x${hexHash(padHex(A) + padHex(B))}`);
  const x = BigInt(`0x${hexHash(padHex(BigInt(`0x${SALT}`)) + textHash(`${poolName}${USER_ID_FOR_SRP}:${password}`))}`);
  const pow = options.modPow ?? modPow;
  const S = pow((((B - k * pow(g, x)) % N) + N) % N, start.a + u * x);
  const prk = createHmac("sha256", Buffer.from(padHex(u), "hex"))
    .update(Buffer.from(padHex(S), "hex"))
    .digest();
  const key = createHmac("sha256", prk).update("Caldera Derived Key\u0001").digest().subarray(0, 16);
  const timestamp = options.timestamp ?? srpTimestamp(new Date());
  const signature = createHmac("sha256", key)
    .update(
      Buffer.concat([
        Buffer.from(poolName),
        Buffer.from(USER_ID_FOR_SRP),
        Buffer.from(SECRET_BLOCK, "base64"),
        Buffer.from(timestamp),
      ]),
    )
    .digest("base64");
  return {
    USERNAME: USER_ID_FOR_SRP,
    PASSWORD_CLAIM_SECRET_BLOCK: SECRET_BLOCK,
    TIMESTAMP: timestamp,
    PASSWORD_CLAIM_SIGNATURE: signature,
  };
}
