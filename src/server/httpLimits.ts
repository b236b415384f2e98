import type { Server } from "node:http";
import type { Socket } from "node:net";

/**
 * How long a client may take to send a request, and how many connections it
 * may hold. Node's defaults (300 s for a request, no connection cap) let a
 * few slow clients pin memory and descriptors for minutes; a Cognito call is
 * small (the body is capped at 1 MiB), so much less is enough.
 */
export interface HttpLimits {
  /** Milliseconds a client has to send the request line and headers. */
  headersTimeoutMs: number;
  /** Milliseconds a client has to send the whole request, headers and body. */
  requestTimeoutMs: number;
  /** Open connections in all; more are closed at once. */
  maxConnections: number;
  /** Open connections from one remote address; more are closed at once. */
  maxConnectionsPerAddress: number;
}

/**
 * The connection cap leaves room under the common 1,024-descriptor limit for
 * the store's files and connections. Development and CI clients all come from
 * one address: an SDK client opens at most 50 sockets, so 256 fits several.
 */
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 900,
  maxConnectionsPerAddress: 256,
};

/**
 * Closes each new connection from an address that already holds `max` open
 * ones, before reading anything from it, so that one client cannot take every
 * connection the server allows.
 */
export function capConnectionsPerAddress(server: Server, max: number): void {
  const open = new Map<string, number>();
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress;
    const count = address === undefined ? max : (open.get(address) ?? 0);
    if (address === undefined || count >= max) {
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left === 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
