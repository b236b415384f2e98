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
  /** The plain secret DescribeUserPoolClient shows (the oldest live one), or null for a public client. */
  secret: string | null;
  /** Every live secret, oldest first: two at most, each accepted (AddUserPoolClientSecret, cognito-2024-2026.md). */
  secrets: ClientSecret[];
  createdAt: number;
  modifiedAt: number;
  settings: ClientSettings;
}

/** One secret of a confidential client. */
export interface ClientSecret {
  id: string;
  value: string;
  createdAt: number;
}

/** Reference §8.2: app clients per pool. */
export const MAX_CLIENTS = 1000;

/**
 * The sealed secret column holds the client's secrets as a JSON list, sealed
 * together. A row written before secrets could rotate holds one plain
 * secret, which can never start with "[" (the model's pattern is [\w+]+):
 * it is read as a single secret with the client's id and creation time.
 */
function openSecrets(ctx: DomainContext, record: ClientRecord): ClientSecret[] {
  if (record.sealedSecret === null) return [];
  const opened = ctx.sealer.open(record.sealedSecret);
  if (opened.startsWith("[")) return JSON.parse(opened) as ClientSecret[];
  return [{ id: `${record.id}--${record.createdAt}`, value: opened, createdAt: record.createdAt }];
}

function sealSecrets(ctx: DomainContext, secrets: readonly ClientSecret[]): string | null {
  return secrets.length === 0 ? null : ctx.sealer.seal(JSON.stringify(secrets));
}

/** A new secret of a client: given by the caller or generated. */
export function newClientSecret(ctx: DomainContext, value: string | undefined): ClientSecret {
  return { id: ctx.random.bytes(16).toString("hex"), value: value ?? ids.clientSecret(ctx.random), createdAt: ctx.clock.now() };
}

function fromRecord(ctx: DomainContext, record: ClientRecord): AppClient {
  const secrets = openSecrets(ctx, record);
  return {
    id: record.id,
    poolId: record.poolId,
    name: record.name,
    secret: secrets[0]?.value ?? null,
    secrets,
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
    sealedSecret: sealSecrets(ctx, client.secrets),
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
  const secrets =
    input.ClientSecret !== undefined || input.GenerateSecret === true ? [newClientSecret(ctx, input.ClientSecret)] : [];
  const now = ctx.clock.now();
  for (;;) {
    const client: AppClient = {
      id: ids.client(ctx.random),
      poolId,
      name,
      secret: secrets[0]?.value ?? null,
      secrets,
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

/** Writes a client read with getClient and changed by the caller (its secrets, say). */
export async function saveClient(ctx: DomainContext, client: AppClient): Promise<void> {
  if (!(await ctx.store.clients.update(toRecord(ctx, client)))) {
    throw new ResourceNotFoundException(`User pool client ${client.id} does not exist.`);
  }
}
