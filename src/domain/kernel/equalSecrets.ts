import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string | Buffer) => createHash("sha256").update(value).digest();

/**
 * Whether a secret given by a caller equals the expected one (or two hashes
 * of secrets are equal), in a time that does not tell where they differ.
 * Both sides are hashed first, so timingSafeEqual always compares equal
 * lengths and not even the expected secret's length shows.
 */
export function equalSecrets(a: string | Buffer, b: string | Buffer): boolean {
  return timingSafeEqual(digest(a), digest(b));
}
