import { InvalidParameterException, NotAuthorizedException } from "../../errors.js";
import { type CodeDeliveryDetails, codeMessage, signUpMedium } from "../courier/codeDelivery.js";
import { issueCode } from "../courier/codes.js";
import { MEDIUM_ATTRIBUTE } from "../courier/messages.js";
import { compact } from "../kernel/compact.js";
import type { DomainContext } from "../kernel/context.js";
import { getClientById } from "../pools/clients.js";
import { checkPassword } from "../pools/passwordPolicy.js";
import { getPool, type Pool } from "../pools/pools.js";
import { checkSecretHash } from "../pools/secretHash.js";
import { draftNewUser, insertNewUser } from "../users/newUser.js";
import { hashPassword } from "../users/passwordSecrets.js";
import type { User } from "../users/user.js";
import { type AttributeInput, checkRequiredAttributes } from "../users/userAttributes.js";

export interface SignUpRequest {
  clientId: string;
  secretHash?: string;
  username: string;
  password?: string;
  attributes: readonly AttributeInput[];
}

export interface SignUpResult {
  userSub: string;
  codeDeliveryDetails?: CodeDeliveryDetails;
}

/**
 * Issues a sign-up confirmation code (superseding any earlier one) and sends
 * it to the contact the pool auto-verifies (signUpMedium). The code
 * remembers which attribute it went to: confirming with it verifies that
 * attribute. Undefined, with nothing issued, when there is nowhere to send it.
 * Run inside the transaction that decides the user may get one.
 */
export async function sendConfirmationCode(
  ctx: DomainContext,
  pool: Pool,
  user: User,
  reason: "CustomMessage_SignUp" | "CustomMessage_ResendCode",
): Promise<CodeDeliveryDetails | undefined> {
  const medium = signUpMedium(pool, user);
  if (medium === undefined) return undefined;
  const code = await issueCode(ctx, user, "SIGN_UP", MEDIUM_ATTRIBUTE[medium]);
  const { message, details } = codeMessage(pool, user, medium, code, reason);
  await ctx.sender.send(ctx, message);
  return details;
}

/**
 * SignUp (reference §3.4): a self-registered user, UNCONFIRMED and enabled,
 * named and validated exactly as AdminCreateUser names them, except that the
 * client's WriteAttributes limit what may be written and the pool's required
 * attributes must be present. A confirmation code goes out when the pool
 * auto-verifies a contact the user gave.
 */
export async function signUp(ctx: DomainContext, request: SignUpRequest): Promise<SignUpResult> {
  const client = await getClientById(ctx, request.clientId);
  checkSecretHash(client, [request.username], request.secretHash);
  const pool = await getPool(ctx, client.poolId);
  if (pool.settings.AdminCreateUserConfig.AllowAdminCreateUserOnly === true) {
    // Observed wording (raw responses in pmill/aws-cognito#37, amplify-js#6415); the reference marks it UNVERIFIED.
    throw new NotAuthorizedException("SignUp is not permitted for this user pool");
  }
  if (request.password === undefined) {
    // The model made Password optional for passwordless pools (choice-based sign-in), which this
    // server does not offer; every pool here needs one. The wording is the model's pre-2024
    // "required member" validation error, which is what Cognito answered while Password was
    // required. What Cognito answers today for a password pool is UNVERIFIED.
    throw new InvalidParameterException(
      "1 validation error detected: Value null at 'password' failed to satisfy constraint: Member must not be null",
    );
  }
  const draft = draftNewUser(ctx, pool, request.username, request.attributes, {
    kind: "publicCreate",
    writeAttributes: client.settings.WriteAttributes,
  });
  checkRequiredAttributes(pool.settings, draft.attributes);
  checkPassword(request.password, pool.settings.Policies.PasswordPolicy, "signUp");
  const password = await hashPassword(ctx, request.password);
  return insertNewUser(
    ctx,
    pool,
    draft,
    { status: "UNCONFIRMED", password },
    // Reference §2.7: UsernameExistsException in both PreventUserExistenceErrors modes.
    { forceAliasCreation: false, usernameExists: "User already exists" },
    async (tx, user) =>
      compact({
        userSub: user.sub,
        codeDeliveryDetails: await sendConfirmationCode(tx, pool, user, "CustomMessage_SignUp"),
      }),
  );
}
