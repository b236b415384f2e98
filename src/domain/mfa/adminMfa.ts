import { optimistically } from "../kernel/atomically.js";
import type { DomainContext } from "../kernel/context.js";
import { getPool, type Pool } from "../pools/pools.js";
import { saveUser } from "../users/saveUser.js";
import type { User } from "../users/user.js";
import { requireUser } from "../users/userLookup.js";
import { type MfaOption, type MfaPreferenceInput, mfaAfterOptions, mfaAfterPreference } from "./mfaPreferences.js";
import { withoutSoftwareToken } from "./totp.js";

/** Reads the pool and user afresh and writes the user's new MFA state, again if the user changed meanwhile. */
function changeUserMfa(
  ctx: DomainContext,
  poolId: string,
  username: string,
  change: (pool: Pool, user: User) => User["mfa"],
): Promise<void> {
  return optimistically(async () => {
    const pool = await getPool(ctx, poolId);
    const user = await requireUser(ctx, pool, username);
    await saveUser(ctx, pool, user, { mfa: change(pool, user) });
  });
}

/** AdminSetUserMFAPreference (reference §3.1). */
export function adminSetUserMfaPreference(
  ctx: DomainContext,
  poolId: string,
  username: string,
  input: MfaPreferenceInput,
): Promise<void> {
  return changeUserMfa(ctx, poolId, username, (pool, user) => mfaAfterPreference(pool, user, input));
}

/** AdminSetUserSettings, the legacy SMS-only form (reference §3.1). */
export function adminSetUserSettings(ctx: DomainContext, poolId: string, username: string, options: MfaOption[]): Promise<void> {
  return changeUserMfa(ctx, poolId, username, (pool, user) => mfaAfterOptions(pool, user, options));
}

/**
 * AdminDeleteSoftwareToken (cognito-2024-2026.md §6): the user's TOTP
 * authenticator and preference go, other factors stay; in a pool that
 * requires MFA the next sign-in asks for MFA_SETUP. A user without one is
 * left as they are.
 */
export function adminDeleteSoftwareToken(ctx: DomainContext, poolId: string, username: string): Promise<void> {
  return changeUserMfa(ctx, poolId, username, (_pool, user) => withoutSoftwareToken(user));
}
