import { Writable } from "node:stream";
import { type Level, type Logger, pino } from "pino";

export interface CapturedLog {
  /** The logger to hand the server as its `logger` option. */
  logger: Logger;
  /** Everything the logger has written so far, as pino's JSON lines. */
  text(): string;
}

/** A pino logger at `level` that writes to memory, so a test can read what the server logged. */
export function captureLog(level: Level): CapturedLog {
  let logged = "";
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged += chunk.toString();
      done();
    },
  });
  return { logger: pino({ level }, sink), text: () => logged };
}
