import forge from "node-forge";
import type { DomainContext } from "../kernel/context.js";
import { getPool } from "../pools/pools.js";
import { activeSigningKeys } from "./signingKeys.js";

const KIND = "signing-certificate";
/** Ten years (research-pool-surface.md: the lifetime is not documented). */
const VALIDITY_MS = 10 * 365 * 24 * 60 * 60 * 1000;

/**
 * GetSigningCertificate: a self-signed X.509 certificate (`CN=<poolId>`,
 * SHA-256 with RSA) for the pool's ID-token signing key, as base64 DER
 * without PEM armour, the form Cognito returns. Made once per key and kept,
 * so every call answers the same certificate until the keys rotate.
 * Node's crypto parses certificates but cannot make them: node-forge does.
 */
export async function signingCertificate(ctx: DomainContext, poolId: string): Promise<string> {
  const pool = await getPool(ctx, poolId);
  const { id } = await activeSigningKeys(ctx, pool.id);
  const kept = await ctx.store.poolResources.get(pool.id, KIND, id.kid);
  if (kept !== undefined) return kept.body as string;

  const privateKey = forge.pki.privateKeyFromPem(id.privateKey.export({ format: "pem", type: "pkcs1" }).toString());
  const now = ctx.clock.now();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  // A positive serial: the leading byte's high bit clear (RFC 5280 §4.1.2.2).
  certificate.serialNumber = `01${ctx.random.bytes(15).toString("hex")}`;
  certificate.validity.notBefore = new Date(now);
  certificate.validity.notAfter = new Date(now + VALIDITY_MS);
  const name = [{ name: "commonName", value: pool.id }];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.sign(privateKey, forge.md.sha256.create());
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  const body = forge.util.encode64(der);
  await ctx.store.poolResources.put({ poolId: pool.id, kind: KIND, name: id.kid, body, createdAt: now, modifiedAt: now });
  return body;
}
