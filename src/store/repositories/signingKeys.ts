import type { StoreCore } from "../core.js";
import type { SigningKeyRecord } from "../records.js";
import { signingKeyFromRow } from "../rows.js";
import type { SigningKeyRepository } from "../store.js";

export class SigningKeys implements SigningKeyRepository {
  constructor(private readonly core: StoreCore) {}

  async insert(key: SigningKeyRecord): Promise<void> {
    await this.core.db
      .insertInto("signing_keys")
      .values({
        kid: key.kid,
        pool_id: key.poolId,
        key_use: key.use,
        public_jwk: JSON.stringify(key.publicJwk),
        sealed_private_key: key.sealedPrivateKey,
        created_at: key.createdAt,
        retired_at: key.retiredAt,
      })
      .execute();
  }

  async list(poolId: string): Promise<SigningKeyRecord[]> {
    const rows = await this.core.db
      .selectFrom("signing_keys")
      .selectAll()
      .where("pool_id", "=", poolId)
      .orderBy("created_at")
      .orderBy("kid")
      .execute();
    return rows.map(signingKeyFromRow);
  }

  async retireActive(poolId: string, at: number): Promise<void> {
    await this.core.db
      .updateTable("signing_keys")
      .set({ retired_at: at })
      .where("pool_id", "=", poolId)
      .where("retired_at", "is", null)
      .execute();
  }

  async deleteRetiredBefore(poolId: string, before: number): Promise<void> {
    await this.core.db
      .deleteFrom("signing_keys")
      .where("pool_id", "=", poolId)
      .where("retired_at", "is not", null)
      .where("retired_at", "<", before)
      .execute();
  }
}
