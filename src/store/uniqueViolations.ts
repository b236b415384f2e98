import { UniqueViolation } from "./store.js";

/** The members of a driver error (better-sqlite3 or pg) that say what went wrong; none for anything else thrown. */
function driverError(error: unknown): { code?: unknown; message?: unknown; constraint?: unknown } {
  return typeof error === "object" && error !== null ? error : {};
}

/**
 * Which unique key a driver error reports, or undefined when the error is
 * not a unique violation. SQLite names the columns in its message
 * ("UNIQUE constraint failed: users.pool_id, users.username_key"); PostgreSQL
 * names the index (23505, constraint "users_username_key").
 */
function violatedKey(error: unknown): string | undefined {
  const { code, message, constraint } = driverError(error);
  const isUnique = code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
  if (!isUnique) return undefined;
  const text = `${typeof constraint === "string" ? constraint : ""} ${typeof message === "string" ? message : ""}`;
  if (text.includes("username_key")) return "username";
  if (text.includes("alias_email")) return "aliasEmail";
  if (text.includes("alias_phone_number")) return "aliasPhoneNumber";
  if (text.includes("alias_preferred_username")) return "aliasPreferredUsername";
  if (text.includes("sub")) return "sub";
  return "primary";
}

export async function translatingUniqueViolations<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const key = violatedKey(error);
    if (key !== undefined) throw new UniqueViolation(key);
    throw error;
  }
}

/**
 * Whether a driver error is a foreign key violation. Only PostgreSQL reports
 * one the store expects (23503): there a statement's key check can meet a
 * row deleted after its snapshot was taken. On SQLite the one writer sees
 * every delete first.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  return driverError(error).code === "23503";
}
