import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

// A small pg pool for the reads every page makes (session, membership, counts, list pages).
// Measured on a 2-core machine: Prisma 6's JavaScript engine costs about 3.5 ms of CPU per
// query (its query compiler and result mapping), a plain pg query about 0.25 ms; a dashboard
// made a dozen of them. Writes and everything else stay on Prisma (lib/db/client.ts).
// Flat statements with $1-style parameters only. Counts need count(*)::int (pg returns bigint
// as a string). Prisma stores DateTime as UTC in `timestamp without time zone`: read back as UTC
// here too (pg's default would read it in the server's local zone); a `date` stays "YYYY-MM-DD".

type Pool = pg.Pool;

const TIMESTAMP_OID = 1114;
const DATE_OID = 1082;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === TIMESTAMP_OID) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    if (oid === DATE_OID) return (value: string) => value;
    return pg.types.getTypeParser(oid, format ?? "text");
  }) as typeof pg.types.getTypeParser,
};
const globalForPool = globalThis as unknown as { foiSqlPool?: Pool };

function pool(): Pool {
  if (!globalForPool.foiSqlPool) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which starts the embedded PostgreSQL.");
    // allowExitOnIdle: a script that used it still ends when its work is done.
    const created = new pg.Pool({ connectionString: url, max: 5, allowExitOnIdle: true, types });
    // An idle connection dropped by the server is replaced on the next query, not a crash.
    created.on("error", () => {});
    globalForPool.foiSqlPool = created;
  }
  return globalForPool.foiSqlPool;
}

/** Runs one read-only statement and returns its rows. */
export async function sqlRows<T extends object>(text: string, params: readonly unknown[] = []): Promise<T[]> {
  const result = await pool().query(text, params as unknown[]);
  return result.rows as T[];
}

/** Closes the pool (scripts and tests that end the process cleanly). */
export async function closeSqlPool(): Promise<void> {
  const current = globalForPool.foiSqlPool;
  globalForPool.foiSqlPool = undefined;
  await current?.end();
}
