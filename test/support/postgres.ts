import { randomBytes } from "node:crypto";
import pg from "pg";

/** The server the PostgreSQL tests use; each run makes and drops its own database there. */
export const POSTGRES_ADMIN_URL = process.env.USERPOOL_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function hostOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}`;
}

async function probe(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const available = await probe();

/**
 * Why PostgreSQL tests are skipped, or false when they run. CI sets
 * USERPOOL_REQUIRE_POSTGRES=1, which turns a missing server into a failure.
 */
export function postgresSkipReason(): string | false {
  if (available) return false;
  const reason = `skipped: no PostgreSQL at ${hostOf(POSTGRES_ADMIN_URL)}`;
  if (process.env.USERPOOL_REQUIRE_POSTGRES === "1")
    throw new Error(`PostgreSQL is required here (USERPOOL_REQUIRE_POSTGRES=1) but ${reason.slice(9)}`);
  return reason;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test run. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `userpool_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
