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
  private readonly purposeKeys = new Map<string, Buffer>();

  constructor(
    private readonly masterKey: Buffer,
    private readonly random: Random,
  ) {
    if (masterKey.length !== 32) throw new Error("master key must be 32 bytes");
  }

  /** Seals a secret kept at rest (admin key secrets, client secrets, signing keys). */
  seal(plaintext: string): string {
    return `${VERSION}.${this.encrypt(this.masterKey, plaintext).toString("base64url")}`;
  }

  open(sealed: string): string {
    const [version, payload] = sealed.split(".");
    if (version !== VERSION || payload === undefined) throw new Error("unknown sealed format");
    return this.decrypt(this.masterKey, Buffer.from(payload, "base64url"));
  }

  /**
   * Seals a value handed to clients (pagination tokens, sessions): opaque
   * to them, and any change makes it unreadable. Each purpose has its own
   * key, so a token of one kind is never accepted as another.
   */
  sealToken(purpose: string, plaintext: string): string {
    return this.encrypt(this.deriveKey(purpose), plaintext).toString("base64url");
  }

  /** The plaintext of a token sealed for `purpose`, or undefined for anything else. */
  openToken(purpose: string, token: string): string | undefined {
    try {
      return this.decrypt(this.deriveKey(purpose), Buffer.from(token, "base64url"));
    } catch {
      return undefined;
    }
  }

  /** A 32-byte key for one purpose, derived from the master key (HKDF-SHA256), kept after first use. */
  deriveKey(purpose: string): Buffer {
    let key = this.purposeKeys.get(purpose);
    if (key === undefined) {
      key = Buffer.from(hkdfSync("sha256", this.masterKey, Buffer.alloc(0), `userpool:${purpose}`, 32));
      this.purposeKeys.set(purpose, key);
    }
    return key;
  }

  private encrypt(key: Buffer, plaintext: string): Buffer {
    const iv = this.random.bytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  private decrypt(key: Buffer, raw: Buffer): string {
    if (raw.length < 28) throw new Error("sealed value too short");
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  }
}
