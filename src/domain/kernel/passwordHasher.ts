import { hash, verify } from "@node-rs/argon2";

/** @node-rs/argon2 declares its Algorithm enum as an ambient const enum; 2 is Argon2id. */
const ARGON2ID = 2;

/** argon2id cost parameters; recorded in every hash string (PHC format). */
export interface HashParams {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane). */
export const STANDARD_HASH: HashParams = {
  memoryKiB: 19_456,
  iterations: 2,
  parallelism: 1,
};
/** For test suites only (`--password-hash fast`): cheap and weak. Never the default. */
export const FAST_HASH: HashParams = {
  memoryKiB: 256,
  iterations: 1,
  parallelism: 1,
};

/**
 * Password hashing with argon2id. @node-rs/argon2 runs every hash and verify
 * on libuv's thread pool, so the event loop never waits on the memory-hard work.
 */
export class PasswordHasher {
  constructor(readonly params: HashParams) {}

  hash(password: string): Promise<string> {
    return hash(password, {
      algorithm: ARGON2ID,
      memoryCost: this.params.memoryKiB,
      timeCost: this.params.iterations,
      parallelism: this.params.parallelism,
    });
  }

  /** False for a wrong password or an unreadable hash; never throws for either. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** True when a stored hash was made with other parameters and should be redone at next sign-in. */
  needsRehash(passwordHash: string): boolean {
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
    if (match === null) return true;
    return (
      Number(match[1]) !== this.params.memoryKiB ||
      Number(match[2]) !== this.params.iterations ||
      Number(match[3]) !== this.params.parallelism
    );
  }
}
