// Global setup for `npm run test:browser`: the tests drive the BUILT app (`next build` +
// `next start`) on a fresh, migrated, seeded database. The returned function is the
// teardown: it stops the server and drops the database (stopping the embedded PostgreSQL).
//
// The build is reused when `.next/BUILD_ID` exists and the sources have not changed since
// it was made (the same fingerprint `npm start` keeps in .next/foi-source-fingerprint);
// it is always redone when CI is set or BROWSER_TESTS_REBUILD=1.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { simpleParser, type AddressObject } from "mailparser";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { MAIL_FILE, NOW_FILE, WORKER_LOG, type ReceivedMail } from "./batch-browser-env";
import { buildIfNeeded } from "../../scripts/lib/build-if-needed";
import { WEB_CLUSTER, WEB_SERVER_NODE_ARGS } from "../../scripts/lib/web-server-args";
import {
  BASE_URL,
  BROWSER_DATA_DIR,
  BROWSER_PG_PORT,
  BROWSER_PORT,
  WDTK_FIXTURE_PORT,
  BROWSER_TODAY,
  OWNER_STORAGE_STATE,
  ROOT,
  SERVER_LOG,
  STATE_FILE,
  TEST_AUTH_SECRET,
  type BrowserTestState,
} from "./browser-env";

const TSX_BIN = path.join(ROOT, "node_modules", ".bin", "tsx");

const say = (line: string) => console.log(`[browser tests] ${line}`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function buildUnlessCurrent(env: NodeJS.ProcessEnv): void {
  const forced = Boolean(process.env.CI) || process.env.BROWSER_TESTS_REBUILD === "1";
  const started = Date.now();
  if (buildIfNeeded(env, { force: forced, say })) say(`Build finished in ${seconds(started)}.`);
  else say("Reusing the build in .next (the sources have not changed since it was made).");
}

/** The environment of the seed script, the web server and the worker: everything the app reads is pinned. */
function appEnv(databaseUrl: string, smtpPort: number): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    ...process.env,
    APP_ENV: "test",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: TEST_AUTH_SECRET,
    NEXTAUTH_URL: BASE_URL,
    PORT: String(BROWSER_PORT),
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: BROWSER_DATA_DIR,
    // Mail goes over real SMTP to the in-process test server below (tests read what it received),
    // and "today" is fixed; a spec may move it forward by writing NOW_FILE (lib/time.ts).
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: "FOI Tracker <foi-tracker@localhost>",
    FOI_NOW: BROWSER_TODAY,
    FOI_NOW_FILE: NOW_FILE,
    // Empty means "not set" to lib/env.ts, and stops Next.js filling it in from a developer's .env.
    SEED_ON_START: "",
    // No network here, and the bank holidays must not change under the tests.
    HOLIDAYS_REFRESH_URL: "off",
    // WhatDoTheyKnow is the stand-in site the WhatDoTheyKnow spec starts on this port.
    WDTK_BASE_URL: `http://127.0.0.1:${WDTK_FIXTURE_PORT}`,
  };
  delete env.NODE_ENV; // `next start` sets production itself
  return env as unknown as NodeJS.ProcessEnv; // Next.js's types declare NODE_ENV required
}

function seed(env: NodeJS.ProcessEnv): { ownerEmail: string; ownerPassword: string; workspaceName: string } {
  const result = spawnSync(TSX_BIN, ["--conditions=react-server", path.join("tests", "support", "browser-seed.ts")], {
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`Seeding the browser-test database failed (exit ${result.status ?? result.signal}):\n${result.stdout}`);
  const line = result.stdout.trim().split("\n").reverse().find((l) => l.startsWith("{"));
  if (!line) throw new Error(`The seed script printed no result:\n${result.stdout}`);
  const parsed = JSON.parse(line) as { seeded: boolean; ownerEmail?: string; ownerPassword?: string; workspaceName: string };
  if (!parsed.seeded || !parsed.ownerEmail || !parsed.ownerPassword) {
    throw new Error("The seed did not run (seeded: false): the browser-test database was not empty. It should be brand new on every run; check createTestDatabase.");
  }
  return { ownerEmail: parsed.ownerEmail, ownerPassword: parsed.ownerPassword, workspaceName: parsed.workspaceName };
}

/** Fails fast when something (a server left over from an interrupted run?) holds the port. */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === "EADDRINUSE"
            ? `Port ${port} is in use. The browser tests start their own server there: stop whatever listens on it (\`ss -ltnp 'sport = :${port}'\`) and run again.`
            : `Cannot listen on port ${port}: ${error.message}`,
        ),
      ),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

function logTail(lines = 40): string {
  if (!fs.existsSync(SERVER_LOG)) return "";
  return fs.readFileSync(SERVER_LOG, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

async function waitUntilServing(server: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`next start stopped during start-up (exit ${server.exitCode ?? server.signalCode}). Its log (${SERVER_LOG}):\n${logTail()}`);
    }
    try {
      const res = await fetch(`${BASE_URL}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`next start did not answer ${BASE_URL}/api/health within ${timeoutMs / 1000} s. Its log (${SERVER_LOG}):\n${logTail()}`);
}

function addressText(address: AddressObject | AddressObject[] | undefined): string {
  if (!address) return "";
  return (Array.isArray(address) ? address : [address]).map((a) => a.text).join(", ");
}

/**
 * A real SMTP server in this (the test runner's) process, on a free port: every message the
 * app sends is parsed and appended to MAIL_FILE, which readMail() and the specs read. The
 * file is rewritten whole through a rename, so a reader never sees half a message.
 */
async function startSmtpServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const received: ReceivedMail[] = [];
  fs.writeFileSync(MAIL_FILE, "[]");
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push({
          messageId: mail.messageId ?? "",
          to: addressText(mail.to),
          from: addressText(mail.from),
          replyTo: addressText(mail.replyTo),
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          inReplyTo: mail.inReplyTo ?? "",
          receivedAt: new Date().toISOString(),
        });
        const temporary = `${MAIL_FILE}.tmp`;
        fs.writeFileSync(temporary, JSON.stringify(received, null, 1));
        fs.renameSync(temporary, MAIL_FILE);
        callback();
      }, callback);
    },
  });
  // A reset connection from a worker that went away is not the server failing.
  server.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as net.AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  // lib/db/migrate.ts and the build read paths relative to the project root.
  if (process.cwd() !== ROOT) process.chdir(ROOT);
  fs.mkdirSync(BROWSER_DATA_DIR, { recursive: true });
  fs.rmSync(STATE_FILE, { force: true });
  fs.rmSync(OWNER_STORAGE_STATE, { force: true });
  fs.rmSync(NOW_FILE, { force: true }); // left by an interrupted run: the clock starts at BROWSER_TODAY

  buildUnlessCurrent({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  await assertPortFree(BROWSER_PORT);

  let database: TestDatabase | null = null;
  let server: ChildProcess | null = null;
  let worker: ChildProcess | null = null;
  let smtp: { port: number; close: () => Promise<void> } | null = null;
  const killOnExit = () => {
    server?.kill("SIGKILL");
    worker?.kill("SIGKILL");
  };
  const teardown = async () => {
    process.off("exit", killOnExit);
    if (worker) await stopServer(worker);
    if (server) await stopServer(server);
    if (smtp) await smtp.close();
    fs.rmSync(NOW_FILE, { force: true });
    if (database) await database.drop();
    // Both point at a database that no longer exists; server.log stays for reading.
    fs.rmSync(STATE_FILE, { force: true });
    fs.rmSync(OWNER_STORAGE_STATE, { force: true });
  };

  try {
    let started = Date.now();
    database = await createTestDatabase("foi_browser", BROWSER_DATA_DIR, BROWSER_PG_PORT);
    say(`Fresh database ready in ${seconds(started)}.`);
    smtp = await startSmtpServer();
    const env = appEnv(database.url, smtp.port);

    started = Date.now();
    const seeded = seed(env);
    say(`Seeded in ${seconds(started)}.`);

    started = Date.now();
    const log = fs.openSync(SERVER_LOG, "w");
    // As `npm start` runs it: one `next start` per core, sharing the port.
    server = spawn(process.execPath, [...WEB_SERVER_NODE_ARGS, WEB_CLUSTER, "start", "-p", String(BROWSER_PORT)], { stdio: ["ignore", log, log], env });
    fs.closeSync(log);
    process.on("exit", killOnExit);
    await waitUntilServing(server);
    say(`next start answered ${BASE_URL}/api/health in ${seconds(started)} (log: ${path.relative(ROOT, SERVER_LOG)}).`);

    // `next start` alone runs no background worker (npm start runs one beside it); the outbox
    // (batch letters, chasers) is drained by the same separate worker a multi-instance
    // deployment uses, `npm run worker`, against this database and SMTP server.
    const workerLog = fs.openSync(WORKER_LOG, "w");
    worker = spawn(TSX_BIN, ["--conditions=react-server", path.join("scripts", "worker.ts")], { stdio: ["ignore", workerLog, workerLog], env });
    fs.closeSync(workerLog);
    say(`Worker started (log: ${path.relative(ROOT, WORKER_LOG)}); test SMTP server on port ${smtp.port}.`);

    const state: BrowserTestState = {
      baseURL: BASE_URL,
      databaseUrl: database.url,
      secret: TEST_AUTH_SECRET,
      ownerEmail: seeded.ownerEmail,
      ownerSeedPassword: seeded.ownerPassword,
      workspaceName: seeded.workspaceName,
    };
    fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2), { mode: 0o600 });
  } catch (error) {
    await teardown().catch((cleanupError) => console.error("[browser tests] Cleaning up after the failed setup also failed:", cleanupError));
    throw error;
  }
  return teardown;
}
