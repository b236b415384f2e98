import { InvalidParameterException, UnsupportedUserStateException } from "../../errors.js";
import { invitationMessages, MEDIUM_ATTRIBUTE } from "../courier/messages.js";
import { atomically } from "../kernel/atomically.js";
import type { DomainContext } from "../kernel/context.js";
import type { DeliveryMedium } from "../kernel/messageSender.js";
import { checkPassword, generateTemporaryPassword, temporaryPasswordExpiresAt } from "../pools/passwordPolicy.js";
import { getPool, type Pool } from "../pools/pools.js";
import { draftNewUser, insertNewUser } from "../users/newUser.js";
import { hashPassword } from "../users/passwordSecrets.js";
import { saveUser } from "../users/saveUser.js";
import type { User } from "../users/user.js";
import type { AttributeInput } from "../users/userAttributes.js";
import { requireUser } from "../users/userLookup.js";

export interface AdminCreateUserRequest {
  username: string;
  attributes: readonly AttributeInput[];
  temporaryPassword?: string;
  forceAliasCreation: boolean;
  messageAction?: "RESEND" | "SUPPRESS";
  /** DesiredDeliveryMediums as sent; undefined when the request names none. */
  deliveryMediums?: readonly DeliveryMedium[];
}

/**
 * Where the invitation goes: the mediums the request names, else SMS, the
 * model's default (reference §2.8). Only a medium the request names must
 * have its contact: "You can create a user without specifying any
 * attributes other than Username" (AdminCreateUser API reference), so the
 * default SMS to a user without a phone number sends nothing and is no
 * error. AWS's refusal is quoted for named mediums only ("No email provided
 * but desired delivery medium was Email": rahulpsd18/cognito-backup-restore#25,
 * awslabs/sagemaker-dashboards-for-ml#2), and a user without attributes is
 * created by Cognito when the request names no medium (jagregory/cognito-local#274).
 */
function invitationMediums(request: AdminCreateUserRequest): readonly DeliveryMedium[] {
  return request.deliveryMediums ?? ["SMS"];
}

/** Each medium the request names needs its contact attribute. */
function checkDeliveryMediums(attributes: Record<string, string>, request: AdminCreateUserRequest): void {
  if (request.messageAction === "SUPPRESS") return;
  for (const medium of request.deliveryMediums ?? []) {
    if (attributes[MEDIUM_ATTRIBUTE[medium]] !== undefined) continue;
    throw new InvalidParameterException(
      medium === "EMAIL"
        ? "No email provided but desired delivery medium was Email"
        : "No phone number provided but desired delivery medium was SMS",
    );
  }
}

async function sendInvitations(
  ctx: DomainContext,
  pool: Pool,
  user: User,
  password: string,
  request: AdminCreateUserRequest,
): Promise<void> {
  if (request.messageAction === "SUPPRESS") return;
  // invitationMessages skips a medium the user has no contact for: nothing is sent where there is nowhere to send it.
  for (const message of invitationMessages(pool, user, password, invitationMediums(request))) await ctx.sender.send(ctx, message);
}

/**
 * The temporary password a new or re-invited user gets: the one given
 * (checked against the policy) or a generated one. Hashed before any
 * transaction, so the store's connection is never held across the slow part.
 */
async function temporaryPassword(ctx: DomainContext, pool: Pool, given: string | undefined) {
  const policy = pool.settings.Policies.PasswordPolicy;
  const password = given ?? generateTemporaryPassword(ctx.random, policy);
  if (given !== undefined) checkPassword(password, policy, "adminCreateUser");
  return { password, hashed: await hashPassword(ctx, password) };
}

/** MessageAction RESEND: a new temporary password for a user who has not signed in yet (reference §3.1). */
async function resendInvitation(ctx: DomainContext, pool: Pool, request: AdminCreateUserRequest): Promise<User> {
  const { password, hashed } = await temporaryPassword(ctx, pool, request.temporaryPassword);
  return atomically(ctx, async (tx) => {
    const user = await requireUser(tx, pool, request.username);
    if (user.status !== "FORCE_CHANGE_PASSWORD") {
      throw new UnsupportedUserStateException(`Resend not possible. ${user.username} status is not FORCE_CHANGE_PASSWORD`);
    }
    checkDeliveryMediums(user.attributes, request);
    const passwordExpiresAt = temporaryPasswordExpiresAt(pool.settings.Policies.PasswordPolicy, ctx.clock.now());
    const updated = await saveUser(tx, pool, user, { ...hashed.secretsFor(pool, user.username), passwordExpiresAt });
    await sendInvitations(tx, pool, updated, password, request);
    return updated;
  });
}

export async function adminCreateUser(ctx: DomainContext, poolId: string, request: AdminCreateUserRequest): Promise<User> {
  const pool = await getPool(ctx, poolId);
  if (request.messageAction === "RESEND") return resendInvitation(ctx, pool, request);

  const draft = draftNewUser(ctx, pool, request.username, request.attributes, { kind: "adminCreate" });
  checkDeliveryMediums(draft.attributes, request);
  const { password, hashed } = await temporaryPassword(ctx, pool, request.temporaryPassword);
  return insertNewUser(
    ctx,
    pool,
    draft,
    { status: "FORCE_CHANGE_PASSWORD", password: hashed },
    { forceAliasCreation: request.forceAliasCreation, usernameExists: "User account already exists" },
    async (tx, user) => {
      await sendInvitations(tx, pool, user, password, request);
      return user;
    },
  );
}
