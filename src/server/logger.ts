import { type LevelWithSilent, type Logger, pino } from "pino";

/**
 * Structured logs on stderr (stdout carries only the listening line and a
 * first-start key). Nothing logs request bodies, tokens, passwords, codes
 * or secrets; the redaction list is a second line of defence.
 */
export function createLogger(level: LevelWithSilent = "info"): Logger {
  return pino(
    {
      level,
      base: { service: "userpool" },
      redact: {
        paths: ["*.password", "*.secret", "*.secretAccessKey", "*.token", "*.code", "*.authorization", "*.body"],
        censor: "[redacted]",
      },
    },
    pino.destination({ fd: 2, sync: false }),
  );
}
