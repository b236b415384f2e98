import { listOutbox } from "../domain/courier/outbox.js";
import { compact } from "../domain/kernel/compact.js";
import type { DomainContext } from "../domain/kernel/context.js";
import { AwsError, InvalidParameterException } from "../errors.js";
import { type GetRoute, jsonResponse } from "./getRoute.js";
import type { SigV4Verifier } from "./sigv4.js";
import { errorResponse } from "./wire.js";

const OUTBOX_PATH = "/admin/outbox";
const MAX_LIMIT = 1000;

function optionalInteger(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (!/^\d{1,15}$/.test(raw)) throw new InvalidParameterException(`${name} must be a non-negative integer.`);
  return Number(raw);
}

/** A text parameter; U+0000 is refused as in API requests (PostgreSQL cannot compare text holding it). */
function optionalText(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name) ?? undefined;
  if (value?.includes("\u0000")) throw new InvalidParameterException(`${name} must not contain U+0000.`);
  return value;
}

/**
 * GET /admin/outbox?pool=&to=&after=&limit= — the messages the server sent,
 * oldest first, for developers without a mail server. Admin-only: the same
 * SigV4 signature as the Admin* operations (e.g. `curl --aws-sigv4
 * "aws:amz:us-east-1:cognito-idp" --user KEY:SECRET`).
 */
export function outboxRoute(domain: DomainContext, verifier: SigV4Verifier): GetRoute {
  return async ({ path, query, signed }) => {
    if (path !== OUTBOX_PATH) return undefined;
    const requestId = crypto.randomUUID();
    try {
      await verifier.verify(signed);
      const limit = Math.min(optionalInteger(query, "limit") ?? 100, MAX_LIMIT);
      const afterId = optionalInteger(query, "after");
      const messages = await listOutbox(
        domain,
        compact({ limit, poolId: optionalText(query, "pool"), to: optionalText(query, "to"), afterId }),
      );
      return jsonResponse(200, {
        messages: messages.map((m) => ({ ...m, createdAt: new Date(m.createdAt).toISOString() })),
      });
    } catch (error) {
      if (error instanceof AwsError) return errorResponse(requestId, error);
      throw error;
    }
  };
}
