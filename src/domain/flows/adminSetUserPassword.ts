import { optimistically } from "../kernel/atomically.js";
import type { DomainContext } from "../kernel/context.js";
import { checkPassword, temporaryPasswordExpiresAt } from "../pools/passwordPolicy.js";
import { getPool } from "../pools/pools.js";
import { hashPassword } from "../users/passwordSecrets.js";
import { saveUser } from "../users/saveUser.js";
import { requireUser } from "../users/userLookup.js";

export interface AdminSetUserPasswordRequest {
  username: string;
  password: string;
  permanent: boolean;
}

/**
 * AdminSetUserPassword (reference §3.1): works on a user in any status.
 * Permanent makes the user CONFIRMED with that password, also from
 * UNCONFIRMED (aws-sdk-js#2976: "it actually changes password, but also
 * changes user status to CONFIRMED or FORCE_CHANGE_PASSWORD"),
 * RESET_REQUIRED, FORCE_CHANGE_PASSWORD and EXTERNAL_PROVIDER (API docs);
 * otherwise it is a temporary password (FORCE_CHANGE_PASSWORD) that works
 * for the pool's TemporaryPasswordValidityDays, as AdminCreateUser's does.
 * Attributes, their verification flags and Enabled are untouched (the flags
 * UNVERIFIED, reference §3.1) and nothing is sent. The password is checked
 * with the "does not conform to policy" wording the research notes give
 * for password changes, and hashed before the write, never inside a
 * transaction. Checking it before looking the user up (an unknown user
 * with a bad password gets InvalidPasswordException) is an UNVERIFIED order.
 */
export async function adminSetUserPassword(
  ctx: DomainContext,
  poolId: string,
  request: AdminSetUserPasswordRequest,
): Promise<void> {
  const pool = await getPool(ctx, poolId);
  const policy = pool.settings.Policies.PasswordPolicy;
  checkPassword(request.password, policy, "change");
  const hashed = await hashPassword(ctx, request.password);
  await optimistically(async () => {
    const user = await requireUser(ctx, pool, request.username);
    const secrets = hashed.secretsFor(pool, user.username);
    await saveUser(
      ctx,
      pool,
      user,
      request.permanent
        ? { status: "CONFIRMED", ...secrets, passwordExpiresAt: null }
        : {
            status: "FORCE_CHANGE_PASSWORD",
            ...secrets,
            passwordExpiresAt: temporaryPasswordExpiresAt(policy, ctx.clock.now()),
          },
    );
  });
}
