import { createCipheriv, createDecipheriv, hkdfSync } from "node:crypto";
import type { Random } from "./runtime.js";

const VERSION = "v1";

/**
 * Seals secrets the server must read back (admin key secrets, client secrets,
 * signing keys) with AES-256-GCM under the master key, and derives purpose
 * keys (pagination tokens, sessions) from it, so one key protects everything
 * at rest and every process sharing it agrees.
 */
export class Sealer {
  constructor(
    private readonly masterKey: Buffer,
    private readonly random: Random,
  ) {
    if (masterKey.length !== 32) throw new Error("master key must be 32 bytes");
  }

  seal(plaintext: string): string {
    const iv = this.random.bytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.masterKey, iv);
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
  }

  open(sealed: string): string {
    const [version, payload] = sealed.split(".");
    if (version !== VERSION || payload === undefined) throw new Error("unknown sealed format");
    const raw = Buffer.from(payload, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", this.masterKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  }

  /** A 32-byte key for one purpose, derived from the master key (HKDF-SHA256). */
  deriveKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync("sha256", this.masterKey, Buffer.alloc(0), `userpool:${purpose}`, 32));
  }
}
