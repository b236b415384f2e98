import type { DomainContext } from "../kernel/context.js";
import { srpPoolName, verifierFor } from "../kernel/srp.js";
import type { Pool } from "../pools/pools.js";
import type { User } from "./user.js";

/** What a user row keeps of a password: the argon2id hash, and the SRP salt and sealed verifier (reference §4.3). */
export type PasswordSecrets = { [K in "passwordHash" | "srpSalt" | "srpVerifier"]: NonNullable<User[K]> };

/** A user left without a password (AdminResetUserPassword): neither the hash nor SRP accepts anything. */
export const NO_PASSWORD = { passwordHash: null, srpSalt: null, srpVerifier: null } as const;

/** A password hashed, waiting for the user whose SRP verifier it makes. */
export interface HashedPassword {
  /**
   * The secrets to store for `username`, the canonical username (the
   * verifier's x covers it, and SRP clients use USER_ID_FOR_SRP). Fast (one
   * exponentiation): it may run inside the transaction that found the user.
   */
  secretsFor(pool: Pool, username: string): PasswordSecrets;
}

/**
 * The one way a password is set — AdminCreateUser and its RESEND,
 * AdminSetUserPassword, SignUp, ChangePassword, ConfirmForgotPassword, the
 * NEW_PASSWORD_REQUIRED answer, and the upgrade at a password sign-in — so
 * every password gets both its argon2id hash and its SRP verifier. The slow
 * part (argon2id, on libuv's pool) runs first and outside any transaction;
 * the verifier follows once the caller knows the canonical username, which a
 * request naming an alias only reveals inside the transaction.
 *
 * Salts are 16 random bytes, kept as the integer's hex (what clients parse
 * from SALT, §4.3). The verifier is sealed like every secret at rest: it is
 * not the password, but whoever reads it can test guesses at two SHA-256
 * and one exponentiation each, far cheaper than argon2id (README, "SRP
 * sign-in").
 */
export async function hashPassword(ctx: DomainContext, password: string): Promise<HashedPassword> {
  return hashedAs(ctx, password, await ctx.hasher.hash(password));
}

/**
 * A password already known to match `passwordHash`, which stays: for a user
 * whose hash is current but who has no SRP verifier yet, the sign-in that
 * proves the password makes the verifier without hashing again.
 */
export function hashedAs(ctx: DomainContext, password: string, passwordHash: string): HashedPassword {
  return {
    secretsFor(pool, username) {
      const salt = BigInt(`0x${ctx.random.bytes(16).toString("hex")}`);
      const verifier = verifierFor(srpPoolName(pool.id), username, password, salt);
      return { passwordHash, srpSalt: salt.toString(16), srpVerifier: ctx.sealer.seal(verifier.toString(16)) };
    },
  };
}
