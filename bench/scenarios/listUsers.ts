import { pageRequests } from "../lib/call.js";
import { cycle, scatter } from "../lib/loadgen.js";
import type { Scenario } from "../lib/scenario.js";
import { seedPool } from "../lib/seed.js";
import { signerFor } from "../lib/signer.js";

const USERS = 100_000;

/**
 * Issue: ListUsers over 100,000 users on SQLite. (a) `email ^= "<prefix>"`
 * at concurrency 16, target p99 ≤ 15 ms; (b) pages of 60 without a filter,
 * target ≥ 1,500/s.
 */
export const listUsers: Scenario = {
  name: "listUsers",
  async run(bench) {
    const { poolId, usernames } = await seedPool(bench.data(), USERS);
    const server = await bench.startServer();
    const sign = signerFor(server, bench);

    // (a) Seeded emails are `<username>@example.com` and usernames user + 7 digits, so a
    // prefix of the username's first 6 digits matches exactly 10 users, spread over the pool.
    const tenth = scatter(usernames.filter((_, j) => j % 10 === 0));
    const prefixes = Array.from({ length: 2000 }, (_, i) =>
      sign("ListUsers", { UserPoolId: poolId, Filter: `email ^= "${tenth(i).slice(0, -1)}"` }),
    );
    await bench.load(
      server,
      {
        name: "ListUsers email ^= prefix (10 matches, 100k users, c=16)",
        concurrency: 16,
        next: cycle(prefixes),
      },
      "p99 ≤ 15 ms",
    );

    // (b) First pages and pages at every depth of the pool.
    const walk = await pageRequests(server.url, sign, {
      operation: "ListUsers",
      input: { UserPoolId: poolId, Limit: 60 },
      tokenMember: "PaginationToken",
    });
    bench.note(`listUsers: walked ${walk.pages} pages of 60 to collect tokens`);
    await bench.load(
      server,
      {
        name: "ListUsers pages of 60 (100k users, c=16)",
        concurrency: 16,
        next: scatter(walk.requests),
      },
      "≥ 1500/s",
    );
  },
};
