import { statSync } from "node:fs";
import type { Logger } from "pino";
import type { DataLocation } from "../store/open.js";

/**
 * Warns when an existing data directory lets other local users in: the
 * server makes its own directory 0700 and its files 0600, but a directory
 * made beforehand keeps its mode, and files made by older versions may be
 * readable by anyone who can reach them (the database, master.key).
 */
export function warnIfDataDirectoryIsOpen(location: DataLocation, logger: Logger): void {
  if (location.kind !== "directory") return;
  let mode: number;
  try {
    mode = statSync(location.directory).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if ((mode & 0o077) === 0) return;
  const octal = `0${mode.toString(8)}`;
  logger.warn(
    { directory: location.directory, mode: octal },
    `the data directory ${location.directory} is open to other local users (mode ${octal}); run chmod 700 ${location.directory}`,
  );
}
