import "server-only";
import { createHash } from "node:crypto";
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

const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `foi_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Runs one read-only statement and returns its rows. `prepared`: the statement is prepared once
 * per connection under a name taken from its text, so PostgreSQL neither parses nor, once it
 * finds a generic plan as cheap as the custom ones, plans it again: for the few statements every
 * page runs (about 1.4 ms of the database's time a dashboard, measured with bench:pages). Only
 * for statements whose best plan does not depend on their values (lookups by id, small
 * summaries, LIMITed index scans): a generic plan for an optional filter can be far worse. A
 * pooler in front of PostgreSQL must keep prepared statements (PgBouncer 1.21+ with
 * max_prepared_statements set, or session pooling).
 */
export async function sqlRows<T extends object>(text: string, params: readonly unknown[] = [], options: { prepared?: boolean } = {}): Promise<T[]> {
  const values = params as unknown[];
  const result = await pool().query(options.prepared ? { name: statementName(text), text, values } : { text, values });
  return result.rows as T[];
}

/** Closes the pool (scripts and tests that end the process cleanly). */
export async function closeSqlPool(): Promise<void> {
  const current = globalForPool.foiSqlPool;
  globalForPool.foiSqlPool = undefined;
  await current?.end();
}
