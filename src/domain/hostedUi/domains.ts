import { createHash } from "node:crypto";
import { InvalidParameterException, ResourceNotFoundException } from "../../errors.js";
import { UniqueViolation } from "../../store/store.js";
import { compact } from "../kernel/compact.js";
import type { DomainContext } from "../kernel/context.js";
import { getPool } from "../pools/pools.js";

/** The `kind` of domain rows in the store's pool resources. */
const KIND = "domain";

export interface CustomDomainConfig {
  CertificateArn: string;
  SecurityPolicy?: string;
}

export interface DomainSettings {
  customDomainConfig?: CustomDomainConfig;
  managedLoginVersion?: number;
  routing?: { Failover?: { SecondaryRegion: string; PrimaryRoute53HealthCheckId: string } };
}

/** A pool's domain: a prefix (`<prefix>.auth.<region>.amazoncognito.com`) or, with a certificate, a custom domain. */
export interface UserPoolDomain {
  poolId: string;
  domain: string;
  customDomainConfig?: CustomDomainConfig;
  managedLoginVersion: number;
  routing?: DomainSettings["routing"];
}

/**
 * Cognito checks a prefix against this pattern itself and answers with its own
 * message (quoted in mineiros-io/terraform-aws-cognito-user-pool#69).
 */
const PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const PREFIX_MESSAGE =
  "The domain name contains an invalid character. Domain names can only contain lower-case letters, numbers, and hyphens. Please enter a different name that follows this format: ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$";

/** Reserved words a prefix may not contain ("Domain cannot contain reserved word: aws", aws-amplify/amplify-cli#1513). */
const RESERVED_WORDS = ["aws", "amazon", "cognito"];

function checkPrefix(prefix: string): void {
  if (!PREFIX.test(prefix)) throw new InvalidParameterException(PREFIX_MESSAGE);
  const reserved = RESERVED_WORDS.find((word) => prefix.includes(word));
  if (reserved !== undefined) throw new InvalidParameterException(`Domain cannot contain reserved word: ${reserved}`);
}

/**
 * The CloudFront distribution a custom domain's DNS alias would point at.
 * Nothing is served there: it is derived from the domain so it stays the same
 * between calls, as Cognito's does for a domain's life.
 */
export function cloudFrontDistribution(domain: string): string {
  return `d${createHash("sha256").update(domain).digest("hex").slice(0, 13)}.cloudfront.net`;
}

function fromBody(poolId: string, body: unknown): UserPoolDomain {
  return { poolId, ...(body as Omit<UserPoolDomain, "poolId">) };
}

export async function domainOfPool(ctx: DomainContext, poolId: string): Promise<UserPoolDomain | undefined> {
  const [row] = await ctx.store.poolResources.list(poolId, KIND, { limit: 1 });
  return row === undefined ? undefined : fromBody(poolId, row.body);
}

/**
 * CreateUserPoolDomain. A prefix domain is unique across the server (Cognito:
 * across the region, "Domain already associated with another user pool.",
 * InvalidParameterException, quoted in aws-samples/aws-cdk-examples#402 and
 * others); a pool has one domain. ManagedLoginVersion defaults to 1, the
 * classic hosted UI (API reference of CreateUserPoolDomain).
 */
export async function createDomain(
  ctx: DomainContext,
  poolId: string,
  domain: string,
  settings: DomainSettings,
): Promise<UserPoolDomain> {
  const pool = await getPool(ctx, poolId);
  if (settings.customDomainConfig === undefined) checkPrefix(domain);
  const record: UserPoolDomain = compact({
    poolId: pool.id,
    domain,
    customDomainConfig: settings.customDomainConfig,
    managedLoginVersion: settings.managedLoginVersion ?? 1,
    routing: settings.routing,
  });
  const taken = await ctx.store.poolResources.findByName(KIND, domain);
  if (taken !== undefined) throw new InvalidParameterException("Domain already associated with another user pool.");
  if ((await domainOfPool(ctx, pool.id)) !== undefined) {
    // Message guessed: no capture of Cognito's answer was found (docs/research/research-pool-surface.md).
    throw new InvalidParameterException("User pool already has a domain configured.");
  }
  const { poolId: _pool, ...body } = record;
  const now = ctx.clock.now();
  try {
    await ctx.store.poolResources.insert({ poolId: pool.id, kind: KIND, name: domain, body, createdAt: now, modifiedAt: now });
  } catch (error) {
    if (error instanceof UniqueViolation)
      throw new InvalidParameterException("Domain already associated with another user pool.");
    throw error;
  }
  return record;
}

/** DescribeUserPoolDomain: names only the domain; an unknown one answers an empty description, as Cognito does. */
export async function findDomain(ctx: DomainContext, domain: string): Promise<UserPoolDomain | undefined> {
  const row = await ctx.store.poolResources.findByName(KIND, domain);
  return row === undefined ? undefined : fromBody(row.poolId, row.body);
}

async function requireDomainOf(ctx: DomainContext, poolId: string, domain: string): Promise<UserPoolDomain> {
  const pool = await getPool(ctx, poolId);
  const row = await ctx.store.poolResources.get(pool.id, KIND, domain);
  // Message guessed, as for the other pool resources (research-pool-surface.md).
  if (row === undefined) throw new ResourceNotFoundException(`Domain ${domain} does not exist in user pool ${pool.id}.`);
  return fromBody(pool.id, row.body);
}

/**
 * UpdateUserPoolDomain: changes the managed login version, a custom domain's
 * certificate (CustomDomainConfig optional since 2024-12, reference
 * 2024–2026 changelog) and routing; what the request leaves out is kept.
 */
export async function updateDomain(
  ctx: DomainContext,
  poolId: string,
  domain: string,
  settings: DomainSettings,
): Promise<UserPoolDomain> {
  const current = await requireDomainOf(ctx, poolId, domain);
  if (settings.customDomainConfig !== undefined && current.customDomainConfig === undefined) {
    throw new InvalidParameterException("A prefix domain has no CustomDomainConfig to update.");
  }
  const updated: UserPoolDomain = compact({
    ...current,
    customDomainConfig: settings.customDomainConfig ?? current.customDomainConfig,
    managedLoginVersion: settings.managedLoginVersion ?? current.managedLoginVersion,
    routing: settings.routing ?? current.routing,
  });
  const { poolId: _pool, ...body } = updated;
  await ctx.store.poolResources.update({
    poolId: current.poolId,
    kind: KIND,
    name: domain,
    body,
    createdAt: 0,
    modifiedAt: ctx.clock.now(),
  });
  return updated;
}

export async function deleteDomain(ctx: DomainContext, poolId: string, domain: string): Promise<void> {
  const current = await requireDomainOf(ctx, poolId, domain);
  await ctx.store.poolResources.delete(current.poolId, KIND, domain);
}
