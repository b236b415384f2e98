import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from "node:crypto";
import type { JsonObject, SigningKeyRecord } from "../store/records.js";
import type { DomainContext } from "./context.js";

export type KeyUse = "id" | "access";

export interface SigningKey {
  kid: string;
  use: KeyUse;
  privateKey: KeyObject;
}

/** How long a retired key stays published: the longest an ID or access token can live (reference §5.3). */
export const RETIRED_KEY_PUBLISHED_MS = 24 * 60 * 60 * 1000;

/** How long this process trusts its copy of a pool's keys; a rotation elsewhere is seen within it. */
const KEY_CACHE_MS = 5000;

interface PoolKeys {
  records: SigningKeyRecord[];
  signing: Record<KeyUse, SigningKey> | undefined;
  publicKeys: Map<string, KeyObject>;
  until: number;
}

const cache = new WeakMap<DomainContext["store"], Map<string, PoolKeys>>();
const creating = new Map<string, Promise<void>>();

function poolCache(ctx: DomainContext): Map<string, PoolKeys> {
  let byPool = cache.get(ctx.store);
  if (byPool === undefined) {
    byPool = new Map();
    cache.set(ctx.store, byPool);
  }
  return byPool;
}

async function newKey(ctx: DomainContext, poolId: string, use: KeyUse): Promise<SigningKeyRecord> {
  const { privateKey, publicKey } = await new Promise<{ privateKey: KeyObject; publicKey: KeyObject }>((resolve, reject) =>
    generateKeyPair("rsa", { modulusLength: 2048 }, (error, publicKey, privateKey) =>
      error ? reject(error) : resolve({ privateKey, publicKey }),
    ),
  );
  // Cognito's kids are base64 strings (reference §5.2).
  const kid = ctx.random.bytes(32).toString("base64");
  const jwk = publicKey.export({ format: "jwk" });
  return {
    kid,
    poolId,
    use,
    publicJwk: { alg: "RS256", e: jwk.e ?? "", kid, kty: "RSA", n: jwk.n ?? "", use: "sig" },
    sealedPrivateKey: ctx.sealer.seal(privateKey.export({ format: "pem", type: "pkcs8" }).toString()),
    createdAt: ctx.clock.now(),
    retiredAt: null,
  };
}

/** A fresh ID key and access key (Cognito signs the two with different keys, reference §5.2). */
async function newKeyPair(ctx: DomainContext, poolId: string): Promise<SigningKeyRecord[]> {
  return [await newKey(ctx, poolId, "id"), await newKey(ctx, poolId, "access")];
}

async function insertKeys(ctx: DomainContext, records: SigningKeyRecord[]): Promise<void> {
  for (const record of records) await ctx.store.insertSigningKey(record);
}

function load(ctx: DomainContext, records: SigningKeyRecord[]): PoolKeys {
  const active = (use: KeyUse) => records.filter((r) => r.use === use && r.retiredAt === null).at(-1);
  const id = active("id");
  const access = active("access");
  const toSigning = (record: SigningKeyRecord): SigningKey => ({
    kid: record.kid,
    use: record.use,
    privateKey: createPrivateKey(ctx.sealer.open(record.sealedPrivateKey)),
  });
  return {
    records,
    signing: id === undefined || access === undefined ? undefined : { id: toSigning(id), access: toSigning(access) },
    publicKeys: new Map(records.map((r) => [r.kid, createPublicKey({ key: r.publicJwk, format: "jwk" })])),
    until: performance.now() + KEY_CACHE_MS,
  };
}

async function poolKeys(ctx: DomainContext, poolId: string): Promise<PoolKeys> {
  const byPool = poolCache(ctx);
  const cached = byPool.get(poolId);
  if (cached !== undefined && cached.until > performance.now()) return cached;
  let keys = load(ctx, await ctx.store.listSigningKeys(poolId));
  if (keys.signing === undefined) {
    // First use of the pool: one key pair, made once even when many requests ask at the same time.
    let pending = creating.get(poolId);
    if (pending === undefined) {
      pending = newKeyPair(ctx, poolId)
        .then((records) => ctx.store.transaction((store) => insertKeys({ ...ctx, store }, records)))
        .finally(() => creating.delete(poolId));
      creating.set(poolId, pending);
    }
    await pending;
    keys = load(ctx, await ctx.store.listSigningKeys(poolId));
  }
  byPool.set(poolId, keys);
  return keys;
}

/** The keys new tokens of the pool are signed with, made on first use. */
export async function activeSigningKeys(ctx: DomainContext, poolId: string): Promise<Record<KeyUse, SigningKey>> {
  const keys = await poolKeys(ctx, poolId);
  if (keys.signing === undefined) throw new Error(`no signing keys for pool ${poolId}`);
  return keys.signing;
}

/** The key with this kid, if the pool has (or had) it; for checking tokens the pool issued. */
export async function verificationKey(ctx: DomainContext, poolId: string, kid: string): Promise<KeyObject | undefined> {
  return (await poolKeys(ctx, poolId)).publicKeys.get(kid);
}

/** The JWKS the pool publishes: active keys, and retired ones whose tokens may still be alive. */
export async function publishedKeys(ctx: DomainContext, poolId: string): Promise<JsonObject[]> {
  const { records } = await poolKeys(ctx, poolId);
  const now = ctx.clock.now();
  return records.filter((r) => r.retiredAt === null || now - r.retiredAt < RETIRED_KEY_PUBLISHED_MS).map((r) => r.publicJwk);
}

/**
 * Rotates a pool's signing keys (`userpool keys rotate`): new tokens are
 * signed with a new pair; the old keys stay published, so tokens they
 * signed keep verifying until they expire.
 */
export async function rotateSigningKeys(ctx: DomainContext, poolId: string): Promise<void> {
  const records = await newKeyPair(ctx, poolId);
  // In one transaction, so no request finds the pool without active keys.
  await ctx.store.transaction(async (store) => {
    await store.retireSigningKeys(poolId, ctx.clock.now());
    await insertKeys({ ...ctx, store }, records);
  });
  poolCache(ctx).delete(poolId);
}
