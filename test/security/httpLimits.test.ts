import assert from "node:assert/strict";
import { once } from "node:events";
import { connect, type Socket } from "node:net";
import { after, before, describe, it } from "node:test";
import { startTestServer, type TestServer } from "../support/testServer.js";

/** A raw connection to the server, from `localAddress` (any 127.x.y.z is this host on Linux). */
async function open(server: TestServer, localAddress = "127.0.0.1"): Promise<Socket> {
  const socket = connect({ port: Number(new URL(server.url).port), host: "127.0.0.1", localAddress });
  await once(socket, "connect");
  return socket;
}

/** Everything the server sends on `socket` until it closes the connection. */
function untilClosed(socket: Socket): Promise<string> {
  let received = "";
  socket.on("data", (chunk: Buffer) => {
    received += chunk.toString();
  });
  // A reset (the server destroying the socket) ends the connection as well as a close.
  socket.on("error", () => undefined);
  return once(socket, "close").then(() => received);
}

/** Sends GET /health on a kept-alive connection and resolves with the status line's code. */
function health(socket: Socket): Promise<number> {
  return new Promise((resolve, reject) => {
    let received = "";
    const onData = (chunk: Buffer) => {
      received += chunk.toString();
      const head = received.indexOf("\r\n\r\n");
      const length = Number(/content-length: (\d+)/i.exec(received)?.[1] ?? Number.NaN);
      if (head < 0 || received.length < head + 4 + length) return;
      socket.off("data", onData);
      resolve(Number(received.slice(9, 12)));
    };
    socket.on("data", onData);
    socket.once("error", reject);
    socket.once("close", () => reject(new Error("the server closed the connection unanswered")));
    socket.write("GET /health HTTP/1.1\r\nHost: userpool\r\n\r\n");
  });
}

/** Writes `piece` every 50 ms until the connection closes: a client that is slow, not idle. */
function trickle(socket: Socket, piece: string): void {
  const timer = setInterval(() => socket.write(piece), 50);
  socket.once("close", () => clearInterval(timer));
}

describe("HTTP limits: slow clients are cut off", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer("sqlite", { headersTimeoutMs: 300, requestTimeoutMs: 600 });
  });
  after(() => server.close());

  // The bound is 30 times the timeouts under test; without them Node waits 60 s for headers, 300 s for a request.
  it("answers 408 and closes a connection whose headers take longer than headersTimeoutMs", { timeout: 20_000 }, async () => {
    const socket = await open(server);
    const answer = untilClosed(socket);
    socket.write("POST / HTTP/1.1\r\nHost: userpool\r\n");
    trickle(socket, "X-Slow: a\r\n");
    assert.match(await answer, /^HTTP\/1\.1 408 /);
  });

  it("answers 408 and closes a connection whose body takes longer than requestTimeoutMs", { timeout: 20_000 }, async () => {
    const socket = await open(server);
    const answer = untilClosed(socket);
    socket.write(
      "POST / HTTP/1.1\r\nHost: userpool\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 100000\r\n\r\n",
    );
    trickle(socket, " ");
    assert.match(await answer, /^HTTP\/1\.1 408 /);
  });

  it("keeps serving clients that send at a normal pace", async () => {
    const response = await fetch(`${server.url}/health`);
    assert.equal(response.status, 200);
  });
});

describe("HTTP limits: connections per remote address", () => {
  const CAP = 3;
  let server: TestServer;
  before(async () => {
    server = await startTestServer("sqlite", { maxConnectionsPerAddress: CAP });
  });
  after(() => server.close());

  // Bounded so that a connection left open fails the test instead of holding it: everything here takes milliseconds.
  it("closes the connection over the cap unanswered, while the others and other addresses are served", {
    timeout: 20_000,
  }, async () => {
    const held = await Promise.all(Array.from({ length: CAP }, () => open(server)));
    for (const socket of held) assert.equal(await health(socket), 200);

    const refused = await open(server);
    assert.equal(await untilClosed(refused), "");

    const elsewhere = await open(server, "127.0.0.2");
    assert.equal(await health(elsewhere), 200);
    for (const socket of held) assert.equal(await health(socket), 200);

    // A connection that closes makes room again (the server hears of the close a moment after the client).
    const [first] = held;
    first?.destroy();
    let admitted: number | undefined;
    for (let attempt = 0; attempt < 50 && admitted === undefined; attempt++) {
      const socket = await open(server);
      admitted = await health(socket).catch(() => undefined);
      if (admitted === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
      else held.push(socket);
    }
    assert.equal(admitted, 200);
    for (const socket of [...held, elsewhere]) socket.destroy();
  });
});
