import { InvalidParameterException, LimitExceededException, ResourceNotFoundException } from "../../errors.js";
import type { JsonObject, PoolRecord } from "../../store/records.js";
import { UniqueViolation } from "../../store/store.js";
import { compact } from "../kernel/compact.js";
import type { DomainContext } from "../kernel/context.js";
import { nameListing, readPage } from "../kernel/pageToken.js";
import { ids } from "../kernel/runtime.js";
import { type PoolMfaInput, withMfaConfig } from "./poolMfa.js";
import {
  newPoolSettings,
  type PoolCreationInput,
  type PoolSettings,
  type PoolSettingsInput,
  updatedPoolSettings,
} from "./poolSettings.js";
import { type SchemaAttributeInput, withCustomAttributes } from "./schemaAttributes.js";

export interface Pool {
  id: string;
  name: string;
  createdAt: number;
  modifiedAt: number;
  settings: PoolSettings;
}

/** Reference §8.2: pools per account and region. */
export const MAX_POOLS = 1000;

// The store keeps settings as we wrote them; reading them back is a trusted cast.
const fromRecord = (record: PoolRecord): Pool => ({
  ...record,
  settings: record.settings as unknown as PoolSettings,
});
const toRecord = (pool: Pool): PoolRecord => ({
  ...pool,
  settings: pool.settings as unknown as JsonObject,
});

export function poolArn(ctx: DomainContext, poolId: string): string {
  return `arn:aws:cognito-idp:${ctx.region}:${ctx.accountId}:userpool/${poolId}`;
}

export async function createPool(ctx: DomainContext, name: string, input: PoolCreationInput): Promise<Pool> {
  const settings = newPoolSettings(input);
  if ((await ctx.store.pools.count()) >= MAX_POOLS)
    throw new LimitExceededException(`The limit of ${MAX_POOLS} user pools has been reached.`);
  const now = ctx.clock.now();
  for (;;) {
    const pool: Pool = {
      id: ids.pool(ctx.random, ctx.region),
      name,
      createdAt: now,
      modifiedAt: now,
      settings,
    };
    try {
      await ctx.store.pools.insert(toRecord(pool));
      return pool;
    } catch (error) {
      // A clash of 9 random alphanumerics is next to impossible; draw again if it happens.
      if (!(error instanceof UniqueViolation)) throw error;
    }
  }
}

export async function getPool(ctx: DomainContext, poolId: string): Promise<Pool> {
  const record = await ctx.store.pools.get(poolId);
  if (record === undefined) throw new ResourceNotFoundException(`User pool ${poolId} does not exist.`);
  return fromRecord(record);
}

export async function updatePool(
  ctx: DomainContext,
  poolId: string,
  name: string | undefined,
  input: PoolSettingsInput,
): Promise<Pool> {
  const pool = await getPool(ctx, poolId);
  const updated: Pool = {
    ...pool,
    name: name ?? pool.name,
    modifiedAt: ctx.clock.now(),
    settings: updatedPoolSettings(pool.settings, input),
  };
  if (!(await ctx.store.pools.update(toRecord(updated))))
    throw new ResourceNotFoundException(`User pool ${poolId} does not exist.`);
  return updated;
}

/**
 * AddCustomAttributes (reference §3.3: the schema changes only this way):
 * the new attributes are appended, and nothing is written when any entry
 * is refused.
 */
export async function addCustomAttributes(
  ctx: DomainContext,
  poolId: string,
  entries: readonly SchemaAttributeInput[],
): Promise<void> {
  const pool = await getPool(ctx, poolId);
  const settings = { ...pool.settings, SchemaAttributes: withCustomAttributes(pool.settings.SchemaAttributes, entries) };
  if (!(await ctx.store.pools.update(toRecord({ ...pool, modifiedAt: ctx.clock.now(), settings }))))
    throw new ResourceNotFoundException(`User pool ${poolId} does not exist.`);
}

/** SetUserPoolMfaConfig: the pool's MFA mode and factors (poolMfa.ts). */
export async function setPoolMfaConfig(ctx: DomainContext, poolId: string, input: PoolMfaInput): Promise<Pool> {
  const pool = await getPool(ctx, poolId);
  const updated: Pool = { ...pool, modifiedAt: ctx.clock.now(), settings: withMfaConfig(pool.settings, input) };
  if (!(await ctx.store.pools.update(toRecord(updated))))
    throw new ResourceNotFoundException(`User pool ${poolId} does not exist.`);
  return updated;
}

export async function deletePool(ctx: DomainContext, poolId: string): Promise<void> {
  const pool = await getPool(ctx, poolId);
  if (pool.settings.DeletionProtection === "ACTIVE") {
    throw new InvalidParameterException(
      "The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.",
    );
  }
  await ctx.store.pools.delete(poolId);
}

export async function listPools(
  ctx: DomainContext,
  maxResults: number,
  nextToken: string | undefined,
): Promise<{ pools: Pool[]; nextToken?: string }> {
  const listing = nameListing("pools", (last: PoolRecord) => last.id);
  const page = await readPage(ctx, listing, maxResults, nextToken, (range) => ctx.store.pools.list(range));
  return compact({ pools: page.items.map(fromRecord), nextToken: page.nextToken });
}

export function countUsers(ctx: DomainContext, poolId: string): Promise<number> {
  return ctx.store.users.count(poolId);
}

/** Writes a pool read with getPool and changed by the caller (its tags, say). */
export async function savePool(ctx: DomainContext, pool: Pool): Promise<void> {
  if (!(await ctx.store.pools.update(toRecord(pool))))
    throw new ResourceNotFoundException(`User pool ${pool.id} does not exist.`);
}
