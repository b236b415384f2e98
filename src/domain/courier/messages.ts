import type { DeliveryMedium, MessageSender, OutgoingMessage } from "../kernel/messageSender.js";
import type { Pool } from "../pools/pools.js";
import type { User } from "../users/user.js";

export const outboxSender: MessageSender = {
  async send(ctx, message) {
    await ctx.store.messages.append({ ...message, createdAt: ctx.clock.now() });
  },
};

/** Cognito's default texts (research notes), used when the pool sets none. Note the trailing spaces. */
export const DEFAULT_TEXTS = {
  invitation: "Your username is {username} and temporary password is {####}. ",
  invitationSubject: "Your temporary password",
  verification: "Your verification code is {####}. ",
  verificationSubject: "Your verification code",
} as const;

export function renderTemplate(template: string, values: { username?: string; code: string }): string {
  let text = template.replaceAll("{####}", values.code);
  if (values.username !== undefined) text = text.replaceAll("{username}", values.username);
  return text;
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
        body: renderTemplate((email ? template.EmailMessage : template.SMSMessage) ?? DEFAULT_TEXTS.invitation, values),
        reason: "CustomMessage_AdminCreateUser",
      },
    ];
  });
}
