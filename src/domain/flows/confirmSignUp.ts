import { CodeMismatchException, NotAuthorizedException } from "../../errors.js";
import { atomicallyRedeeming, redeemCode } from "../courier/codes.js";
import { atomically } from "../kernel/atomically.js";
import type { DomainContext } from "../kernel/context.js";
import { getClientById } from "../pools/clients.js";
import type { VerifiableAttribute } from "../pools/poolSettings.js";
import { getPool, type Pool } from "../pools/pools.js";
import { checkSecretHash } from "../pools/secretHash.js";
import { claimAliases } from "../users/aliases.js";
import { saveUser } from "../users/saveUser.js";
import type { User } from "../users/user.js";
import { userKeys } from "../users/userKeys.js";
import { findSelfServiceUser, requireUser } from "../users/userLookup.js";
import { spendUserQuota } from "../users/userQuotas.js";

export interface ConfirmSignUpRequest {
  clientId: string;
  secretHash?: string;
  username: string;
  code: string;
  forceAliasCreation: boolean;
}

/** Reference §2.2 (observed wording, no trailing period): only UNCONFIRMED users can be confirmed. */
function checkConfirmable(user: User): void {
  if (user.status !== "UNCONFIRMED") {
    throw new NotAuthorizedException(`User cannot be confirmed. Current status is ${user.status}`);
  }
}

/**
 * UNCONFIRMED → CONFIRMED, the one transition ConfirmSignUp and
 * AdminConfirmSignUp share. `verified` is the contact a code proved (none
 * for the admin call, reference §3.1); marking it verified may make it an
 * alias, which another user's verified value blocks unless `force` moves it
 * (reference §2.4). Runs inside the caller's transaction.
 */
async function confirmUser(
  tx: DomainContext,
  pool: Pool,
  user: User,
  verified: VerifiableAttribute | undefined,
  force: boolean,
): Promise<void> {
  const attributes =
    verified !== undefined && user.attributes[verified] !== undefined
      ? { ...user.attributes, [`${verified}_verified`]: "true" }
      : user.attributes;
  if (attributes !== user.attributes) await claimAliases(tx, pool, userKeys(pool.settings, attributes), force, user.id);
  await saveUser(tx, pool, user, { status: "CONFIRMED", attributes });
}

function verifiedBy(payload: string | null): VerifiableAttribute | undefined {
  return payload === "email" || payload === "phone_number" ? payload : undefined;
}

/**
 * ConfirmSignUp (reference §3.4). Finding the user, checking the code and
 * confirming happen in one transaction, so a refused request (wrong status,
 * alias taken) leaves the code usable and the user as it was. A refused
 * code is the exception: the transaction commits redeemCode's bookkeeping
 * (the failed attempt that counts toward the limit) and the error is thrown
 * after it. A user gets 15 calls an hour (users/userQuotas.ts).
 */
export async function confirmSignUp(ctx: DomainContext, request: ConfirmSignUpRequest): Promise<void> {
  const client = await getClientById(ctx, request.clientId);
  checkSecretHash(client, [request.username], request.secretHash);
  const pool = await getPool(ctx, client.poolId);
  await atomicallyRedeeming(ctx, async (tx) => {
    // A disabled user is refused even with PreventUserExistenceErrors: for ConfirmSignUp reference §2.7
    // lists NotAuthorizedException "as applicable" among the answers, and the developer guide (managing
    // error responses) gives it "when a user isn't authorized". The wording is UNVERIFIED here.
    const user = await findSelfServiceUser(tx, pool, client, request.username, { revealDisabled: true });
    // Reference §2.7: an unknown user gets a code error instead. CodeMismatchException is what an existing
    // user with a pending code gets for a wrong code, and what the developer guide documents for
    // ConfirmForgotPassword's unknown users; the choice for ConfirmSignUp is UNVERIFIED.
    if (user === undefined) throw new CodeMismatchException("Invalid verification code provided, please try again.");
    checkConfirmable(user);
    await spendUserQuota(tx, user, "ConfirmSignUp");
    const payload = await redeemCode(tx, user, "SIGN_UP", request.code);
    await confirmUser(tx, pool, user, verifiedBy(payload), request.forceAliasCreation);
  });
}

/** AdminConfirmSignUp (reference §3.1): the same transition without a code; nothing becomes verified. */
export async function adminConfirmSignUp(ctx: DomainContext, poolId: string, username: string): Promise<void> {
  const pool = await getPool(ctx, poolId);
  await atomically(ctx, async (tx) => {
    const user = await requireUser(tx, pool, username);
    checkConfirmable(user);
    // No code is redeemed here, so a sign-up code still pending is dropped: it has nothing left to confirm.
    const pending = await tx.store.codes.get(user.id, "SIGN_UP");
    if (pending !== undefined) await tx.store.codes.delete(pending.id);
    await confirmUser(tx, pool, user, undefined, false);
  });
}
