import { Secret, TOTP } from "otpauth";
import { EnableSoftwareTokenMFAException, SoftwareTokenMFANotFoundException } from "../../errors.js";
import type { DomainContext } from "../kernel/context.js";
import { equalSecrets } from "../kernel/equalSecrets.js";
import { poolMfaFactors } from "../pools/poolMfa.js";
import type { Pool } from "../pools/pools.js";
import { saveUser } from "../users/saveUser.js";
import type { User } from "../users/user.js";
import { withFactor } from "./userMfa.js";

/**
 * TOTP as Cognito's software token MFA uses it (reference §3.4,
 * AssociateSoftwareToken / VerifySoftwareToken): RFC 6238 with HMAC-SHA-1,
 * 6 digits, 30-second steps, and a code of the step before or after the
 * current one accepted for clock skew. A code is accepted once: the step it
 * belongs to is recorded on the user, and a code of that step or an earlier
 * one is refused afterwards (RFC 6238 §5.2). Recording the step is the
 * user row's conditional write (saveUser's version check), so of two
 * concurrent uses of one code one write wins; the other fails with
 * StaleWrite and, re-run by `optimistically` on a fresh read, sees the step
 * used. Secrets are sealed at rest and never logged.
 */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const SKEW_STEPS = 1;
/** 32 bytes: 52 base-32 characters, the length Cognito's SecretCode has. */
const SECRET_BYTES = 32;

export const SOFTWARE_TOKEN_NOT_ENABLED = "Software Token MFA has not been enabled by the userPool.";

/** Software token MFA needs the pool to offer it (cognito-2024-2026.md §6). */
export function requireSoftwareTokenPool(pool: Pool): void {
  if (!poolMfaFactors(pool.settings).SoftwareTokenMfa) throw new SoftwareTokenMFANotFoundException(SOFTWARE_TOKEN_NOT_ENABLED);
}

/** The time step a code belongs to, if it is the code of the current step or one next to it. */
function stepOf(sealedSecret: string, ctx: DomainContext, code: string): number | undefined {
  const secret = Secret.fromBase32(ctx.sealer.open(sealedSecret));
  const current = Math.floor(ctx.clock.now() / 1000 / PERIOD_SECONDS);
  let matched: number | undefined;
  // Every candidate is compared, so the time taken does not tell which step matched.
  for (let step = current - SKEW_STEPS; step <= current + SKEW_STEPS; step++) {
    const expected = TOTP.generate({
      secret,
      algorithm: "SHA1",
      digits: DIGITS,
      period: PERIOD_SECONDS,
      timestamp: step * PERIOD_SECONDS * 1000,
    });
    if (equalSecrets(expected, code) && matched === undefined) matched = step;
  }
  return matched;
}

/**
 * AssociateSoftwareToken: a new secret, kept sealed as the user's pending
 * one until VerifySoftwareToken proves an authenticator holds it. A
 * verified authenticator keeps working until then (API_AdminDeleteSoftwareToken:
 * Cognito replaces the token when the new one is verified). Returns the
 * secret in base 32, to be shown to the user once.
 */
export async function associateSoftwareToken(ctx: DomainContext, pool: Pool, user: User): Promise<string> {
  requireSoftwareTokenPool(pool);
  const secret = new Secret({ buffer: Uint8Array.from(ctx.random.bytes(SECRET_BYTES)).buffer }).base32;
  await saveUser(ctx, pool, user, { mfa: { ...user.mfa, pendingTotpSecret: ctx.sealer.seal(secret) } });
  return secret;
}

/**
 * VerifySoftwareToken: a code from the pending secret makes it the user's
 * authenticator, with its FriendlyDeviceName. With nothing pending, the
 * code is checked against the verified authenticator, once only, and a
 * name given replaces the kept one. A wrong or used code is
 * EnableSoftwareTokenMFAException "Code mismatch and fail enable Software
 * Token MFA" (aws-samples/aws-amplify-auth-starters #15). In a pool that
 * requires MFA the verified token is also turned on, as MFA_SETUP needs
 * (getmoto/moto #8029); otherwise SetUserMFAPreference turns it on
 * (aws/aws-sdk-js-v3 #4645).
 */
export async function verifySoftwareToken(
  ctx: DomainContext,
  pool: Pool,
  user: User,
  code: string,
  friendlyDeviceName: string | undefined,
): Promise<User> {
  requireSoftwareTokenPool(pool);
  const { pendingTotpSecret: pending, totpSecret: current, totpLastStep: last } = user.mfa;
  const secret = pending ?? current;
  if (secret === null) throw new SoftwareTokenMFANotFoundException("Software Token MFA does not exist for the user.");
  const step = stepOf(secret, ctx, code);
  // Steps used belong to the verified secret; a pending one has none yet.
  if (step === undefined || (pending === null && last !== null && step <= last)) {
    throw new EnableSoftwareTokenMFAException("Code mismatch and fail enable Software Token MFA");
  }
  const verified = {
    ...user.mfa,
    totpSecret: secret,
    pendingTotpSecret: null,
    totpDeviceName: friendlyDeviceName ?? (pending === null ? user.mfa.totpDeviceName : null),
    totpLastStep: step,
  };
  const mfa = pool.settings.MfaConfiguration === "ON" ? withFactor(verified, "SOFTWARE_TOKEN_MFA") : verified;
  return saveUser(ctx, pool, user, { mfa });
}

/**
 * A sign-in's TOTP code (the SOFTWARE_TOKEN_MFA challenge): the user as
 * saved with the code's step recorded, or why the code is refused: "wrong",
 * or "used" for the code of a step already accepted or an earlier one. Run
 * it inside `optimistically` with a fresh read of the user, so a concurrent
 * use of the same code is refused on the re-run.
 */
export async function acceptSoftwareTokenCode(
  ctx: DomainContext,
  pool: Pool,
  user: User,
  code: string,
): Promise<User | "wrong" | "used"> {
  const secret = user.mfa.totpSecret;
  if (secret === null) throw new SoftwareTokenMFANotFoundException("Software Token MFA does not exist for the user.");
  const step = stepOf(secret, ctx, code);
  const last = user.mfa.totpLastStep;
  if (step === undefined) return "wrong";
  if (last !== null && step <= last) return "used";
  return saveUser(ctx, pool, user, { mfa: { ...user.mfa, totpLastStep: step } });
}

/** The name VerifySoftwareToken was given, for the challenge's FRIENDLY_DEVICE_NAME. */
export function softwareTokenDeviceName(user: User): string | undefined {
  return user.mfa.totpDeviceName ?? undefined;
}

/** AdminDeleteSoftwareToken: the authenticator, a pending secret and the TOTP preference go; other factors stay. */
export function withoutSoftwareToken(user: User): User["mfa"] {
  return {
    ...user.mfa,
    enabled: user.mfa.enabled.filter((factor) => factor !== "SOFTWARE_TOKEN_MFA"),
    preferred: user.mfa.preferred === "SOFTWARE_TOKEN_MFA" ? null : user.mfa.preferred,
    totpSecret: null,
    pendingTotpSecret: null,
    totpDeviceName: null,
    totpLastStep: null,
  };
}
