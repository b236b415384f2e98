import { randomBytes, randomUUID } from "node:crypto";

/** Wall-clock time in epoch milliseconds. Injected so tests can move time instead of sleeping. */
export interface Clock {
  now(): number;
}

/** Randomness, injected so tests can make ids and codes predictable. */
export interface Random {
  bytes(length: number): Buffer;
  uuid(): string;
}

export const systemClock: Clock = { now: () => Date.now() };

export const cryptoRandom: Random = {
  bytes: (length) => randomBytes(length),
  uuid: () => randomUUID(),
};

/** A clock tests can move; starts at `start` and only moves when told. */
export class ManualClock implements Clock {
  constructor(private current: number = Date.now()) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(ms: number): void {
    this.current = ms;
  }
}

/** Cognito writes client ids and secrets in base-32 digits 0-9a-v (research notes). */
const BASE32_DIGITS = "0123456789abcdefghijklmnopqrstuv";
const MIXED_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Uniformly random characters from an alphabet (rejection sampling, no modulo bias). */
export function randomString(random: Random, alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = "";
  while (out.length < length) {
    for (const byte of random.bytes(length * 2)) {
      if (byte < limit) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** Identifier formats of reference §1.8. */
export const ids = {
  pool: (random: Random, region: string) => `${region}_${randomString(random, MIXED_ALNUM, 9)}`,
  client: (random: Random) => randomString(random, BASE32_DIGITS, 26),
  clientSecret: (random: Random) => randomString(random, BASE32_DIGITS, 52),
  accessKeyId: (random: Random) => `AKIA${randomString(random, UPPER_ALNUM, 16)}`,
  secretAccessKey: (random: Random) => random.bytes(30).toString("base64"),
};
