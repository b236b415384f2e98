import { Secret } from "otpauth";
import { createClient } from "../../src/domain/pools/clients.js";
import { createPool, setPoolMfaConfig } from "../../src/domain/pools/pools.js";
import { createLogger } from "../../src/server/logger.js";
import { openDomain } from "../../src/server/startServer.js";
import { seededUser } from "./seed.js";

/** A user with a verified authenticator, and the sessions of sign-ins waiting for its code. */
export interface MfaSignIn {
  username: string;
  /** The authenticator's secret, base 32. */
  secret: string;
  sessions: string[];
}

export interface SeededMfaPool {
  poolId: string;
  clientId: string;
  signIns: MfaSignIn[];
}

/**
 * A pool with TOTP MFA (OPTIONAL) and `users` users with a verified
 * authenticator, each with `sessionsPerUser` sign-ins that have passed the
 * password and wait at SOFTWARE_TOKEN_MFA. Written straight through the
 * domain and store, as seedPool writes users: a sign-in up to the challenge
 * costs a password hash, and thousands of them would take minutes. The
 * sessions live for the longest AuthSessionValidity (15 minutes); the
 * secrets are sealed with the data directory's master key, which the
 * server started on the same directory reads.
 */
export async function seedMfaSignIns(data: string, users: number, sessionsPerUser: number): Promise<SeededMfaPool> {
  const domain = await openDomain({ data, logger: createLogger("warn"), passwordHash: "standard" });
  try {
    const created = await createPool(domain, "bench-mfa", {});
    const pool = await setPoolMfaConfig(domain, created.id, {
      MfaConfiguration: "OPTIONAL",
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    const client = await createClient(domain, pool.id, "bench", { AuthSessionValidity: 15 });
    const signIns: MfaSignIn[] = [];
    const batch = 1000;
    for (let start = 0; start < users; start += batch) {
      await domain.store.transaction(async (tx) => {
        for (let i = start; i < Math.min(users, start + batch); i++) {
          const username = `mfa${String(i).padStart(7, "0")}`;
          const secret = new Secret({ buffer: Uint8Array.from(domain.random.bytes(32)).buffer }).base32;
          const now = domain.clock.now();
          const user = await tx.users.insert({
            ...seededUser(domain, pool, username),
            mfa: {
              enabled: ["SOFTWARE_TOKEN_MFA"],
              preferred: null,
              totpSecret: domain.sealer.seal(secret),
              pendingTotpSecret: null,
              totpDeviceName: null,
              totpLastStep: null,
            },
          });
          const sessions: string[] = [];
          for (let s = 0; s < sessionsPerUser; s++) {
            const id = domain.random.bytes(32).toString("base64url");
            await tx.sessions.insert({
              id,
              poolId: pool.id,
              clientId: client.id,
              userId: user.id,
              challenge: "SOFTWARE_TOKEN_MFA",
              passed: ["PASSWORD"],
              state: {},
              failedAttempts: 0,
              createdAt: now,
              expiresAt: now + 15 * 60_000,
            });
            sessions.push(id);
          }
          signIns.push({ username, secret, sessions });
        }
      });
    }
    return { poolId: pool.id, clientId: client.id, signIns };
  } finally {
    await domain.store.close();
  }
}
