import { optimistically } from "../kernel/atomically.js";
import type { DomainContext } from "../kernel/context.js";
import { type MfaOption, type MfaPreferenceInput, mfaAfterOptions, mfaAfterPreference } from "../mfa/mfaPreferences.js";
import { associateSoftwareToken, verifySoftwareToken } from "../mfa/totp.js";
import type { Pool } from "../pools/pools.js";
import { authenticateAccessToken } from "../tokens/accessTokens.js";
import { saveUser } from "../users/saveUser.js";
import type { User } from "../users/user.js";

/**
 * The signed-in user's own MFA operations, authorised by an access token
 * (reference §3.4). Each reads the token's user afresh on every attempt, so
 * a change that lost a race to another write is re-decided on what won.
 */
function asSignedInUser<T>(ctx: DomainContext, accessToken: string, fn: (pool: Pool, user: User) => Promise<T>): Promise<T> {
  return optimistically(async () => {
    const { pool, user } = await authenticateAccessToken(ctx, accessToken);
    return fn(pool, user);
  });
}

/** AssociateSoftwareToken with an access token: the new secret, in base 32. */
export function associateOwnSoftwareToken(ctx: DomainContext, accessToken: string): Promise<string> {
  return asSignedInUser(ctx, accessToken, (pool, user) => associateSoftwareToken(ctx, pool, user));
}

/** VerifySoftwareToken with an access token. */
export async function verifyOwnSoftwareToken(
  ctx: DomainContext,
  accessToken: string,
  code: string,
  friendlyDeviceName: string | undefined,
): Promise<void> {
  await asSignedInUser(ctx, accessToken, (pool, user) => verifySoftwareToken(ctx, pool, user, code, friendlyDeviceName));
}

/** SetUserMFAPreference. */
export async function setOwnMfaPreference(ctx: DomainContext, accessToken: string, input: MfaPreferenceInput): Promise<void> {
  await asSignedInUser(ctx, accessToken, (pool, user) =>
    saveUser(ctx, pool, user, { mfa: mfaAfterPreference(pool, user, input) }),
  );
}

/** SetUserSettings, the legacy SMS-only form. */
export async function setOwnUserSettings(ctx: DomainContext, accessToken: string, options: MfaOption[]): Promise<void> {
  await asSignedInUser(ctx, accessToken, (pool, user) =>
    saveUser(ctx, pool, user, { mfa: mfaAfterOptions(pool, user, options) }),
  );
}
