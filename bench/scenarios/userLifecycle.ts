import { againstHashRate, hashRate } from "../lib/hashRate.js";
import { cycle, scatter } from "../lib/loadgen.js";
import type { Scenario } from "../lib/scenario.js";
import { seedPool } from "../lib/seed.js";
import { type PreparedRequest, signerFor } from "../lib/signer.js";

const USERS = 100_000;
/** Distinct users the reads and updates spread over: more than the server's 20,000-row user cache holds. */
const SPREAD = 50_000;

/**
 * Issue 3 on a pool of 100,000 users (SQLite): AdminGetUser ≥ 5,000/s,
 * AdminUpdateUserAttributes ≥ 2,500/s, and AdminCreateUser with
 * MessageAction SUPPRESS, which is bounded by password hashing: the bare
 * hash rate is measured in the same run and printed beside it.
 */
export const userLifecycle: Scenario = {
  name: "userLifecycle",
  async run(bench) {
    const { poolId, usernames } = await seedPool(bench.data(), USERS);
    const server = await bench.startServer();
    const sign = signerFor(server, bench);
    const spread = scatter(usernames.slice(0, SPREAD));

    const gets = Array.from({ length: SPREAD }, (_, i) => sign("AdminGetUser", { UserPoolId: poolId, Username: spread(i) }));
    await bench.load(
      server,
      {
        name: "AdminGetUser (100k users, 50k distinct, c=16)",
        concurrency: 16,
        next: cycle(gets),
      },
      "≥ 5000/s",
    );

    const updates = Array.from({ length: SPREAD }, (_, i) =>
      sign("AdminUpdateUserAttributes", {
        UserPoolId: poolId,
        Username: spread(i),
        UserAttributes: [{ Name: "name", Value: `Name ${i}` }],
      }),
    );
    await bench.load(
      server,
      {
        name: "AdminUpdateUserAttributes (100k users, c=16)",
        concurrency: 16,
        next: cycle(updates),
      },
      "≥ 2500/s",
    );

    const bare = await hashRate(5);
    // Each create needs a new username: more than the run can use, signed before it starts.
    const creates = Array.from({ length: Math.max(2000, bench.durationMs / 2) }, (_, i) =>
      sign("AdminCreateUser", {
        UserPoolId: poolId,
        Username: `created${i}`,
        MessageAction: "SUPPRESS",
        TemporaryPassword: "Temp-Passw0rd!",
      }),
    );
    const result = await bench.load(
      server,
      {
        name: "AdminCreateUser SUPPRESS (c=16)",
        concurrency: 16,
        next: (i) => creates[i] as PreparedRequest,
        warmupRequests: 32,
      },
      "bounded by password hashing",
    );
    bench.note(againstHashRate("AdminCreateUser", result, bare));
  },
};
