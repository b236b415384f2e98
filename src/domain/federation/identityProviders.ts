import {
  DuplicateProviderException,
  InvalidParameterException,
  LimitExceededException,
  ResourceNotFoundException,
} from "../../errors.js";
import type { PoolResourceRecord } from "../../store/records.js";
import { UniqueViolation } from "../../store/store.js";
import { atomically } from "../kernel/atomically.js";
import { compact } from "../kernel/compact.js";
import type { DomainContext } from "../kernel/context.js";
import { nameListing, readPage } from "../kernel/pageToken.js";
import { getPool } from "../pools/pools.js";
import { checkedDetails, type ProviderType, SECRET_DETAILS, SOCIAL_TYPES } from "./providerDetails.js";

const KIND = "identity-provider";
/** An IdP identifier claims its name in the pool: one row each, so a second claim is a unique violation. */
const IDENTIFIER_KIND = "idp-identifier";

/** Reference §8.2: identity providers per pool. */
export const MAX_PROVIDERS_PER_POOL = 300;

export interface IdentityProvider {
  poolId: string;
  name: string;
  type: ProviderType;
  details: Record<string, string>;
  attributeMapping: Record<string, string>;
  idpIdentifiers: string[];
  createdAt: number;
  modifiedAt: number;
}

export interface ProviderSettings {
  details: Record<string, string>;
  attributeMapping?: Record<string, string>;
  idpIdentifiers?: string[];
}

interface Body {
  type: ProviderType;
  details: Record<string, string>;
  attributeMapping: Record<string, string>;
  idpIdentifiers: string[];
}

function sealDetails(ctx: DomainContext, details: Record<string, string>): Record<string, string> {
  const out = { ...details };
  for (const key of SECRET_DETAILS) if (out[key] !== undefined) out[key] = ctx.sealer.seal(out[key]);
  return out;
}

function openDetails(ctx: DomainContext, details: Record<string, string>): Record<string, string> {
  const out = { ...details };
  for (const key of SECRET_DETAILS) if (out[key] !== undefined) out[key] = ctx.sealer.open(out[key]);
  return out;
}

function fromRow(ctx: DomainContext, row: PoolResourceRecord): IdentityProvider {
  const body = row.body as Body;
  return {
    poolId: row.poolId,
    name: row.name,
    type: body.type,
    details: openDetails(ctx, body.details),
    attributeMapping: body.attributeMapping,
    idpIdentifiers: body.idpIdentifiers,
    createdAt: row.createdAt,
    modifiedAt: row.modifiedAt,
  };
}

function toRow(ctx: DomainContext, provider: IdentityProvider): PoolResourceRecord {
  return {
    poolId: provider.poolId,
    kind: KIND,
    name: provider.name,
    body: {
      type: provider.type,
      details: sealDetails(ctx, provider.details),
      attributeMapping: provider.attributeMapping,
      idpIdentifiers: provider.idpIdentifiers,
    } satisfies Body,
    createdAt: provider.createdAt,
    modifiedAt: provider.modifiedAt,
  };
}

function duplicateIdentifier(): DuplicateProviderException {
  // Message guessed: no capture of Cognito's answer for a taken identifier was found.
  return new DuplicateProviderException("The IdP identifier is already associated with another identity provider.");
}

/** Claims identifiers for a provider inside the caller's transaction; a taken one throws DuplicateProviderException. */
async function claimIdentifiers(ctx: DomainContext, provider: IdentityProvider, identifiers: readonly string[]): Promise<void> {
  if (new Set(identifiers).size !== identifiers.length) throw duplicateIdentifier();
  for (const identifier of identifiers) {
    try {
      await ctx.store.poolResources.insert({
        poolId: provider.poolId,
        kind: IDENTIFIER_KIND,
        name: identifier,
        body: provider.name,
        createdAt: provider.modifiedAt,
        modifiedAt: provider.modifiedAt,
      });
    } catch (error) {
      if (error instanceof UniqueViolation) throw duplicateIdentifier();
      throw error;
    }
  }
}

async function releaseIdentifiers(ctx: DomainContext, poolId: string, identifiers: readonly string[]): Promise<void> {
  for (const identifier of identifiers) await ctx.store.poolResources.delete(poolId, IDENTIFIER_KIND, identifier);
}

/**
 * CreateIdentityProvider. A social provider's name is its type (aws/aws-cli#3179:
 * "Provider NameOfGP cannot be of type Google."); a name taken in the pool answers
 * DuplicateProviderException "<name> already exists in user pool <id>." (CloudTrail
 * event quoted in aws-cloudformation/cloudformation-coverage-roadmap#1287).
 */
export async function createIdentityProvider(
  ctx: DomainContext,
  poolId: string,
  name: string,
  type: ProviderType,
  settings: ProviderSettings,
): Promise<IdentityProvider> {
  const pool = await getPool(ctx, poolId);
  if (SOCIAL_TYPES.has(type) && name !== type) {
    throw new InvalidParameterException(`Provider ${name} cannot be of type ${type}.`);
  }
  const details = checkedDetails(type, settings.details);
  const now = ctx.clock.now();
  const provider: IdentityProvider = {
    poolId: pool.id,
    name,
    type,
    details,
    attributeMapping: settings.attributeMapping ?? {},
    idpIdentifiers: settings.idpIdentifiers ?? [],
    createdAt: now,
    modifiedAt: now,
  };
  return atomically(ctx, async (tx) => {
    if ((await tx.store.poolResources.count(pool.id, KIND)) >= MAX_PROVIDERS_PER_POOL) {
      throw new LimitExceededException(
        `The limit of ${MAX_PROVIDERS_PER_POOL} identity providers for user pool ${pool.id} has been reached.`,
      );
    }
    try {
      await tx.store.poolResources.insert(toRow(tx, provider));
    } catch (error) {
      if (error instanceof UniqueViolation)
        throw new DuplicateProviderException(`${name} already exists in user pool ${pool.id}.`);
      throw error;
    }
    await claimIdentifiers(tx, provider, provider.idpIdentifiers);
    return provider;
  });
}

function providerNotFound(): ResourceNotFoundException {
  // Message guessed (research-pool-surface.md).
  return new ResourceNotFoundException("Identity provider does not exist.");
}

export async function getIdentityProvider(ctx: DomainContext, poolId: string, name: string): Promise<IdentityProvider> {
  const pool = await getPool(ctx, poolId);
  const row = await ctx.store.poolResources.get(pool.id, KIND, name);
  if (row === undefined) throw providerNotFound();
  return fromRow(ctx, row);
}

/** GetIdentityProviderByIdentifier. */
export async function getIdentityProviderByIdentifier(
  ctx: DomainContext,
  poolId: string,
  identifier: string,
): Promise<IdentityProvider> {
  const pool = await getPool(ctx, poolId);
  const claim = await ctx.store.poolResources.get(pool.id, IDENTIFIER_KIND, identifier);
  if (claim === undefined) throw providerNotFound();
  return getIdentityProvider(ctx, pool.id, claim.body as string);
}

/**
 * UpdateIdentityProvider: the members given replace the provider's; the
 * details given are merged over the stored ones, so a caller need not resend
 * a client secret (Terraform sends them whole either way).
 */
export async function updateIdentityProvider(
  ctx: DomainContext,
  poolId: string,
  name: string,
  settings: Partial<ProviderSettings>,
): Promise<IdentityProvider> {
  return atomically(ctx, async (tx) => {
    const current = await getIdentityProvider(tx, poolId, name);
    const updated: IdentityProvider = {
      ...current,
      details:
        settings.details === undefined
          ? current.details
          : checkedDetails(current.type, { ...current.details, ...settings.details }),
      attributeMapping: settings.attributeMapping ?? current.attributeMapping,
      idpIdentifiers: settings.idpIdentifiers ?? current.idpIdentifiers,
      modifiedAt: tx.clock.now(),
    };
    if (settings.idpIdentifiers !== undefined) {
      await releaseIdentifiers(tx, current.poolId, current.idpIdentifiers);
      await claimIdentifiers(tx, updated, updated.idpIdentifiers);
    }
    await tx.store.poolResources.update(toRow(tx, updated));
    return updated;
  });
}

export async function deleteIdentityProvider(ctx: DomainContext, poolId: string, name: string): Promise<void> {
  await atomically(ctx, async (tx) => {
    const current = await getIdentityProvider(tx, poolId, name);
    await releaseIdentifiers(tx, current.poolId, current.idpIdentifiers);
    await tx.store.poolResources.delete(current.poolId, KIND, name);
  });
}

/** ListIdentityProviders: by name (byte order), MaxResults 1..60 (60 when absent). */
export async function listIdentityProviders(
  ctx: DomainContext,
  poolId: string,
  limit: number | undefined,
  nextToken: string | undefined,
): Promise<{ providers: IdentityProvider[]; nextToken?: string }> {
  const size = limit ?? 60;
  const pool = await getPool(ctx, poolId);
  const listing = nameListing(`identity-providers:${pool.id}`, (provider: IdentityProvider) => provider.name);
  const page = await readPage(ctx, listing, size, nextToken, async (range) =>
    (await ctx.store.poolResources.list(pool.id, KIND, range)).map((row) => fromRow(ctx, row)),
  );
  return compact({ providers: page.items, nextToken: page.nextToken });
}
