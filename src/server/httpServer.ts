import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "pino";
import { AwsError, RequestEntityTooLargeException } from "../errors.js";
import type { GetRequest, GetRoute } from "../protocol/getRoute.js";
import type { ApiHandler } from "../protocol/handler.js";
import { errorResponse, type ProtocolResponse } from "../protocol/wire.js";
import { capConnectionsPerAddress, type HttpLimits } from "./httpLimits.js";

/** Reference §1.1 for browsers: the headers SDKs send and the ones they read back. */
const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date",
};
const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  "access-control-allow-methods": "POST, GET, OPTIONS",
  "access-control-allow-headers":
    "content-type, x-amz-target, x-amz-user-agent, cache-control, authorization, x-amz-date, x-amz-security-token, x-amz-content-sha256, amz-sdk-invocation-id, amz-sdk-request",
  "access-control-max-age": "86400",
};

export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpServerOptions {
  api: ApiHandler;
  routes: readonly GetRoute[];
  logger: Logger;
  limits: HttpLimits;
}

function headerMap(req: IncomingMessage): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    const values = headers.get(name);
    if (values === undefined) headers.set(name, [raw[i + 1] as string]);
    else values.push(raw[i + 1] as string);
  }
  return headers;
}

/** Reads the body, refusing more than MAX_BODY_BYTES without buffering the rest. */
function readBody(req: IncomingMessage, headers: ReadonlyMap<string, string[]>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new RequestEntityTooLargeException(`The request body exceeds ${MAX_BODY_BYTES} bytes.`);
    if (Number(headers.get("content-length")?.[0] ?? 0) > MAX_BODY_BYTES) {
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners("data");
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * Browsers send Origin on cross-origin calls; only they need the CORS
 * headers. (Reading rawHeaders directly: building req.headers costs time
 * on every request.)
 */
function corsFor(req: IncomingMessage, headers?: ReadonlyMap<string, string[]>): Record<string, string> {
  const hasOrigin =
    headers === undefined ? req.rawHeaders.some((h, i) => i % 2 === 0 && h.toLowerCase() === "origin") : headers.has("origin");
  return hasOrigin ? CORS_HEADERS : {};
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  headers: ReadonlyMap<string, string[]>,
  response: ProtocolResponse,
  extra: Record<string, string> = {},
): void {
  res.writeHead(response.status, {
    ...corsFor(req, headers),
    ...response.headers,
    ...extra,
    "content-length": Buffer.byteLength(response.body),
  });
  res.end(response.body);
}

/**
 * The HTTP face of the server: POST (any path) is the Cognito API, GET
 * serves the extra routes, OPTIONS answers CORS pre-flights. Tracks
 * in-flight requests so a shutdown can drain them.
 */
export class HttpServer {
  readonly server: Server;
  private inFlight = 0;
  private drained: (() => void) | undefined;
  private closing = false;

  constructor(private readonly options: HttpServerOptions) {
    const { limits } = options;
    const serverOptions = {
      keepAliveTimeout: 65_000,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node looks for clients over these timeouts every 30 s by default; answers them within a second.
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    };
    this.server = createServer(serverOptions, (req, res) => {
      this.inFlight++;
      this.route(req, res)
        .catch((error: unknown) => {
          this.options.logger.error({ err: error }, "request failed outside the API handler");
          if (!res.headersSent) res.writeHead(500).end();
        })
        .finally(() => {
          // Every path through route() has answered (res.end) by the time it settles.
          this.inFlight--;
          if (this.inFlight === 0) this.drained?.();
        });
    });
    this.server.maxConnections = limits.maxConnections;
    capConnectionsPerAddress(this.server, limits.maxConnectionsPerAddress);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = req.url ?? "/";
    const queryAt = target.indexOf("?");
    const path = queryAt < 0 ? target : target.slice(0, queryAt);
    if (req.method === "OPTIONS") {
      res.writeHead(204, PREFLIGHT_HEADERS).end();
      return;
    }
    if (req.method === "GET" || req.method === "HEAD") {
      const headers = headerMap(req);
      const request: GetRequest = {
        path,
        query: new URLSearchParams(queryAt < 0 ? "" : target.slice(queryAt + 1)),
        signed: { method: req.method, target, headers, body: Buffer.alloc(0) },
      };
      for (const routeFn of this.options.routes) {
        const found = await routeFn(request);
        if (found === undefined) continue;
        res.writeHead(found.status, {
          ...corsFor(req, headers),
          ...found.headers,
          "content-length": Buffer.byteLength(found.body),
        });
        res.end(req.method === "HEAD" ? undefined : found.body);
        return;
      }
      res.writeHead(404, { ...corsFor(req), "content-type": "application/json" }).end(JSON.stringify({ message: "Not found" }));
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405, { ...corsFor(req), allow: "GET, POST, OPTIONS" }).end();
      return;
    }
    await this.api(req, res);
  }

  private async api(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const started = performance.now();
    const headers = headerMap(req);
    let body: Buffer;
    try {
      body = await readBody(req, headers);
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      // The rest of the body is never read, so the connection cannot be reused.
      send(req, res, headers, errorResponse(requestId, error), { connection: "close" });
      return;
    }
    const outcome = await this.options.api.handle({ requestId, method: "POST", target: req.url ?? "/", headers, body });
    // While draining, ask keep-alive clients to reconnect (elsewhere) after this answer.
    if (this.closing) res.setHeader("connection", "close");
    send(req, res, headers, outcome.response);
    const logger = this.options.logger;
    if (outcome.fault === undefined && !logger.isLevelEnabled("debug")) return;
    const entry = {
      requestId,
      operation: outcome.operation,
      status: outcome.response.status,
      caller: outcome.caller,
      ms: Math.round((performance.now() - started) * 100) / 100,
    };
    if (outcome.fault !== undefined) logger.error({ ...entry, err: outcome.fault }, "internal error");
    else logger.debug(entry, "request");
  }

  listen(port: number, host: string): Promise<{ host: string; port: number }> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        this.server.off("error", reject);
        const address = this.server.address();
        if (address === null || typeof address === "string") reject(new Error("server has no TCP address"));
        else resolve({ host, port: address.port });
      });
    });
  }

  /** Stops accepting connections and resolves once every request in flight has been answered. */
  async drain(): Promise<void> {
    this.closing = true;
    // One turn of the event loop first, so requests already read off the wire
    // become active: close() drops connections that have no active request.
    await new Promise((resolve) => setImmediate(resolve));
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    // Connections that answered their last request during the drain are idle now.
    this.server.closeIdleConnections();
    await closed;
  }
}
