// Shared start-up for the commands in scripts/: read .env, validate the configuration,
// start the embedded PostgreSQL when no DATABASE_URL is given, migrate.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { parseEnv, type Env } from "../../lib/env";
import { startEmbeddedPostgres, type RunningPostgres } from "../../lib/db/embedded-postgres";
import { migrateDatabase } from "../../lib/db/migrate";
import { makeDataDir } from "../../lib/db/data-dir-access";

export const APP_DATABASE = "foi_tracker";
export const EMBEDDED_PORT = 54329;

export function loadDotEnv(): void {
  const file = path.join(process.cwd(), ".env");
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

export function validateEnvOrExit(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

/** A secret that survives restarts without anyone having to invent one (development only). */
function ensureAuthSecret(dataDir: string): void {
  if (process.env.NEXTAUTH_SECRET) return;
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) {
    makeDataDir(dataDir);
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

export interface Database {
  url: string;
  embedded: RunningPostgres | null;
  stop: () => Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded server under DATA_DIR; then migrates. */
export async function prepareDatabase(env: Env, log: (line: string) => void = console.log): Promise<Database> {
  const dataDir = path.resolve(env.DATA_DIR);
  ensureAuthSecret(dataDir);
  let embedded: RunningPostgres | null = null;
  let url = env.DATABASE_URL;
  if (!url) {
    const started = Date.now();
    embedded = await startEmbeddedPostgres(dataDir, EMBEDDED_PORT);
    await embedded.createDatabase(APP_DATABASE).catch((error: Error) => {
      if (!/already exists/.test(error.message)) throw error;
    });
    url = embedded.url(APP_DATABASE);
    log(`Embedded PostgreSQL started in ${Date.now() - started} ms (data in ${path.join(dataDir, "pg")}).`);
  }
  process.env.DATABASE_URL = url;
  const applied = await migrateDatabase(url);
  if (applied.length > 0) log(`Applied migrations: ${applied.join(", ")}.`);
  const stop = async () => {
    if (embedded) await embedded.stop();
  };
  return { url, embedded, stop };
}

/**
 * For a one-shot command that prints one JSON line on stdout: opens the database (start-up
 * messages on stderr), runs `work` with the Prisma client, then closes both whatever happened,
 * and exits with the code `work` returned, or 1 (with "<command>: <reason>" on stderr) when the
 * database could not be opened or `work` threw. The exit is explicit: embedded-postgres's exit
 * hook (async-exit-hook) exits with 0 on beforeExit, which would override process.exitCode.
 */
export async function runWithDatabase(command: string, env: Env, work: (db: (typeof import("../../lib/db/client"))["db"]) => Promise<number>): Promise<never> {
  const oneLine = (error: unknown) => (error as Error).message.replace(/\s*\n\s*/g, " ");
  const database = await prepareDatabase(env, (line) => console.error(line)).catch((error: unknown) => {
    console.error(`${command}: cannot open the database: ${oneLine(error)}`);
    process.exit(1);
  });
  const { db } = await import("../../lib/db/client");
  let code: number;
  try {
    code = await work(db);
  } catch (error) {
    console.error(`${command}: ${oneLine(error)}`);
    code = 1;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
  process.exit(code);
}
