import type { NewMessage } from "../../store/records.js";
import type { DomainContext } from "./context.js";

export type DeliveryMedium = "EMAIL" | "SMS";

/**
 * A message on its way to a user; `reason` is the CustomMessage trigger
 * source it corresponds to. `body` carries the code or temporary password,
 * for a sender that delivers it (SMTP, SMS); `maskedBody` is the same text
 * with that secret masked, for a sender that only keeps the message.
 */
export type OutgoingMessage = Omit<NewMessage, "createdAt"> & { maskedBody: string };

/**
 * Where messages go. The default sender keeps every message in the durable
 * outbox (courier/messages.ts), masked unless a development setting asks
 * for plain codes; relays such as SMTP or SMS gateways plug in here and
 * deliver `body`.
 */
export interface MessageSender {
  send(ctx: DomainContext, message: OutgoingMessage): Promise<void>;
}
