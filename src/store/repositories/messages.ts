import type { StoreCore } from "../core.js";
import type { MessageQuery, MessageRecord, NewMessage } from "../records.js";
import { messageFromRow } from "../rows.js";
import type { MessageRepository } from "../store.js";

/** The outbox. */
export class Messages implements MessageRepository {
  constructor(private readonly core: StoreCore) {}

  async append(message: NewMessage): Promise<MessageRecord> {
    const row = await this.core.db
      .insertInto("outbox")
      .values({
        pool_id: message.poolId,
        created_at: message.createdAt,
        username: message.username,
        delivery_medium: message.deliveryMedium,
        destination: message.destination,
        subject: message.subject,
        body: message.body,
        reason: message.reason,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return messageFromRow(row);
  }

  async list(q: MessageQuery): Promise<MessageRecord[]> {
    let query = this.core.db.selectFrom("outbox").selectAll().orderBy("id").limit(q.limit);
    if (q.poolId !== undefined) query = query.where("pool_id", "=", q.poolId);
    if (q.destination !== undefined) query = query.where("destination", "=", q.destination);
    if (q.afterId !== undefined) query = query.where("id", ">", q.afterId);
    return (await query.execute()).map(messageFromRow);
  }
}
