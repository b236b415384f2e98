import { adminCreateUser } from "../../src/domain/flows/adminCreateUser.js";
import { adminSetUserPassword } from "../../src/domain/flows/adminSetUserPassword.js";
import type { DomainContext } from "../../src/domain/kernel/context.js";
import { ManualClock } from "../../src/domain/kernel/runtime.js";
import { type AppClient, createClient, type NewClientInput } from "../../src/domain/pools/clients.js";
import type { PoolCreationInput } from "../../src/domain/pools/poolSettings.js";
import { createPool, type Pool } from "../../src/domain/pools/pools.js";
import { createLogger } from "../../src/server/logger.js";
import { openDomain } from "../../src/server/startServer.js";

/** For tests of the domain itself, without HTTP: a context over a fresh in-memory store, and a pool with one client. */
export interface TestDomain {
  ctx: DomainContext;
  clock: ManualClock;
  pool: Pool;
  client: AppClient;
  close(): Promise<void>;
}

export async function openTestDomain(pool: PoolCreationInput = {}, client: NewClientInput = {}): Promise<TestDomain> {
  const clock = new ManualClock(Date.now());
  const ctx = await openDomain({
    data: ":memory:",
    passwordHash: "fast",
    clock,
    logger: createLogger("silent"),
    outboxCodes: "plain",
  });
  const created = await createPool(ctx, "domain-test", pool);
  return {
    ctx,
    clock,
    pool: created,
    client: await createClient(ctx, created.id, "app", { ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH"], ...client }),
    close: () => ctx.store.close(),
  };
}

/** A user of the pool with this password: permanent (CONFIRMED) or temporary (FORCE_CHANGE_PASSWORD). */
export async function userWithPassword(
  { ctx, pool }: TestDomain,
  username: string,
  password: string,
  options: { permanent: boolean; attributes?: { Name: string; Value: string }[] },
): Promise<void> {
  await adminCreateUser(ctx, pool.id, {
    username,
    attributes: options.attributes ?? [],
    forceAliasCreation: false,
    messageAction: "SUPPRESS",
    deliveryMediums: [],
  });
  await adminSetUserPassword(ctx, pool.id, { username, password, permanent: options.permanent });
}
