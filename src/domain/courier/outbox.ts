import type { MessageRecord } from "../../store/records.js";
import { compact } from "../kernel/compact.js";
import type { DomainContext } from "../kernel/context.js";

export interface OutboxQuery {
  poolId?: string;
  /** A destination: an email address or phone number, exactly as the message was addressed. */
  to?: string;
  /** Only messages after this id, for following the outbox. */
  afterId?: number;
  limit: number;
}

/**
 * Reads the outbox: every message the server has sent (invitations, codes),
 * oldest first. Developers read codes here without a mail server; it is the
 * durable record that relays (SMTP, SMS) will deliver from.
 */
export function listOutbox(ctx: DomainContext, query: OutboxQuery): Promise<MessageRecord[]> {
  return ctx.store.messages.list(
    compact({ limit: query.limit, poolId: query.poolId, destination: query.to, afterId: query.afterId }),
  );
}
