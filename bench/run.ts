import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { formatResults, type LoadResult, runLoad } from "./lib/loadgen.js";
import type { BenchContext, Scenario } from "./lib/scenario.js";
import { type ServerProcess, startServerProcess } from "./lib/serverProcess.js";
import { adminGetUser } from "./scenarios/adminGetUser.js";
import { groups } from "./scenarios/groups.js";
import { listUsers } from "./scenarios/listUsers.js";
import { signIn } from "./scenarios/signIn.js";
import { getUser, softwareTokenMfa } from "./scenarios/softwareTokenMfa.js";
import { srpSignIn } from "./scenarios/srpSignIn.js";
import { userLifecycle } from "./scenarios/userLifecycle.js";

/**
 * `npm run bench [scenario ...] [--seconds N]`: runs the load scenarios,
 * each against its own `userpool serve` process on a fresh SQLite directory,
 * and prints ops/s with p50/p99 latency per operation.
 */
const SCENARIOS: readonly Scenario[] = [
  adminGetUser,
  userLifecycle,
  listUsers,
  signIn,
  srpSignIn,
  softwareTokenMfa,
  getUser,
  groups,
];

const args = process.argv.slice(2);
const secondsAt = args.indexOf("--seconds");
const seconds = secondsAt >= 0 ? Number(args[secondsAt + 1]) : 10;
const names = args.filter((a, i) => !a.startsWith("--") && i !== secondsAt + 1);
const selected = names.length === 0 ? SCENARIOS : SCENARIOS.filter((s) => names.includes(s.name));
if (selected.length === 0) {
  console.error(`unknown scenario; choose from: ${SCENARIOS.map((s) => s.name).join(", ")}`);
  process.exit(2);
}

const results: LoadResult[] = [];
const notes: string[] = [];
const credentials = { accessKeyId: "AKIABENCHBENCHBENCH0", secretAccessKey: "bench-secret-access-key" };

console.log(`userpool bench: ${cpus().length} CPU(s), node ${process.version}, ${seconds}s per measurement`);
for (const scenario of selected) {
  const dirs: string[] = [];
  const servers: ServerProcess[] = [];
  const bench: BenchContext = {
    region: "us-east-1",
    credentials,
    durationMs: seconds * 1000,
    data() {
      const dir = mkdtempSync(join(tmpdir(), "userpool-bench-"));
      dirs.push(dir);
      return dir;
    },
    async startServer(extraArgs = []) {
      const dir = dirs.at(-1) ?? bench.data();
      const server = await startServerProcess(dir, credentials, extraArgs);
      servers.push(server);
      return server;
    },
    async load(server, options, targets) {
      const cpuBefore = server.cpuMs();
      const started = performance.now();
      const result = await runLoad({ ...options, url: server.url, durationMs: bench.durationMs });
      const serverCpu = ((server.cpuMs() - cpuBefore) / (performance.now() - started)) * 100;
      results.push(result);
      notes.push(
        `${result.name}: target ${targets}; server RSS ${server.rssMiB().toFixed(0)} MiB; CPU: server ${serverCpu.toFixed(0)}%, load generator ${result.clientCpuPercent.toFixed(0)}% of one core`,
      );
      if (result.errors > 0) notes.push(`  ${result.errors} errors, first: ${result.firstError ?? "?"}`);
      console.log(formatResults([result]));
      return result;
    },
    note(line) {
      notes.push(line);
      console.log(line);
    },
  };
  try {
    await scenario.run(bench);
  } finally {
    for (const server of servers) await server.stop().catch(() => undefined);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`\n${formatResults(results)}\n`);
for (const line of notes) console.log(line);
