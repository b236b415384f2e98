import type { Kysely, Migration, MigrationProvider } from "kysely";
import type { Engine } from "../store.js";
import { initial } from "./001_initial.js";
import { codes } from "./002_codes.js";
import { signIn } from "./003_sign_in.js";
import { groups } from "./004_groups.js";
import { mfa } from "./005_mfa.js";
import { challengeProgress } from "./006_challenge_progress.js";
import { srp } from "./007_srp.js";
import { userQuotas } from "./008_user_quotas.js";
import { poolResources } from "./009_pool_resources.js";
import { refreshTokenRotation } from "./010_refresh_token_rotation.js";

/** A forward-only migration; `engine` lets a step pick types where the engines differ. */
export type EngineMigration = (db: Kysely<unknown>, engine: Engine) => Promise<void>;

/** Versioned migrations, applied in key order. Never edit a released one: add the next. */
const MIGRATIONS: Record<string, EngineMigration> = {
  "001_initial": initial,
  "002_codes": codes,
  "003_sign_in": signIn,
  "004_groups": groups,
  "005_mfa": mfa,
  "006_challenge_progress": challengeProgress,
  "007_srp": srp,
  "008_user_quotas": userQuotas,
  "009_pool_resources": poolResources,
  "010_refresh_token_rotation": refreshTokenRotation,
};

export function migrationProvider(engine: Engine): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, up] of Object.entries(MIGRATIONS)) {
        out[name] = { up: (db) => up(db as Kysely<unknown>, engine) };
      }
      return out;
    },
  };
}
