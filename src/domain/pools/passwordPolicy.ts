import { InvalidPasswordException } from "../../errors.js";
import { type Random, randomString } from "../kernel/runtime.js";

export interface PasswordPolicy {
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  TemporaryPasswordValidityDays: number;
  PasswordHistorySize?: number;
}

/** Reference §2.5: the policy a pool gets when none is given. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

const DAY_MS = 86_400_000;

/**
 * When a temporary password set now stops working: after the pool's
 * TemporaryPasswordValidityDays (reference §2.5), for AdminCreateUser's
 * invitations and AdminSetUserPassword without Permanent alike.
 */
export function temporaryPasswordExpiresAt(policy: PasswordPolicy, now: number): number {
  return now + policy.TemporaryPasswordValidityDays * DAY_MS;
}

/** Cognito's special characters (reference §2.5). */
const SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-";
const SYMBOL_SET = new Set(SYMBOLS);

/**
 * How each operation words a policy failure (research notes): SignUp says
 * "did not conform with policy", AdminCreateUser "did not conform with
 * password policy", every password change "does not conform to policy".
 */
export type PolicyMessage = "signUp" | "adminCreateUser" | "change";
const PREFIXES: Record<PolicyMessage, string> = {
  signUp: "Password did not conform with policy",
  adminCreateUser: "Password did not conform with password policy",
  change: "Password does not conform to policy",
};

/**
 * Checks a password against a pool's policy, reporting the first rule it
 * breaks. Upper/lower case means Basic Latin letters, as Cognito counts them.
 */
export function checkPassword(password: string, policy: PasswordPolicy, wording: PolicyMessage): void {
  const chars = [...password];
  const problem =
    chars.length < policy.MinimumLength
      ? "Password not long enough"
      : policy.RequireUppercase && !chars.some((c) => c >= "A" && c <= "Z")
        ? "Password must have uppercase characters"
        : policy.RequireLowercase && !chars.some((c) => c >= "a" && c <= "z")
          ? "Password must have lowercase characters"
          : policy.RequireNumbers && !chars.some((c) => c >= "0" && c <= "9")
            ? "Password must have numeric characters"
            : policy.RequireSymbols && !chars.some((c) => SYMBOL_SET.has(c))
              ? "Password must have symbol characters"
              : undefined;
  if (problem !== undefined) throw new InvalidPasswordException(`${PREFIXES[wording]}: ${problem}`);
}

/** A random temporary password that satisfies the policy (Cognito's own format is undocumented). */
export function generateTemporaryPassword(random: Random, policy: PasswordPolicy): string {
  const length = Math.max(policy.MinimumLength, 12);
  const required = [
    randomString(random, "ABCDEFGHJKLMNPQRSTUVWXYZ", 1),
    randomString(random, "abcdefghijkmnopqrstuvwxyz", 1),
    randomString(random, "23456789", 1),
    randomString(random, "!#%+-=?@^_", 1),
  ];
  const rest = randomString(random, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", length - required.length);
  // Shuffle the required classes into the body so their positions are not fixed.
  const chars = [...required, ...rest];
  const order = random.bytes(chars.length);
  return chars
    .map((c, i) => ({ c, k: order[i] ?? 0 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.c)
    .join("");
}
