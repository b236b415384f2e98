import { Pool } from "undici";
import { fork } from "node:child_process";
import { HttpServer } from "./dist/src/server/httpServer.js";
import { successResponse } from "./dist/src/protocol/wire.js";
import { createLogger } from "./dist/src/server/logger.js";
if (process.argv[2] === "server") {
  const api = { handle: async (r) => ({ response: successResponse(r.requestId, { Username: "x", UserAttributes: [{ Name: "sub", Value: "abc" }] }) }) };
  const s = new HttpServer({ api, routes: [], logger: createLogger("warn") });
  const { port } = await s.listen(0, "127.0.0.1");
  process.send(port);
} else {
  const child = fork(new URL(import.meta.url).pathname, ["server"]);
  const port = await new Promise(r => child.once("message", r));
  const url = `http://127.0.0.1:${port}`;
  const pool = new Pool(url, { connections: 16 });
  let n = 0; const end = performance.now() + 4000;
  const body = JSON.stringify({UserPoolId:"us-east-1_abc", Username:"user0000001"});
  const w = async () => { while (performance.now() < end) { const r = await pool.request({path:"/", method:"POST", headers:{"content-type":"application/x-amz-json-1.1","x-amz-target":"X"}, body}); await r.body.text(); n++; } };
  await Promise.all(Array.from({length:16}, w));
  console.log("HttpServer req/s", n/4);
  child.kill("SIGTERM"); await pool.close();
}
