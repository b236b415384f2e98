import type { NewMessage } from "../../store/records.js";
import type { DomainContext } from "./context.js";

export type DeliveryMedium = "EMAIL" | "SMS";

/** A message on its way to a user; `reason` is the CustomMessage trigger source it corresponds to. */
export type OutgoingMessage = Omit<NewMessage, "createdAt">;

/**
 * Where messages go. Every message lands in the durable outbox first (the
 * default sender, courier/messages.ts); relays such as SMTP or SMS gateways plug in here.
 */
export interface MessageSender {
  send(ctx: DomainContext, message: OutgoingMessage): Promise<void>;
}
