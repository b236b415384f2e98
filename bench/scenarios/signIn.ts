import { call } from "../lib/call.js";
import { againstHashRate, hashRate } from "../lib/hashRate.js";
import { cycle } from "../lib/loadgen.js";
import type { Scenario } from "../lib/scenario.js";
import { SEED_PASSWORD, seedPool } from "../lib/seed.js";
import { signerFor, unsignedRequest } from "../lib/signer.js";

const USERS = 10_000;

/**
 * Issue 4: AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH at concurrency 16,
 * against the bare hash rate measured in the same run (target ≥ 85%), and
 * REFRESH_TOKEN_AUTH (no hash; two RS256 signatures), target ≥ 2,000/s.
 */
export const signIn: Scenario = {
  name: "signIn",
  async run(bench) {
    // Users who set their password since SRP sign-in exists have a verifier: the steady state.
    const { poolId, usernames } = await seedPool(bench.data(), USERS, { srp: true });
    const server = await bench.startServer();
    const sign = signerFor(server, bench);
    const client = (await call(
      server.url,
      sign("CreateUserPoolClient", {
        UserPoolId: poolId,
        ClientName: "bench",
        ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      }),
    )) as { UserPoolClient: { ClientId: string } };
    const clientId = client.UserPoolClient.ClientId;

    const bare = await hashRate(5);
    const signIns = usernames.map((username) =>
      sign("AdminInitiateAuth", {
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: "ADMIN_USER_PASSWORD_AUTH",
        AuthParameters: { USERNAME: username, PASSWORD: SEED_PASSWORD },
      }),
    );
    const result = await bench.load(
      server,
      {
        name: "AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH (c=16)",
        concurrency: 16,
        next: cycle(signIns),
        warmupRequests: 32,
      },
      "≥ 85% of the bare hash rate",
    );
    bench.note(againstHashRate("AdminInitiateAuth", result, bare));

    // Refresh tokens of 200 sign-ins, replayed (a refresh token stays good for 30 days).
    const refreshTokens: string[] = [];
    for (const request of signIns.slice(0, 200)) {
      const out = (await call(server.url, request)) as { AuthenticationResult: { RefreshToken: string } };
      refreshTokens.push(out.AuthenticationResult.RefreshToken);
    }
    const refreshes = refreshTokens.map((token) =>
      unsignedRequest("InitiateAuth", {
        ClientId: clientId,
        AuthFlow: "REFRESH_TOKEN_AUTH",
        AuthParameters: { REFRESH_TOKEN: token },
      }),
    );
    await bench.load(
      server,
      {
        name: "InitiateAuth REFRESH_TOKEN_AUTH (c=16)",
        concurrency: 16,
        next: cycle(refreshes),
      },
      "≥ 2000/s",
    );
  },
};
