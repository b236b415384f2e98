import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Credentials } from "./signer.js";

const BIN = fileURLToPath(new URL("../../../bin/userpool.js", import.meta.url));

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident set size of the server process, in MiB. */
  rssMiB(): number;
  /** CPU time the server process has used so far, in ms (user + system). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Runs `userpool serve` in its own process, as users do, so the load generator does not share its CPU time. */
export async function startServerProcess(
  data: string,
  credentials: Credentials,
  extraArgs: string[] = [],
): Promise<ServerProcess> {
  // BENCH_SERVER_NODE_ARGS passes node flags to the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter((a) => a !== "");
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, BIN, "serve", "--port", "0", "--data", data, "--log-level", "warn", ...extraArgs],
    {
      env: {
        ...process.env,
        USERPOOL_ACCESS_KEY_ID: credentials.accessKeyId,
        USERPOOL_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/[0-9A-Za-z.:[\]-]+:\d+/.exec(out);
      if (match) resolve(match[0]);
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
  const pid = child.pid ?? 0;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    pid,
    rssMiB() {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    cpuMs() {
      // Fields 14 and 15 of /proc/<pid>/stat are user and system time in clock ticks (100/s on Linux).
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
