export type { Clock, Random } from "./domain/runtime.js";
export { ManualClock } from "./domain/runtime.js";
export { type Credentials, type RunningServer, type StartServerOptions, startServer } from "./server/startServer.js";
