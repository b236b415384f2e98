import { InvalidParameterException } from "../../errors.js";
import { compact } from "../kernel/compact.js";
import type { DomainContext } from "../kernel/context.js";
import { getClient } from "../pools/clients.js";
import { getPool } from "../pools/pools.js";
import { domainOfPool } from "./domains.js";

const KIND = "ui-customization";
/** The client id that stands for the whole pool (SetUICustomization API reference). */
export const ALL_CLIENTS = "ALL";

/** The classic hosted UI's CSS and logo for a pool (`ALL`) or one app client. Nothing renders them yet. */
export interface UiCustomization {
  poolId: string;
  clientId: string;
  css?: string;
  /** The image as the request carried it, base64. */
  image?: string;
  cssVersion?: string;
  createdAt?: number;
  modifiedAt?: number;
}

interface Body {
  css?: string;
  image?: string;
}

async function checkedTarget(
  ctx: DomainContext,
  poolId: string,
  clientId: string | undefined,
): Promise<{ poolId: string; clientId: string }> {
  const pool = await getPool(ctx, poolId);
  if (clientId !== undefined && clientId !== ALL_CLIENTS) await getClient(ctx, pool.id, clientId);
  return { poolId: pool.id, clientId: clientId ?? ALL_CLIENTS };
}

/**
 * SetUICustomization. The pool needs a domain first: "A domain must be
 * associated with this user pool." (InvalidParameterException, quoted in
 * amazon-connect/voicemail-for-amazon-connect#5). A call replaces the
 * target's CSS and image; neither given removes them.
 */
export async function setUiCustomization(
  ctx: DomainContext,
  poolId: string,
  clientId: string | undefined,
  settings: { css?: string; image?: string },
): Promise<UiCustomization> {
  const target = await checkedTarget(ctx, poolId, clientId);
  if ((await domainOfPool(ctx, target.poolId)) === undefined) {
    throw new InvalidParameterException("A domain must be associated with this user pool.");
  }
  const now = ctx.clock.now();
  const existing = await ctx.store.poolResources.get(target.poolId, KIND, target.clientId);
  const body: Body = compact({ css: settings.css, image: settings.image });
  await ctx.store.poolResources.put({
    poolId: target.poolId,
    kind: KIND,
    name: target.clientId,
    body,
    createdAt: now,
    modifiedAt: now,
  });
  return compact({ ...target, ...body, cssVersion: cssVersion(now), createdAt: existing?.createdAt ?? now, modifiedAt: now });
}

/** A version string that changes with every SetUICustomization. */
function cssVersion(modifiedAt: number): string {
  return String(modifiedAt);
}

/**
 * GetUICustomization: a client without its own customization shows the
 * pool's (`ALL`), as the hosted UI would use it; with neither, only the ids.
 */
export async function getUiCustomization(
  ctx: DomainContext,
  poolId: string,
  clientId: string | undefined,
): Promise<UiCustomization> {
  const target = await checkedTarget(ctx, poolId, clientId);
  const own = await ctx.store.poolResources.get(target.poolId, KIND, target.clientId);
  const row = own ?? (await ctx.store.poolResources.get(target.poolId, KIND, ALL_CLIENTS));
  if (row === undefined) return target;
  const body = row.body as Body;
  return compact({
    poolId: target.poolId,
    clientId: row.name,
    css: body.css,
    image: body.image,
    cssVersion: cssVersion(row.modifiedAt),
    createdAt: row.createdAt,
    modifiedAt: row.modifiedAt,
  });
}

/** Where the image would be served; nothing serves it yet (README). */
export function imageUrl(ctx: DomainContext, customization: UiCustomization): string | undefined {
  if (customization.image === undefined) return undefined;
  return `${ctx.publicUrl}/${customization.poolId}/${customization.clientId}/${customization.cssVersion}/assets/images/image.jpg`;
}
