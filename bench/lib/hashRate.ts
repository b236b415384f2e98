import { hash } from "@node-rs/argon2";
import { STANDARD_HASH } from "../../src/domain/passwordHasher.js";

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
