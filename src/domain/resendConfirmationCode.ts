import { InvalidParameterException, NotAuthorizedException, UserNotFoundException } from "../errors.js";
import { atomically } from "./atomically.js";
import { preventsUserExistenceErrors } from "./clientSettings.js";
import { getClientById } from "./clients.js";
import type { CodeDeliveryDetails } from "./codeDelivery.js";
import type { DomainContext } from "./context.js";
import { MEDIUM_ATTRIBUTE } from "./messages.js";
import { getPool, type Pool } from "./pools.js";
import { checkSecretHash } from "./secretHash.js";
import { sendConfirmationCode } from "./signUp.js";
import { simulatedCodeDelivery } from "./simulatedDelivery.js";
import { findUser } from "./userLookup.js";

export interface ResendConfirmationCodeRequest {
  clientId: string;
  secretHash?: string;
  username: string;
}

/**
 * Observed raw response ({"__type":"NotAuthorizedException","message":"Cannot resend codes. Auto
 * verification not turned on."}, quoted in a public Amplify repro README) for a pool without
 * AutoVerifiedAttributes. That the same answer covers a user who lacks every auto-verified contact
 * is UNVERIFIED.
 */
function noDelivery(): NotAuthorizedException {
  return new NotAuthorizedException("Cannot resend codes. Auto verification not turned on.");
}

/**
 * The simulated answer for a user the caller must not learn about
 * (simulatedCodeDelivery): a sign-up code would go to a contact the pool
 * auto-verifies, the phone number first (as signUpMedium prefers). A pool
 * that verifies nothing refuses as it does for every user.
 */
export function simulatedDelivery(ctx: DomainContext, pool: Pool, username: string): CodeDeliveryDetails {
  const auto = pool.settings.AutoVerifiedAttributes ?? [];
  const [first, ...rest] = (["SMS", "EMAIL"] as const).filter((medium) => auto.includes(MEDIUM_ATTRIBUTE[medium]));
  if (first === undefined) throw noDelivery();
  return simulatedCodeDelivery(ctx, pool, username, [first, ...rest]);
}

/**
 * ResendConfirmationCode (reference §3.4): a new sign-up code for an
 * UNCONFIRMED user, superseding the previous one, sent where SignUp sent it.
 */
export async function resendConfirmationCode(
  ctx: DomainContext,
  request: ResendConfirmationCodeRequest,
): Promise<CodeDeliveryDetails> {
  const client = await getClientById(ctx, request.clientId);
  checkSecretHash(client, [request.username], request.secretHash);
  const pool = await getPool(ctx, client.poolId);
  const hideExistence = preventsUserExistenceErrors(client.settings);
  return atomically(ctx, async (tx) => {
    const user = await findUser(tx, pool, request.username);
    // Developer guide (managing error responses): with PreventUserExistenceErrors, "CodeDeliveryDetails
    // for a disabled user or a user that doesn't exist"; nothing is sent.
    if (user === undefined || (!user.enabled && hideExistence)) {
      if (hideExistence) return simulatedDelivery(ctx, pool, request.username);
      throw new UserNotFoundException("User does not exist.");
    }
    // LEGACY answer for a disabled user: the wording observed for disabled users elsewhere; UNVERIFIED here.
    if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
    // Raw response in amplify-js#1614: {"__type":"InvalidParameterException","message":"User is already
    // confirmed."}. Using it for statuses other than CONFIRMED (admin-created users) is UNVERIFIED.
    if (user.status !== "UNCONFIRMED") throw new InvalidParameterException("User is already confirmed.");
    const details = await sendConfirmationCode(tx, pool, user, "CustomMessage_ResendCode");
    if (details === undefined) throw noDelivery();
    return details;
  });
}
