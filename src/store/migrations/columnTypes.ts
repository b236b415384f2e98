import { type ColumnDefinitionBuilder, sql } from "kysely";
import type { Engine } from "../store.js";

/**
 * The few column types that differ between the engines. Keys compared by
 * range (ListUsers prefix search, keyset paging) use byte order on both:
 * SQLite's default BINARY collation, and COLLATE "C" on PostgreSQL, so a
 * prefix range [p, successor of p) means the same thing everywhere.
 */
export function columnTypes(engine: Engine) {
  if (engine === "postgres") {
    return {
      time: "bigint",
      ref: "bigint",
      key: sql`text collate "C"`,
      serial: "bigint",
      serialConstraint: (c: ColumnDefinitionBuilder) => c.primaryKey().generatedAlwaysAsIdentity(),
    } as const;
  }
  return {
    time: "integer",
    ref: "integer",
    key: "text",
    serial: "integer",
    serialConstraint: (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement(),
  } as const;
}
