import { InvalidParameterException, NotAuthorizedException } from "../../errors.js";
import type { CodeDeliveryDetails } from "../courier/codeDelivery.js";
import { MEDIUM_ATTRIBUTE } from "../courier/messages.js";
import { simulatedCodeDelivery } from "../courier/simulatedDelivery.js";
import { atomically } from "../kernel/atomically.js";
import type { DomainContext } from "../kernel/context.js";
import { getClientById } from "../pools/clients.js";
import { getPool } from "../pools/pools.js";
import { checkSecretHash } from "../pools/secretHash.js";
import { findSelfServiceUser } from "../users/userLookup.js";
import { spendUserQuota } from "../users/userQuotas.js";
import { sendConfirmationCode } from "./signUp.js";

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
 * ResendConfirmationCode (reference §3.4): a new sign-up code for an
 * UNCONFIRMED user, superseding the previous one, sent where SignUp sent it.
 * With PreventUserExistenceErrors an unknown or disabled user gets
 * "CodeDeliveryDetails for a disabled user or a user that doesn't exist"
 * (developer guide, managing error responses) and nothing is sent; the
 * simulated code goes where SignUp's would, to a contact the pool
 * auto-verifies, the phone number first (as signUpMedium prefers). Without
 * it a disabled user gets the wording observed for disabled users elsewhere
 * (UNVERIFIED here). A user gets 5 codes an hour (users/userQuotas.ts).
 */
export async function resendConfirmationCode(
  ctx: DomainContext,
  request: ResendConfirmationCodeRequest,
): Promise<CodeDeliveryDetails> {
  const client = await getClientById(ctx, request.clientId);
  checkSecretHash(client, [request.username], request.secretHash);
  const pool = await getPool(ctx, client.poolId);
  const auto = pool.settings.AutoVerifiedAttributes ?? [];
  const simulatedMediums = (["SMS", "EMAIL"] as const).filter((medium) => auto.includes(MEDIUM_ATTRIBUTE[medium]));
  return atomically(ctx, async (tx) => {
    const user = await findSelfServiceUser(tx, pool, client, request.username);
    // Raw response in amplify-js#1614: {"__type":"InvalidParameterException","message":"User is already
    // confirmed."}. Using it for statuses other than CONFIRMED (admin-created users) is UNVERIFIED.
    if (user !== undefined && user.status !== "UNCONFIRMED") throw new InvalidParameterException("User is already confirmed.");
    if (user !== undefined) await spendUserQuota(tx, user, "ResendConfirmationCode");
    const details =
      user === undefined
        ? simulatedCodeDelivery(tx, pool, request.username, simulatedMediums)
        : await sendConfirmationCode(tx, pool, user, "CustomMessage_ResendCode");
    if (details === undefined) throw noDelivery();
    return details;
  });
}
