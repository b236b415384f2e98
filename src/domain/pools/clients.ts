import { InvalidParameterException, LimitExceededException, ResourceNotFoundException } from "../../errors.js";
import type { ClientRecord, JsonObject } from "../../store/records.js";
import { UniqueViolation } from "../../store/store.js";
import { compact } from "../kernel/compact.js";
import type { DomainContext } from "../kernel/context.js";
import { nameListing, readPage } from "../kernel/pageToken.js";
import { ids } from "../kernel/runtime.js";
import { type ClientSettings, type ClientSettingsInput, clientSettingsFrom } from "./clientSettings.js";
import { getPool, type Pool } from "./pools.js";

export interface AppClient {
  id: string;
  poolId: string;
  name: string;
  /** The plain secret, or null for a public client. */
  secret: string | null;
  createdAt: number;
  modifiedAt: number;
  settings: ClientSettings;
}

/** Reference §8.2: app clients per pool. */
export const MAX_CLIENTS = 1000;

function fromRecord(ctx: DomainContext, record: ClientRecord): AppClient {
  return {
    id: record.id,
    poolId: record.poolId,
    name: record.name,
    secret: record.sealedSecret === null ? null : ctx.sealer.open(record.sealedSecret),
    createdAt: record.createdAt,
    modifiedAt: record.modifiedAt,
    // Settings are stored as this module wrote them.
    settings: record.settings as unknown as ClientSettings,
  };
}

function toRecord(ctx: DomainContext, client: AppClient): ClientRecord {
  return {
    id: client.id,
    poolId: client.poolId,
    name: client.name,
    sealedSecret: client.secret === null ? null : ctx.sealer.seal(client.secret),
    createdAt: client.createdAt,
    modifiedAt: client.modifiedAt,
    settings: client.settings as unknown as JsonObject,
  };
}

export interface NewClientInput extends ClientSettingsInput {
  GenerateSecret?: boolean;
  ClientSecret?: string;
}

export async function createClient(ctx: DomainContext, poolId: string, name: string, input: NewClientInput): Promise<AppClient> {
  const pool = await getPool(ctx, poolId);
  if (input.GenerateSecret === true && input.ClientSecret !== undefined) {
    throw new InvalidParameterException("GenerateSecret and ClientSecret cannot both be given.");
  }
  const settings = clientSettingsFrom(input, pool.settings.SchemaAttributes);
  if ((await ctx.store.clients.count(poolId)) >= MAX_CLIENTS) {
    throw new LimitExceededException(`The limit of ${MAX_CLIENTS} app clients for user pool ${poolId} has been reached.`);
  }
  const secret = input.ClientSecret ?? (input.GenerateSecret === true ? ids.clientSecret(ctx.random) : null);
  const now = ctx.clock.now();
  for (;;) {
    const client: AppClient = {
      id: ids.client(ctx.random),
      poolId,
      name,
      secret,
      createdAt: now,
      modifiedAt: now,
      settings,
    };
    try {
      await ctx.store.clients.insert(toRecord(ctx, client));
      return client;
    } catch (error) {
      if (!(error instanceof UniqueViolation)) throw error;
    }
  }
}

/** A client of a given pool, and the pool; a client of another pool is as unknown as a missing one. */
export async function getPoolClient(
  ctx: DomainContext,
  poolId: string,
  clientId: string,
): Promise<{ pool: Pool; client: AppClient }> {
  const pool = await getPool(ctx, poolId);
  const record = await ctx.store.clients.get(clientId);
  if (record === undefined || record.poolId !== poolId) {
    throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
  }
  return { pool, client: fromRecord(ctx, record) };
}

/** A client of a given pool (see getPoolClient). */
export async function getClient(ctx: DomainContext, poolId: string, clientId: string): Promise<AppClient> {
  return (await getPoolClient(ctx, poolId, clientId)).client;
}

/** The client named by a public (unsigned) operation, which carries no pool id (reference §1.7). */
export async function getClientById(ctx: DomainContext, clientId: string): Promise<AppClient> {
  const record = await ctx.store.clients.get(clientId);
  if (record === undefined) throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
  return fromRecord(ctx, record);
}

export async function updateClient(
  ctx: DomainContext,
  poolId: string,
  clientId: string,
  name: string | undefined,
  input: ClientSettingsInput,
): Promise<AppClient> {
  const client = await getClient(ctx, poolId, clientId);
  const pool = await getPool(ctx, poolId);
  const updated: AppClient = {
    ...client,
    name: name ?? client.name,
    modifiedAt: ctx.clock.now(),
    settings: clientSettingsFrom(input, pool.settings.SchemaAttributes),
  };
  if (!(await ctx.store.clients.update(toRecord(ctx, updated)))) {
    throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
  }
  return updated;
}

export async function deleteClient(ctx: DomainContext, poolId: string, clientId: string): Promise<void> {
  await getPool(ctx, poolId);
  if (!(await ctx.store.clients.delete(poolId, clientId))) {
    throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
  }
}

export async function listClients(
  ctx: DomainContext,
  poolId: string,
  maxResults: number,
  nextToken: string | undefined,
): Promise<{ clients: AppClient[]; nextToken?: string }> {
  await getPool(ctx, poolId);
  const listing = nameListing(`clients:${poolId}`, (last: ClientRecord) => last.id);
  const page = await readPage(ctx, listing, maxResults, nextToken, (range) => ctx.store.clients.list(poolId, range));
  return compact({ clients: page.items.map((r) => fromRecord(ctx, r)), nextToken: page.nextToken });
}
