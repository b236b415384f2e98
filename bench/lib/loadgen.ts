import { connect, type Socket } from "node:net";
import type { PreparedRequest } from "./signer.js";

export interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  firstError?: string;
  opsPerSecond: number;
  p50: number;
  p99: number;
  /** CPU the load generator itself used per second of measurement, in percent of one core. */
  clientCpuPercent: number;
}

export interface LoadOptions {
  name: string;
  url: string;
  concurrency: number;
  durationMs: number;
  /**
   * Called for each request to send; `i` counts from 0. Requests are
   * prepared (signed) beforehand. Undefined when there are no more: the
   * connection stops before the time is up.
   */
  next(i: number): PreparedRequest | undefined;
  /** Given each measured 200 answer's body with its request's `i` (a later load's input, e.g. SRP challenges). */
  onAnswer?(i: number, body: Buffer): void;
  /** Requests sent before measuring starts (JIT, caches). */
  warmupRequests?: number;
}

/** `next` for a load that replays `xs` in order, round and round. */
export function cycle<T>(xs: readonly T[]): (i: number) => T {
  return (i) => xs[i % xs.length] as T;
}

/**
 * Picks from `xs` by a prime step, so consecutive picks land far apart (a
 * load does not walk neighbouring rows or pages in order), yet each item
 * comes up once every `xs.length` picks unless that is a multiple of 7919.
 */
export function scatter<T>(xs: readonly T[]): (i: number) => T {
  return (i) => xs[(i * 7919) % xs.length] as T;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** The bytes of a request on the wire, serialised once per prepared request and replayed. */
const wireCache = new WeakMap<PreparedRequest, Buffer>();
function wireBytes(request: PreparedRequest, host: string): Buffer {
  let bytes = wireCache.get(request);
  if (bytes === undefined) {
    const body = Buffer.from(request.body);
    const head = [`POST / HTTP/1.1`, `host: ${host}`, `content-length: ${body.length}`, "connection: keep-alive"];
    for (const [name, value] of Object.entries(request.headers)) head.push(`${name}: ${value}`);
    bytes = Buffer.concat([Buffer.from(`${head.join("\r\n")}\r\n\r\n`), body]);
    wireCache.set(request, bytes);
  }
  return bytes;
}

/**
 * One keep-alive connection that sends a request and waits for its whole
 * answer before the next (no pipelining). It parses only what it needs:
 * the status and Content-Length. A full HTTP client costs as much CPU as
 * the server on this 2-core machine, which would measure the client.
 */
class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: ((answer: { status: number; body: Buffer }) => void) | undefined;
  private failed: ((error: Error) => void) | undefined;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", (error) => this.failed?.(error));
    socket.on("close", () => this.failed?.(new Error("connection closed by the server")));
  }

  static open(host: string, port: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host, () => resolve(new Connection(socket)));
      socket.once("error", reject);
    });
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headerEnd = this.buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) return;
    const head = this.buffer.subarray(0, headerEnd).toString("latin1");
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    const end = headerEnd + 4 + length;
    if (this.buffer.length < end) return;
    const status = Number(head.slice(9, 12));
    const body = this.buffer.subarray(headerEnd + 4, end);
    this.buffer = this.buffer.subarray(end);
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.({ status, body });
  }

  send(bytes: Buffer): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failed = reject;
      this.socket.write(bytes);
    });
  }

  close(): void {
    this.socket.removeAllListeners("close");
    this.socket.destroy();
  }
}

/**
 * Replays prepared requests over `concurrency` keep-alive connections for a
 * fixed time, one request in flight per connection, and reports throughput
 * and latency. A non-200 answer counts as an error.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const connections = await Promise.all(
    Array.from({ length: options.concurrency }, () => Connection.open(target.hostname, Number(target.port))),
  );
  let counter = 0;
  let errors = 0;
  let firstError: string | undefined;
  const latencies: number[] = [];

  /** Sends the next request and waits for its answer; false when there was none to send. */
  const send = async (connection: Connection, measure: boolean): Promise<boolean> => {
    const i = counter++;
    const request = options.next(i);
    if (request === undefined) return false;
    const bytes = wireBytes(request, target.host);
    const started = performance.now();
    const answer = await connection.send(bytes);
    const elapsed = performance.now() - started;
    if (answer.status !== 200) {
      errors++;
      firstError ??= `${answer.status} ${answer.body.toString("utf8").slice(0, 200)}`;
    } else if (measure) {
      options.onAnswer?.(i, answer.body);
    }
    if (measure) latencies.push(elapsed);
    return true;
  };

  const warmup = options.warmupRequests ?? 500;
  for (let i = 0; i < warmup; i += connections.length) await Promise.all(connections.map((c) => send(c, false)));
  errors = 0;
  firstError = undefined;

  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const deadline = started + options.durationMs;
  await Promise.all(
    connections.map(async (connection) => {
      while (performance.now() < deadline && (await send(connection, true)));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  for (const connection of connections) connection.close();

  const sorted = Float64Array.from(latencies).sort();
  return {
    name: options.name,
    requests: latencies.length,
    errors,
    ...(firstError === undefined ? {} : { firstError }),
    opsPerSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    clientCpuPercent: ((cpu.user + cpu.system) / 1000 / (seconds * 1000)) * 100,
  };
}

export function formatResults(results: readonly LoadResult[]): string {
  const rows = results.map((r) => [
    r.name,
    r.opsPerSecond.toFixed(0),
    r.p50.toFixed(2),
    r.p99.toFixed(2),
    String(r.requests),
    String(r.errors),
  ]);
  const header = ["scenario", "ops/s", "p50 ms", "p99 ms", "requests", "errors"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}
