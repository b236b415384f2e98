import { NotAuthorizedException } from "../../errors.js";
import type { DomainContext } from "../kernel/context.js";
import { checkPassword } from "../pools/passwordPolicy.js";
import { authenticateAccessToken } from "../tokens/accessTokens.js";
import { checkWithLockout, INCORRECT_PASSWORD, passwordMatches } from "../users/lockout.js";
import { hashPassword } from "../users/passwordSecrets.js";
import { saveUser } from "../users/saveUser.js";
import { spendUserQuota } from "../users/userQuotas.js";

/**
 * ChangePassword (reference §3.4): the signed-in user replaces their
 * password. A wrong previous password is "Incorrect username or password."
 * and counts toward the lockout like a failed sign-in; the new one must meet
 * the policy. The status stays CONFIRMED; other sessions stay signed in
 * (whether Cognito revokes them is UNVERIFIED, reference §12.16). A user
 * gets 5 calls an hour (reference §3.4, §8; users/userQuotas.ts).
 */
export async function changePassword(
  ctx: DomainContext,
  accessToken: string,
  previous: string | undefined,
  proposed: string,
): Promise<void> {
  const { pool, user } = await authenticateAccessToken(ctx, accessToken);
  await spendUserQuota(ctx, user, "ChangePassword");
  if (!(await checkWithLockout(ctx, user, passwordMatches(ctx, user, previous)))) {
    throw new NotAuthorizedException(INCORRECT_PASSWORD);
  }
  checkPassword(proposed, pool.settings.Policies.PasswordPolicy, "change");
  const hashed = await hashPassword(ctx, proposed);
  await saveUser(ctx, pool, user, hashed.secretsFor(pool, user.username));
}
