import type { DeliveryMedium, MessageSender, OutgoingMessage } from "../kernel/messageSender.js";
import type { Pool } from "../pools/pools.js";
import type { User } from "../users/user.js";

/** What stands for a code or temporary password in a masked outbox. */
export const MASKED_SECRET = "******";

/**
 * Whether the outbox keeps codes and temporary passwords as sent ("plain",
 * for development: tests and local apps read them there) or masked (the
 * default): anyone who can read the database could otherwise use a live
 * code or temporary password to take over the user.
 */
export type OutboxCodes = "plain" | "masked";

/** The sender that keeps each message in the outbox (the store's messages). */
export function outboxSender(codes: OutboxCodes): MessageSender {
  return {
    async send(ctx, { maskedBody, ...message }) {
      const body = codes === "plain" ? message.body : maskedBody;
      await ctx.store.messages.append({ ...message, body, createdAt: ctx.clock.now() });
    },
  };
}

/** Cognito's default texts (research notes), used when the pool sets none. Note the trailing spaces. */
export const DEFAULT_TEXTS = {
  invitation: "Your username is {username} and temporary password is {####}. ",
  invitationSubject: "Your temporary password",
  verification: "Your verification code is {####}. ",
  verificationSubject: "Your verification code",
} as const;

function render(template: string, values: { username?: string; code: string }): string {
  let text = template.replaceAll("{####}", values.code);
  if (values.username !== undefined) text = text.replaceAll("{username}", values.username);
  return text;
}

/** A template with its `{####}` and `{username}` filled in: as sent, and with the secret masked. */
export function renderTemplate(
  template: string,
  values: { username?: string; code: string },
): { body: string; maskedBody: string } {
  return { body: render(template, values), maskedBody: render(template, { ...values, code: MASKED_SECRET }) };
}

/** The contact attribute each medium delivers to. */
export const MEDIUM_ATTRIBUTE: Record<DeliveryMedium, "email" | "phone_number"> = { EMAIL: "email", SMS: "phone_number" };

/** The invitation AdminCreateUser sends with the temporary password, one per requested medium (reference §3.1). */
export function invitationMessages(
  pool: Pool,
  user: User,
  temporaryPassword: string,
  mediums: readonly DeliveryMedium[],
): OutgoingMessage[] {
  const template = pool.settings.AdminCreateUserConfig.InviteMessageTemplate ?? {};
  const values = { username: user.username, code: temporaryPassword };
  return [...new Set(mediums)].flatMap((medium): OutgoingMessage[] => {
    const destination = user.attributes[MEDIUM_ATTRIBUTE[medium]];
    if (destination === undefined) return [];
    const email = medium === "EMAIL";
    return [
      {
        poolId: pool.id,
        username: user.username,
        deliveryMedium: medium,
        destination,
        subject: email ? (template.EmailSubject ?? DEFAULT_TEXTS.invitationSubject) : null,
        ...renderTemplate((email ? template.EmailMessage : template.SMSMessage) ?? DEFAULT_TEXTS.invitation, values),
        reason: "CustomMessage_AdminCreateUser",
      },
    ];
  });
}
