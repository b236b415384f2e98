import { NotAuthorizedException } from "../errors.js";
import { authenticateAccessToken } from "./accessTokens.js";
import type { DomainContext } from "./context.js";
import { checkLockout, clearFailedSignIns, recordFailedSignIn } from "./lockout.js";
import { checkPassword } from "./passwordPolicy.js";
import { saveUser } from "./saveUser.js";

/**
 * ChangePassword (reference §3.4): the signed-in user replaces their
 * password. A wrong previous password is "Incorrect username or password."
 * and counts toward the lockout like a failed sign-in; the new one must meet
 * the policy. The status stays CONFIRMED; other sessions stay signed in
 * (whether Cognito revokes them is UNVERIFIED, reference §12.16).
 */
export async function changePassword(
  ctx: DomainContext,
  accessToken: string,
  previous: string | undefined,
  proposed: string,
): Promise<void> {
  const { pool, user } = await authenticateAccessToken(ctx, accessToken);
  const { hasFailures } = await checkLockout(ctx, user);
  if (user.passwordHash === null || previous === undefined || !(await ctx.hasher.verify(user.passwordHash, previous))) {
    await recordFailedSignIn(ctx, user);
    throw new NotAuthorizedException("Incorrect username or password.");
  }
  if (hasFailures) await clearFailedSignIns(ctx, user);
  checkPassword(proposed, pool.settings.Policies.PasswordPolicy, "change");
  const passwordHash = await ctx.hasher.hash(proposed);
  await saveUser(ctx, pool, user, { passwordHash });
}
