import type { DomainContext } from "../../src/domain/kernel/context.js";
import { srpPoolName, verifierFor } from "../../src/domain/kernel/srp.js";
import { createPool, type Pool } from "../../src/domain/pools/pools.js";
import { userKeys } from "../../src/domain/users/userKeys.js";
import { createLogger } from "../../src/server/logger.js";
import { openDomain } from "../../src/server/startServer.js";

export interface SeededPool {
  poolId: string;
  usernames: string[];
}

export const SEED_PASSWORD = "Bench-Passw0rd!";

/** What hashPassword's secretsFor stores for SEED_PASSWORD, without its argon2id hash. */
function srpSecrets(domain: DomainContext, poolId: string, username: string) {
  const salt = BigInt(`0x${domain.random.bytes(16).toString("hex")}`);
  const verifier = verifierFor(srpPoolName(poolId), username, SEED_PASSWORD, salt);
  return { srpSalt: salt.toString(16), srpVerifier: domain.sealer.seal(verifier.toString(16)) };
}

function benchUsername(i: number): string {
  return `user${String(i).padStart(7, "0")}`;
}

/** A CONFIRMED user row with no password, SRP verifier or MFA, written straight to the store: what seeds start from. */
export function seededUser(domain: DomainContext, pool: Pool, username: string, attributes: Record<string, string> = {}) {
  const now = domain.clock.now();
  return {
    poolId: pool.id,
    username,
    usernameKey: username,
    sub: domain.random.uuid(),
    status: "CONFIRMED",
    enabled: true,
    createdAt: now,
    modifiedAt: now,
    attributes,
    passwordHash: null,
    passwordExpiresAt: null,
    srpSalt: null,
    srpVerifier: null,
    keys: userKeys(pool.settings, attributes),
  };
}

/**
 * Creates a pool with `count` confirmed users straight through the domain
 * and store (no HTTP, one password hash shared by all), so read benchmarks
 * start from a realistic table in seconds rather than hashing for minutes.
 * With `srp`, each user also gets an SRP salt and sealed verifier of
 * SEED_PASSWORD (one exponentiation each, about a millisecond).
 */
export async function seedPool(
  data: string,
  count: number,
  options: { passwordHash?: "standard" | "fast"; srp?: boolean } = {},
): Promise<SeededPool> {
  const domain = await openDomain({ data, logger: createLogger("warn"), passwordHash: options.passwordHash ?? "standard" });
  try {
    const pool = await createPool(domain, "bench", {});
    const passwordHash = await domain.hasher.hash(SEED_PASSWORD);
    const usernames: string[] = [];
    const batch = 2000;
    for (let start = 0; start < count; start += batch) {
      await domain.store.transaction(async (tx) => {
        for (let i = start; i < Math.min(count, start + batch); i++) {
          const username = benchUsername(i);
          const attributes = {
            email: `${username}@example.com`,
            email_verified: "true",
            given_name: `Given${i % 997}`,
            family_name: `Family${i % 1009}`,
          };
          await tx.users.insert({
            ...seededUser(domain, pool, username, attributes),
            passwordHash,
            ...(options.srp === true ? srpSecrets(domain, pool.id, username) : {}),
          });
          usernames.push(username);
        }
      });
    }
    return { poolId: pool.id, usernames };
  } finally {
    await domain.store.close();
  }
}
