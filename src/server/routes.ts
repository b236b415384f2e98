import type { DomainContext } from "../domain/context.js";
import { type GetRoute, jsonResponse } from "../protocol/getRoute.js";

/** GET /health: 200 while the store answers, 503 otherwise. */
export function healthRoute(domain: DomainContext): GetRoute {
  return async ({ path }) => {
    if (path !== "/health") return undefined;
    try {
      await domain.store.getSetting("health");
      return jsonResponse(200, { status: "ok" });
    } catch {
      return jsonResponse(503, { status: "unavailable" });
    }
  };
}
