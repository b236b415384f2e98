import { hash } from "@node-rs/argon2";
import { STANDARD_HASH } from "../../src/domain/kernel/passwordHasher.js";
import type { LoadResult } from "./loadgen.js";

/**
 * The bare argon2id rate at the server's cost on all cores: as many hashes
 * in flight as libuv's default pool has threads (4), for a few seconds, in
 * the bench process while the server idles. The ceiling for anything that
 * hashes or verifies one password per request.
 */
export async function hashRate(seconds: number): Promise<number> {
  const options = {
    algorithm: 2,
    memoryCost: STANDARD_HASH.memoryKiB,
    timeCost: STANDARD_HASH.iterations,
    parallelism: 1,
  } as const;
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (performance.now() < deadline) {
        await hash("Bench-Passw0rd!", options);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

/** The note that sets a hashing operation's throughput beside the bare rate `hashRate` measured. */
export function againstHashRate(operation: string, result: LoadResult, bare: number): string {
  return (
    `${operation}: ${result.opsPerSecond.toFixed(0)}/s against a bare argon2id rate of ${bare.toFixed(0)} hashes/s on all cores ` +
    `(${((result.opsPerSecond / bare) * 100).toFixed(0)}%)`
  );
}
