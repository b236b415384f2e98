import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from "node:crypto";
import type { JsonObject, SigningKeyRecord } from "../../store/records.js";
import type { DomainContext } from "../kernel/context.js";

export type KeyUse = "id" | "access";

export interface SigningKey {
  kid: string;
  use: KeyUse;
  privateKey: KeyObject;
}

/**
 * How long a retired key stays published and trusted: the longest an ID or
 * access token can live (reference §5.3). Nothing it signed can be valid
 * later, so later it verifies nothing, even a token whose exp says otherwise.
 */
const RETIRED_KEY_TRUSTED_MS = 24 * 60 * 60 * 1000;

/** How long this process trusts its copy of a pool's keys; a rotation elsewhere is seen within it. */
const KEY_CACHE_MS = 5000;

/**
 * Pools whose keys this process keeps (about 19 KB each), least recently used
 * dropped first: as many as a store holds pools, so a live pool is dropped
 * only for pools deleted by another process.
 */
export const MAX_CACHED_POOLS = 1000;

interface PoolKeys {
  records: SigningKeyRecord[];
  signing: Record<KeyUse, SigningKey> | undefined;
  publicKeys: Map<string, { key: KeyObject; retiredAt: number | null }>;
}

/** What this process holds of one store's signing keys. */
interface StoreKeys {
  /** Each pool's keys as last read, or being read: requests arriving meanwhile share that one read. */
  pools: Map<string, { keys: Promise<PoolKeys>; until: number }>;
  /** First key pairs being made, by pool. */
  creating: Map<string, Promise<void>>;
}

const cache = new WeakMap<DomainContext["store"], StoreKeys>();

function storeKeys(ctx: DomainContext): StoreKeys {
  let keys = cache.get(ctx.store);
  if (keys === undefined) {
    keys = { pools: new Map(), creating: new Map() };
    cache.set(ctx.store, keys);
  }
  return keys;
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
  for (const record of records) await ctx.store.signingKeys.insert(record);
}

/**
 * Imports the pool's key records. Keys `previous` already imported are
 * reused by kid: the records rarely change between reads, and opening a
 * sealed private key and importing RSA keys costs far more than a lookup.
 */
function load(ctx: DomainContext, records: SigningKeyRecord[], previous: PoolKeys | undefined): PoolKeys {
  const active = (use: KeyUse) => records.filter((r) => r.use === use && r.retiredAt === null).at(-1);
  const id = active("id");
  const access = active("access");
  const toSigning = (record: SigningKeyRecord): SigningKey => {
    const known = previous?.signing?.[record.use];
    if (known?.kid === record.kid) return known;
    return { kid: record.kid, use: record.use, privateKey: createPrivateKey(ctx.sealer.open(record.sealedPrivateKey)) };
  };
  return {
    records,
    signing: id === undefined || access === undefined ? undefined : { id: toSigning(id), access: toSigning(access) },
    publicKeys: new Map(
      records.map((r) => [
        r.kid,
        {
          key: previous?.publicKeys.get(r.kid)?.key ?? createPublicKey({ key: r.publicJwk, format: "jwk" }),
          retiredAt: r.retiredAt,
        },
      ]),
    ),
  };
}

/** Keeps `entry` as the most recently used, dropping the least recently used pool over MAX_CACHED_POOLS. */
function remember(pools: StoreKeys["pools"], poolId: string, entry: { keys: Promise<PoolKeys>; until: number }): void {
  pools.delete(poolId);
  pools.set(poolId, entry);
  if (pools.size > MAX_CACHED_POOLS) pools.delete(pools.keys().next().value as string);
}

/** The pool's keys as stored, re-read once KEY_CACHE_MS have passed, one read at a time. Makes none. */
function storedKeys(ctx: DomainContext, poolId: string): Promise<PoolKeys> {
  const { pools } = storeKeys(ctx);
  const cached = pools.get(poolId);
  if (cached !== undefined && cached.until > performance.now()) {
    remember(pools, poolId, cached);
    return cached.keys;
  }
  const previous = cached?.keys.catch(() => undefined);
  const keys = Promise.all([ctx.store.signingKeys.list(poolId), previous]).then(([records, prior]) => load(ctx, records, prior));
  remember(pools, poolId, { keys, until: performance.now() + KEY_CACHE_MS });
  // A failed read is not kept: the next request reads again.
  keys.catch(() => {
    if (pools.get(poolId)?.keys === keys) pools.delete(poolId);
  });
  return keys;
}

/** A first key pair for the pool, unless another request or process stored one meanwhile. */
async function makeFirstKeys(ctx: DomainContext, poolId: string): Promise<void> {
  const records = await newKeyPair(ctx, poolId);
  await ctx.store.transaction(async (store) => {
    if ((await store.signingKeys.list(poolId)).some((r) => r.retiredAt === null)) return;
    await insertKeys({ ...ctx, store }, records);
  });
}

/**
 * The pool's keys, with a first pair made if it has none: made once even
 * when many requests ask at the same time. Only for a pool known to exist,
 * so that no caller can have keys made (and cached) for made-up pool ids.
 */
async function keysMadeOnFirstUse(ctx: DomainContext, poolId: string): Promise<PoolKeys> {
  const keys = await storedKeys(ctx, poolId);
  if (keys.signing !== undefined) return keys;
  const { pools, creating } = storeKeys(ctx);
  let pending = creating.get(poolId);
  if (pending === undefined) {
    pending = makeFirstKeys(ctx, poolId)
      .then(() => {
        // The read that found no keys is not served again.
        pools.delete(poolId);
      })
      .finally(() => creating.delete(poolId));
    creating.set(poolId, pending);
  }
  await pending;
  return storedKeys(ctx, poolId);
}

/** The keys new tokens of the pool are signed with, made on first use; `poolId` must name an existing pool. */
export async function activeSigningKeys(ctx: DomainContext, poolId: string): Promise<Record<KeyUse, SigningKey>> {
  const keys = await keysMadeOnFirstUse(ctx, poolId);
  if (keys.signing === undefined) throw new Error(`no signing keys for pool ${poolId}`);
  return keys.signing;
}

const trusted = (retiredAt: number | null, now: number) => retiredAt === null || now - retiredAt < RETIRED_KEY_TRUSTED_MS;

/**
 * The key with this kid, if the pool has it or retired it recently enough
 * that tokens it signed may still be alive; for checking tokens the pool
 * issued. Only reads: a pool without keys has issued no tokens.
 */
export async function verificationKey(ctx: DomainContext, poolId: string, kid: string): Promise<KeyObject | undefined> {
  const known = (await storedKeys(ctx, poolId)).publicKeys.get(kid);
  return known !== undefined && trusted(known.retiredAt, ctx.clock.now()) ? known.key : undefined;
}

/**
 * The JWKS the pool publishes: active keys, and retired ones whose tokens
 * may still be alive. A pool that has signed nothing yet gets its first
 * pair here, so its JWKS already holds the keys its tokens will name; the
 * JWKS route answers 404 for an unknown pool before asking.
 */
export async function publishedKeys(ctx: DomainContext, poolId: string): Promise<JsonObject[]> {
  const { records } = await keysMadeOnFirstUse(ctx, poolId);
  const now = ctx.clock.now();
  return records.filter((r) => trusted(r.retiredAt, now)).map((r) => r.publicJwk);
}

/**
 * Rotates a pool's signing keys (`userpool keys rotate`): new tokens are
 * signed with a new pair; the old keys stay published, so tokens they
 * signed keep verifying until they expire. With `revokeNow` (a key that
 * leaked) the old keys are retired as of the longest token lifetime ago:
 * from now on they verify nothing and are no longer published. Keys that
 * verify nothing any more are deleted then.
 */
export async function rotateSigningKeys(
  ctx: DomainContext,
  poolId: string,
  options: { revokeNow?: boolean } = {},
): Promise<void> {
  const records = await newKeyPair(ctx, poolId);
  const now = ctx.clock.now();
  const retiredAt = options.revokeNow === true ? now - RETIRED_KEY_TRUSTED_MS : now;
  // In one transaction, so no request finds the pool without active keys.
  await ctx.store.transaction(async (store) => {
    await store.signingKeys.retireActive(poolId, retiredAt);
    // Keys retired RETIRED_KEY_TRUSTED_MS ago or earlier (revoked ones included) verify nothing any more.
    await store.signingKeys.deleteRetiredBefore(poolId, now - RETIRED_KEY_TRUSTED_MS + 1);
    await insertKeys({ ...ctx, store }, records);
  });
  forgetSigningKeys(ctx, poolId);
}

/** Drops this process's copy of a pool's keys: the pool was deleted, or its keys rotated. */
export function forgetSigningKeys(ctx: DomainContext, poolId: string): void {
  storeKeys(ctx).pools.delete(poolId);
}

/** How many pools' keys this process holds for the store; for tests of the bound. */
export function cachedSigningKeyPools(ctx: DomainContext): number {
  return storeKeys(ctx).pools.size;
}
