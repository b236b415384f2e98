import { cycle, scatter } from "../lib/loadgen.js";
import type { Scenario } from "../lib/scenario.js";
import { seedPool } from "../lib/seed.js";
import { signerFor } from "../lib/signer.js";

/** Issue 2: AdminGetUser at concurrency 16 over 10,000 users. Target ≥ 8,000/s, p99 ≤ 10 ms, server RSS ≤ 150 MB. */
export const adminGetUser: Scenario = {
  name: "adminGetUser",
  async run(bench) {
    const { poolId, usernames } = await seedPool(bench.data(), 10_000);
    const server = await bench.startServer();
    const sign = signerFor(server, bench);
    const user = scatter(usernames);
    const requests = Array.from({ length: 2000 }, (_, i) => sign("AdminGetUser", { UserPoolId: poolId, Username: user(i) }));
    await bench.load(
      server,
      {
        name: "AdminGetUser (10k users, c=16)",
        concurrency: 16,
        next: cycle(requests),
      },
      "≥ 8000/s, p99 ≤ 10 ms, server RSS ≤ 150 MB",
    );
  },
};
