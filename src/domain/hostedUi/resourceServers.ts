import {
  InvalidParameterException,
  LimitExceededException,
  ResourceNotFoundException,
  ScopeDoesNotExistException,
} from "../../errors.js";
import type { PoolResourceRecord } from "../../store/records.js";
import { UniqueViolation } from "../../store/store.js";
import { compact } from "../kernel/compact.js";
import type { DomainContext } from "../kernel/context.js";
import { nameListing, readPage } from "../kernel/pageToken.js";
import { getPool } from "../pools/pools.js";

const KIND = "resource-server";

/** Reference §8.2: resource servers per pool (the model caps scopes per server at 100). */
export const MAX_RESOURCE_SERVERS_PER_POOL = 25;

export interface Scope {
  ScopeName: string;
  ScopeDescription: string;
}

/** An OAuth resource server: its identifier prefixes its scopes (`<identifier>/<scope>`). */
export interface ResourceServer {
  poolId: string;
  identifier: string;
  name: string;
  scopes: Scope[];
}

interface Body {
  name: string;
  scopes: Scope[];
}

function fromRow(row: PoolResourceRecord): ResourceServer {
  const body = row.body as Body;
  return { poolId: row.poolId, identifier: row.name, name: body.name, scopes: body.scopes };
}

function toRow(server: ResourceServer, now: number): PoolResourceRecord {
  const body: Body = { name: server.name, scopes: server.scopes };
  return { poolId: server.poolId, kind: KIND, name: server.identifier, body, createdAt: now, modifiedAt: now };
}

/** A scope name used twice in one server. Message guessed (research-pool-surface.md). */
function checkScopes(scopes: readonly Scope[]): void {
  const names = new Set(scopes.map((s) => s.ScopeName));
  if (names.size !== scopes.length) throw new InvalidParameterException("Duplicate scope names are not allowed.");
}

/**
 * CreateResourceServer. An identifier taken in the pool answers
 * InvalidParameterException "<identifier> already exists in user pool <id>."
 * (as moto reproduces it; no capture of the real service was found).
 */
export async function createResourceServer(
  ctx: DomainContext,
  poolId: string,
  identifier: string,
  name: string,
  scopes: Scope[],
): Promise<ResourceServer> {
  const pool = await getPool(ctx, poolId);
  checkScopes(scopes);
  if ((await ctx.store.poolResources.count(pool.id, KIND)) >= MAX_RESOURCE_SERVERS_PER_POOL) {
    throw new LimitExceededException(
      `The limit of ${MAX_RESOURCE_SERVERS_PER_POOL} resource servers for user pool ${pool.id} has been reached.`,
    );
  }
  const server: ResourceServer = { poolId: pool.id, identifier, name, scopes };
  try {
    await ctx.store.poolResources.insert(toRow(server, ctx.clock.now()));
  } catch (error) {
    if (error instanceof UniqueViolation)
      throw new InvalidParameterException(`${identifier} already exists in user pool ${pool.id}.`);
    throw error;
  }
  return server;
}

function notFound(identifier: string, poolId: string): ResourceNotFoundException {
  // Message guessed (research-pool-surface.md).
  return new ResourceNotFoundException(`Resource server ${identifier} does not exist in user pool ${poolId}.`);
}

export async function getResourceServer(ctx: DomainContext, poolId: string, identifier: string): Promise<ResourceServer> {
  const pool = await getPool(ctx, poolId);
  const row = await ctx.store.poolResources.get(pool.id, KIND, identifier);
  if (row === undefined) throw notFound(identifier, pool.id);
  return fromRow(row);
}

/** UpdateResourceServer replaces name and scopes: scopes the request leaves out are removed (API reference). */
export async function updateResourceServer(
  ctx: DomainContext,
  poolId: string,
  identifier: string,
  name: string,
  scopes: Scope[],
): Promise<ResourceServer> {
  const current = await getResourceServer(ctx, poolId, identifier);
  checkScopes(scopes);
  const updated: ResourceServer = { ...current, name, scopes };
  if (!(await ctx.store.poolResources.update(toRow(updated, ctx.clock.now())))) throw notFound(identifier, current.poolId);
  return updated;
}

export async function deleteResourceServer(ctx: DomainContext, poolId: string, identifier: string): Promise<void> {
  const pool = await getPool(ctx, poolId);
  if (!(await ctx.store.poolResources.delete(pool.id, KIND, identifier))) throw notFound(identifier, pool.id);
}

/** ListResourceServers: by identifier (byte order), MaxResults 1..50 (50 when absent). */
export async function listResourceServers(
  ctx: DomainContext,
  poolId: string,
  limit: number | undefined,
  nextToken: string | undefined,
): Promise<{ servers: ResourceServer[]; nextToken?: string }> {
  const pool = await getPool(ctx, poolId);
  const listing = nameListing(`resource-servers:${pool.id}`, (server: ResourceServer) => server.identifier);
  const page = await readPage(ctx, listing, limit ?? 50, nextToken, async (range) =>
    (await ctx.store.poolResources.list(pool.id, KIND, range)).map(fromRow),
  );
  return compact({ servers: page.items, nextToken: page.nextToken });
}

/** The scopes every pool has (CreateUserPoolClient API reference, AllowedOAuthScopes). */
const STANDARD_SCOPES: ReadonlySet<string> = new Set(["phone", "email", "openid", "profile", "aws.cognito.signin.user.admin"]);

/**
 * An app client's AllowedOAuthScopes must be standard scopes or
 * `<identifier>/<scope>` of one of the pool's resource servers: else
 * ScopeDoesNotExistException "Invalid scope requested: <scope>" (quoted in
 * awsdocs/aws-cloudformation-user-guide#564 for the scope "Cognito").
 */
export async function requireScopesExist(
  ctx: DomainContext,
  poolId: string,
  scopes: readonly string[] | undefined,
): Promise<void> {
  const custom = (scopes ?? []).filter((scope) => !STANDARD_SCOPES.has(scope));
  if (custom.length === 0) return;
  const pool = await getPool(ctx, poolId);
  // The list holds every server: a pool has at most MAX_RESOURCE_SERVERS_PER_POOL.
  const rows = await ctx.store.poolResources.list(pool.id, KIND, { limit: MAX_RESOURCE_SERVERS_PER_POOL * 2 });
  const known = new Set(rows.map(fromRow).flatMap((server) => server.scopes.map((s) => `${server.identifier}/${s.ScopeName}`)));
  const missing = custom.find((scope) => !known.has(scope));
  if (missing !== undefined) throw new ScopeDoesNotExistException(`Invalid scope requested: ${missing}`);
}
