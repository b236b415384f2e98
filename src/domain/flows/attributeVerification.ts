import { InvalidParameterException } from "../../errors.js";
import type { CodeDeliveryDetails } from "../courier/codeDelivery.js";
import { atomicallyRedeeming, pendingPayload, redeemCode } from "../courier/codes.js";
import { atomically } from "../kernel/atomically.js";
import type { DomainContext } from "../kernel/context.js";
import type { VerifiableAttribute } from "../pools/poolSettings.js";
import { authenticateAccessToken } from "../tokens/accessTokens.js";
import { saveUser } from "../users/saveUser.js";
import { requireUser } from "../users/userLookup.js";
import { spendUserQuota } from "../users/userQuotas.js";
import { sendVerificationCode } from "./updateUserAttributes.js";

/** Only contacts can be verified; AWS's answer otherwise is quoted in aws-amplify/amplify-js#3652. */
function verifiable(name: string): VerifiableAttribute {
  if (name === "email" || name === "phone_number") return name;
  throw new InvalidParameterException("invalid attribute name. Only phone_number and email can be verified");
}

/**
 * GetUserAttributeVerificationCode: a new code for the signed-in user's
 * email or phone number, superseding the previous one (reference §2.8),
 * sent through the outbox (CustomMessage_VerifyUserAttribute). A change
 * still waiting for verification (AttributesRequireVerificationBeforeUpdate)
 * is what the code goes to and confirms; otherwise the current value. The
 * wording for a user without the attribute is UNVERIFIED. A user gets 5
 * codes an hour (users/userQuotas.ts).
 */
export async function sendOwnVerificationCode(
  ctx: DomainContext,
  accessToken: string,
  attributeName: string,
): Promise<CodeDeliveryDetails> {
  const { pool, user } = await authenticateAccessToken(ctx, accessToken);
  const attribute = verifiable(attributeName);
  return atomically(ctx, async (tx) => {
    const pending = await pendingPayload(tx, user, `VERIFY_${attribute}`);
    const destination = pending ?? user.attributes[attribute];
    if (destination === undefined) {
      throw new InvalidParameterException(`User does not have a value for the attribute ${attribute}.`);
    }
    await spendUserQuota(tx, user, "GetUserAttributeVerificationCode");
    return sendVerificationCode(tx, pool, user, attribute, destination, pending !== null, "CustomMessage_VerifyUserAttribute");
  });
}

/**
 * VerifyUserAttribute: redeems the code (CodeMismatchException,
 * ExpiredCodeException, the attempt limit: courier/codes.ts) and marks the
 * attribute verified; a code that carries a held-back new value applies it
 * now, replacing the old one (reference §2.3). A verified contact may
 * become an alias another user holds: AliasExistsException, and the code
 * stays usable. A user gets 15 calls an hour (users/userQuotas.ts).
 */
export async function verifyOwnAttribute(
  ctx: DomainContext,
  accessToken: string,
  attributeName: string,
  code: string,
): Promise<void> {
  const { pool, user } = await authenticateAccessToken(ctx, accessToken);
  const attribute = verifiable(attributeName);
  await atomicallyRedeeming(ctx, async (tx) => {
    const current = await requireUser(tx, pool, user.username);
    await spendUserQuota(tx, current, "VerifyUserAttribute");
    const value = (await redeemCode(tx, current, `VERIFY_${attribute}`, code)) ?? current.attributes[attribute];
    if (value === undefined) {
      throw new InvalidParameterException(`User does not have a value for the attribute ${attribute}.`);
    }
    const attributes = { ...current.attributes, [attribute]: value, [`${attribute}_verified`]: "true" };
    await saveUser(tx, pool, current, { attributes });
  });
}
