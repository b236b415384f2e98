export type { Clock, Random } from "./domain/kernel/runtime.js";
export { ManualClock } from "./domain/kernel/runtime.js";
export { type Credentials, type RunningServer, type StartServerOptions, startServer } from "./server/startServer.js";
