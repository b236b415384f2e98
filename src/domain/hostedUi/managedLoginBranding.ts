import { InvalidParameterException, ManagedLoginBrandingExistsException, ResourceNotFoundException } from "../../errors.js";
import type { PoolResourceRecord } from "../../store/records.js";
import type { DomainContext } from "../kernel/context.js";
import { getClient } from "../pools/clients.js";
import { getPool } from "../pools/pools.js";

const KIND = "managed-login-branding";

/** One image of a branding style; `bytes` base64 as the request carried them. */
export interface BrandingAsset {
  Category: string;
  ColorMode: string;
  Extension: string;
  Bytes?: string;
  ResourceId?: string;
}

/** A managed login branding style of one app client. Stored and returned; nothing renders it yet. */
export interface ManagedLoginBranding {
  poolId: string;
  id: string;
  clientId: string;
  useCognitoProvidedValues: boolean;
  settings?: unknown;
  assets: BrandingAsset[];
  createdAt: number;
  modifiedAt: number;
}

type Body = Omit<ManagedLoginBranding, "poolId" | "id" | "createdAt" | "modifiedAt">;

function fromRow(row: PoolResourceRecord): ManagedLoginBranding {
  return { poolId: row.poolId, id: row.name, ...(row.body as Body), createdAt: row.createdAt, modifiedAt: row.modifiedAt };
}

function toRow(branding: ManagedLoginBranding): PoolResourceRecord {
  const { poolId, id, createdAt, modifiedAt, ...body } = branding;
  return { poolId, kind: KIND, name: id, body, createdAt, modifiedAt };
}

export interface BrandingInput {
  useCognitoProvidedValues?: boolean;
  settings?: unknown;
  assets?: BrandingAsset[];
}

/**
 * UseCognitoProvidedValues and Settings exclude each other: "When you
 * specify true for this option, you must also omit values for Settings"
 * (CreateManagedLoginBranding API reference); the message is guessed.
 */
function resolved(input: BrandingInput): Pick<ManagedLoginBranding, "useCognitoProvidedValues" | "settings"> {
  if (input.useCognitoProvidedValues === true && input.settings !== undefined) {
    throw new InvalidParameterException("Settings cannot be given when UseCognitoProvidedValues is true.");
  }
  const useCognito = input.useCognitoProvidedValues ?? input.settings === undefined;
  return input.settings === undefined
    ? { useCognitoProvidedValues: useCognito }
    : { useCognitoProvidedValues: useCognito, settings: input.settings };
}

async function brandingOfClient(ctx: DomainContext, poolId: string, clientId: string): Promise<ManagedLoginBranding | undefined> {
  // A pool has one style per client at most: its list is as long as its clients.
  const rows = await ctx.store.poolResources.list(poolId, KIND, { limit: 100_000 });
  return rows.map(fromRow).find((b) => b.clientId === clientId);
}

/** CreateManagedLoginBranding: one style per app client (ManagedLoginBrandingExistsException; message guessed). */
export async function createBranding(
  ctx: DomainContext,
  poolId: string,
  clientId: string,
  input: BrandingInput,
): Promise<ManagedLoginBranding> {
  const pool = await getPool(ctx, poolId);
  await getClient(ctx, pool.id, clientId);
  const values = resolved(input);
  if ((await brandingOfClient(ctx, pool.id, clientId)) !== undefined) {
    throw new ManagedLoginBrandingExistsException(`A managed login branding style already exists for client ${clientId}.`);
  }
  const now = ctx.clock.now();
  const branding: ManagedLoginBranding = {
    poolId: pool.id,
    id: ctx.random.uuid(),
    clientId,
    ...values,
    assets: input.assets ?? [],
    createdAt: now,
    modifiedAt: now,
  };
  await ctx.store.poolResources.insert(toRow(branding));
  return branding;
}

function notFound(): ResourceNotFoundException {
  return new ResourceNotFoundException("Managed login branding does not exist.");
}

export async function getBranding(ctx: DomainContext, poolId: string, id: string): Promise<ManagedLoginBranding> {
  const pool = await getPool(ctx, poolId);
  const row = await ctx.store.poolResources.get(pool.id, KIND, id);
  if (row === undefined) throw notFound();
  return fromRow(row);
}

export async function getBrandingByClient(ctx: DomainContext, poolId: string, clientId: string): Promise<ManagedLoginBranding> {
  const pool = await getPool(ctx, poolId);
  await getClient(ctx, pool.id, clientId);
  const branding = await brandingOfClient(ctx, pool.id, clientId);
  if (branding === undefined) throw notFound();
  return branding;
}

/** UpdateManagedLoginBranding: settings and assets given replace the style's; the rest is kept. */
export async function updateBranding(
  ctx: DomainContext,
  poolId: string,
  id: string,
  input: BrandingInput,
): Promise<ManagedLoginBranding> {
  const current = await getBranding(ctx, poolId, id);
  const { settings: _old, useCognitoProvidedValues: _was, ...kept } = current;
  const values =
    input.useCognitoProvidedValues === undefined && input.settings === undefined
      ? {
          useCognitoProvidedValues: current.useCognitoProvidedValues,
          ...(current.settings === undefined ? {} : { settings: current.settings }),
        }
      : resolved(input);
  const updated: ManagedLoginBranding = {
    ...kept,
    ...values,
    assets: input.assets ?? current.assets,
    modifiedAt: ctx.clock.now(),
  };
  if (!(await ctx.store.poolResources.update(toRow(updated)))) throw notFound();
  return updated;
}

export async function deleteBranding(ctx: DomainContext, poolId: string, id: string): Promise<void> {
  const pool = await getPool(ctx, poolId);
  if (!(await ctx.store.poolResources.delete(pool.id, KIND, id))) throw notFound();
}
