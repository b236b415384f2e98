import type { DeliveryMedium, OutgoingMessage } from "../kernel/messageSender.js";
import type { Pool } from "../pools/pools.js";
import type { User } from "../users/user.js";
import { DEFAULT_TEXTS, MEDIUM_ATTRIBUTE, renderTemplate } from "./messages.js";

/** CodeDeliveryDetailsType, as the public operations return it. */
export interface CodeDeliveryDetails {
  Destination: string;
  DeliveryMedium: DeliveryMedium;
  AttributeName: "email" | "phone_number";
}

/**
 * Masks a destination as Cognito does in CodeDeliveryDetails (research
 * notes): "s***@g***" for an email, "+*******1212" for a phone number.
 */
export function maskDestination(medium: DeliveryMedium, destination: string): string {
  if (medium === "EMAIL") {
    const at = destination.lastIndexOf("@");
    return `${destination.slice(0, 1)}***@${destination.slice(at + 1, at + 2)}***`;
  }
  const digits = destination.replace(/^\+/, "");
  return `+${"*".repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`;
}

export interface CodeMessage {
  message: OutgoingMessage;
  details: CodeDeliveryDetails;
}

/**
 * A verification-code message (sign-up, resend, password reset, attribute
 * verification) to one medium. Every code message uses the pool's code
 * template, VerificationMessageTemplate, or Cognito's default text
 * (research notes: link templates apply to sign-up only, and are not built).
 */
export function codeMessage(pool: Pool, user: User, medium: DeliveryMedium, code: string, reason: string): CodeMessage {
  const attribute = MEDIUM_ATTRIBUTE[medium];
  const destination = user.attributes[attribute] ?? "";
  const template = pool.settings.VerificationMessageTemplate;
  const email = medium === "EMAIL";
  const text = (email ? template.EmailMessage : template.SmsMessage) ?? DEFAULT_TEXTS.verification;
  return {
    message: {
      poolId: pool.id,
      username: user.username,
      deliveryMedium: medium,
      destination,
      subject: email ? (template.EmailSubject ?? DEFAULT_TEXTS.verificationSubject) : null,
      ...renderTemplate(text, { username: user.username, code }),
      reason,
    },
    details: { Destination: maskDestination(medium, destination), DeliveryMedium: medium, AttributeName: attribute },
  };
}

/**
 * Where a sign-up confirmation code goes: to an auto-verified contact the
 * user has, the phone number first when both are auto-verified (Cognito
 * verifies the phone in that case). Undefined when nothing is auto-verified.
 */
export function signUpMedium(pool: Pool, user: User): DeliveryMedium | undefined {
  const auto = pool.settings.AutoVerifiedAttributes ?? [];
  if (auto.includes("phone_number") && user.attributes.phone_number !== undefined) return "SMS";
  if (auto.includes("email") && user.attributes.email !== undefined) return "EMAIL";
  return undefined;
}
