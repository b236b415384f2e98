import type { LoadOptions, LoadResult } from "./loadgen.js";
import type { ServerProcess } from "./serverProcess.js";
import type { Credentials } from "./signer.js";

export interface BenchContext {
  region: string;
  credentials: Credentials;
  durationMs: number;
  /** A fresh data directory for this scenario (SQLite, as `npm start` uses). */
  data(): string;
  startServer(extraArgs?: string[]): Promise<ServerProcess>;
  /**
   * Runs a load against a server and reports it with the CPU both sides
   * used (they share this machine) and the server's memory afterwards.
   */
  load(server: ServerProcess, options: Omit<LoadOptions, "url" | "durationMs">, targets: string): Promise<LoadResult>;
  /** A line of context printed with the results (e.g. a measured hash rate). */
  note(line: string): void;
}

export interface Scenario {
  name: string;
  run(bench: BenchContext): Promise<void>;
}
