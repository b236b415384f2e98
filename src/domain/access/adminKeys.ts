import type { AdminKeyRecord } from "../../store/records.js";
import type { DomainContext } from "../kernel/context.js";
import { ids } from "../kernel/runtime.js";

export interface AdminKey {
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Access keys for the IAM-authorised (SigV4) operations. Secrets are sealed
 * with the master key at rest: SigV4 needs the plain secret to recompute a
 * signature, so a one-way hash cannot be used.
 */
export async function createAdminKey(ctx: DomainContext, description: string | null): Promise<AdminKey> {
  const key = { accessKeyId: ids.accessKeyId(ctx.random), secretAccessKey: ids.secretAccessKey(ctx.random) };
  await ctx.store.adminKeys.insert({
    accessKeyId: key.accessKeyId,
    sealedSecret: ctx.sealer.seal(key.secretAccessKey),
    description,
    createdAt: ctx.clock.now(),
  });
  return key;
}

export function listAdminKeys(ctx: DomainContext): Promise<AdminKeyRecord[]> {
  return ctx.store.adminKeys.list();
}

export function deleteAdminKey(ctx: DomainContext, accessKeyId: string): Promise<boolean> {
  return ctx.store.adminKeys.delete(accessKeyId);
}

export async function adminKeySecret(ctx: DomainContext, accessKeyId: string): Promise<string | undefined> {
  const record = await ctx.store.adminKeys.get(accessKeyId);
  return record === undefined ? undefined : ctx.sealer.open(record.sealedSecret);
}
