import { createHmac } from "node:crypto";
import { InvalidParameterException, NotAuthorizedException, UserNotFoundException } from "../errors.js";
import { atomically } from "./atomically.js";
import { preventsUserExistenceErrors } from "./clientSettings.js";
import { getClientById } from "./clients.js";
import { type CodeDeliveryDetails, maskDestination } from "./codeDelivery.js";
import type { DomainContext } from "./context.js";
import { type DeliveryMedium, MEDIUM_ATTRIBUTE } from "./messages.js";
import { getPool, type Pool } from "./pools.js";
import { checkSecretHash } from "./secretHash.js";
import { sendConfirmationCode } from "./signUp.js";
import { foldCase, looksLikeEmail, looksLikePhoneNumber } from "./userKeys.js";
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
 * What a code sent to nobody looks like, for a user the caller must not
 * learn about (reference §2.7; developer guide: the simulated medium follows
 * "the input username format and verification settings of the user pool").
 * A name that is an email or phone number the pool verifies is masked as
 * itself; otherwise the pool's preferred medium (as signUpMedium prefers)
 * with a made-up destination, stable per pool and name so that asking
 * twice gives the same answer. A pool that verifies nothing refuses as it
 * does for every user.
 */
export function simulatedDelivery(ctx: DomainContext, pool: Pool, username: string): CodeDeliveryDetails {
  const auto = pool.settings.AutoVerifiedAttributes ?? [];
  if (auto.length === 0) throw noDelivery();
  const details = (medium: DeliveryMedium, destination: string): CodeDeliveryDetails => ({
    Destination: destination,
    DeliveryMedium: medium,
    AttributeName: MEDIUM_ATTRIBUTE[medium],
  });
  if (auto.includes("email") && looksLikeEmail(username)) return details("EMAIL", maskDestination("EMAIL", username));
  if (auto.includes("phone_number") && looksLikePhoneNumber(username)) return details("SMS", maskDestination("SMS", username));
  const seed = createHmac("sha256", ctx.sealer.deriveKey("simulated-delivery"))
    .update(`${pool.id}\u0000${foldCase(pool.settings, username)}`)
    .digest();
  const letter = (byte: number) => String.fromCharCode(97 + (byte % 26));
  if (auto.includes("phone_number")) {
    const digits = [...seed.subarray(2, 6)].map((b) => String(b % 10)).join("");
    return details("SMS", maskDestination("SMS", `+1000000${digits}`));
  }
  return details("EMAIL", `${letter(seed[0] ?? 0)}***@${letter(seed[1] ?? 0)}***`);
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
