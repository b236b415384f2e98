import type { DomainContext } from "../domain/context.js";
import type { GetRoute } from "./httpServer.js";

/** GET /health: 200 while the store answers, 503 otherwise. */
export function healthRoute(domain: DomainContext): GetRoute {
  return async (path) => {
    if (path !== "/health") return undefined;
    try {
      await domain.store.getSetting("health");
      return { status: 200, body: { status: "ok" } };
    } catch {
      return { status: 503, body: { status: "unavailable" } };
    }
  };
}
