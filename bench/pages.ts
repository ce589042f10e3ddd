// Benchmark: the pages people look at all day, under load. Seeds a fresh database with
// 100,000 requests (and their events) across 1,000 bodies in one workspace, 99 other
// workspaces of 1,000 requests each, and a sent batch of 1,000 recipients, all with set-based
// SQL; builds the app if its sources changed, starts it as in production (`next start`),
// signs in through the real password form, then drives 20 concurrent clients for 10 seconds
// each at the dashboard, the request list, the batch page and /api/health (autocannon), in
// turns of 2 seconds so that every page meets the same machine.
// Its own embedded PostgreSQL lives in .test-data/bench-pages and the database is dropped at
// the end (BENCH_KEEP=1 keeps it and prints its URL). The last line is one JSON object.
// Run: npm run -s bench:pages   (BENCH_REQUESTS, BENCH_SECONDS, BENCH_ROUNDS, BENCH_CONNECTIONS to change)
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import bcrypt from "bcryptjs";
import pg from "pg";
import { createTestDatabase } from "../tests/support/test-database";
import { buildIfNeeded } from "../scripts/lib/build-if-needed";
import { WEB_CLUSTER, WEB_SERVER_NODE_ARGS } from "../scripts/lib/web-server-args";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100_000);
const OTHER_WORKSPACES = 99;
const OTHER_REQUESTS = 1_000;
const BODIES = 1_000;
const RECIPIENTS = 1_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const OFFSET = Number(process.env.TEST_PORT_OFFSET ?? 0);
const PORT = 3190 + OFFSET;
const PG_PORT = 54369 + OFFSET;
const BASE = `http://127.0.0.1:${PORT}`;
const EMAIL = "bench.owner@example.org";
const PASSWORD = "bench pages password 0123";
const ROOT = path.resolve(__dirname, "..");
const DATA_DIR = path.join(ROOT, ".test-data", "bench-pages");

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const say = (line: string) => console.log(line);

/**
 * One workspace's requests, as the app stores them: dates relative to today (the app runs
 * as production, on the real clock), a realistic mix of statuses, one `sent` event each and
 * an answer event for the answered ones. `first` numbers the rows so ids stay unique.
 */
function requestsSql(workspace: string, bodyPrefix: string, bodies: number, first: number, count: number): string {
  return `
    INSERT INTO "FoiRequest" (id, "workspaceId", "bodyId", law, title, letter, channel, status, "sentAt", "receivedOn", "dueOn", "veryOverdueOn", "authorityRef", "updatedAt")
    SELECT 'r' || g, '${workspace}', '${bodyPrefix}' || ((g - ${first}) % ${bodies} + 1),
      CASE WHEN g % 20 = 0 THEN 'eir'::"Law" WHEN g % 20 = 1 THEN 'foisa'::"Law" ELSE 'foia'::"Law" END,
      'Lived Experience posts, question ' || g, 'Dear body, please tell me ...', 'email', s.status,
      received::timestamp + interval '9 hours', received, received + 28, received + 56,
      CASE WHEN g % 3 = 0 THEN 'FOI-' || g END, now()
    FROM generate_series(${first}, ${first + count - 1}) g,
      -- Sent over the last two years, one a few minutes apart, newest last.
      LATERAL (SELECT current_date - ((${first + count - 1} - g) * 730 / ${count})::int AS received) d,
      LATERAL (SELECT (CASE
        WHEN received > current_date - 40 THEN (CASE WHEN g % 10 = 0 THEN 'extended' ELSE 'awaiting_response' END)
        WHEN g % 100 < 6 THEN 'awaiting_response' WHEN g % 100 < 8 THEN 'internal_review'
        WHEN g % 100 < 10 THEN 'withdrawn' WHEN g % 100 < 60 THEN 'successful'
        WHEN g % 100 < 80 THEN 'partially_successful' WHEN g % 100 < 90 THEN 'not_held' ELSE 'refused' END)::"RequestStatus" AS status) s;
    INSERT INTO "RequestEvent" (id, "workspaceId", "requestId", kind, "occurredAt")
      SELECT 'e' || r.id, r."workspaceId", r.id, 'sent', r."sentAt" FROM "FoiRequest" r WHERE r."workspaceId" = '${workspace}';
    INSERT INTO "RequestEvent" (id, "workspaceId", "requestId", kind, "occurredAt")
      SELECT 'a' || r.id, r."workspaceId", r.id,
        (CASE r.status WHEN 'successful' THEN 'response_successful' WHEN 'partially_successful' THEN 'response_partial'
          WHEN 'not_held' THEN 'response_not_held' WHEN 'withdrawn' THEN 'withdrawn' ELSE 'response_refused' END)::"EventKind",
        r."sentAt" + interval '15 days'
      FROM "FoiRequest" r WHERE r."workspaceId" = '${workspace}' AND r.status IN ('successful', 'partially_successful', 'not_held', 'refused', 'withdrawn', 'internal_review');
  `;
}

async function seed(client: pg.Client): Promise<{ batchId: string }> {
  const hash = await bcrypt.hash(PASSWORD, 4);
  await client.query(
    `INSERT INTO "Workspace" (id, name, slug) VALUES ('ws0', 'Bench Campaign', 'bench-campaign');
     INSERT INTO "Workspace" (id, name, slug) SELECT 'ws' || g, 'Other campaign ' || g, 'other-' || g FROM generate_series(1, ${OTHER_WORKSPACES}) g;
     INSERT INTO "User" (id, email, name, "updatedAt") SELECT 'u' || g, 'person' || g || '@example.org', 'Person ' || g, now() FROM generate_series(1, ${OTHER_WORKSPACES}) g;
     INSERT INTO "Membership" (id, "userId", "workspaceId", role) SELECT 'm' || g, 'u' || g, 'ws' || g, 'owner' FROM generate_series(1, ${OTHER_WORKSPACES}) g;
     INSERT INTO "PublicBody" (id, "workspaceId", key, name, kind, "foiEmail", region, "updatedAt")
       SELECT 'b' || g, 'ws0', 'trust-' || g, 'NHS Trust number ' || g, 'nhs_trust', 'foi' || g || '@trust.example.org', 'Region ' || (g % 7), now() FROM generate_series(1, ${BODIES}) g;
     INSERT INTO "PublicBody" (id, "workspaceId", key, name, kind, "updatedAt")
       SELECT 'ob' || w || '-' || k, 'ws' || w, 'trust-' || k, 'Other trust ' || k, 'nhs_trust', now() FROM generate_series(1, ${OTHER_WORKSPACES}) w, generate_series(1, 31) k;`,
  );
  await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('owner', $1, 'Bench Owner', $2, now())`, [EMAIL, hash]);
  await client.query(`INSERT INTO "Membership" (id, "userId", "workspaceId", role) VALUES ('m0', 'owner', 'ws0', 'owner')`);
  await client.query(requestsSql("ws0", "b", BODIES, 1, REQUESTS));
  for (let w = 1; w <= OTHER_WORKSPACES; w++) {
    await client.query(requestsSql(`ws${w}`, `ob${w}-`, 31, REQUESTS + (w - 1) * OTHER_REQUESTS + 1, OTHER_REQUESTS));
  }
  // A sent batch of 1,000 recipients: the newest 1,000 requests, one per body, each with its email delivered.
  await client.query(`
    INSERT INTO "Batch" (id, "workspaceId", name, law, channel, "titleTemplate", template, state, "sentAt", "updatedAt")
      VALUES ('batch0', 'ws0', 'Follow-up to 1,000 trusts', 'foia', 'email', 'Questions for {{body.name}}', 'Dear {{body.name}}, ...', 'sent', now() - interval '20 days', now());
    UPDATE "FoiRequest" SET "batchId" = 'batch0' WHERE "workspaceId" = 'ws0' AND id IN (SELECT 'r' || g FROM generate_series(${REQUESTS - RECIPIENTS + 1}, ${REQUESTS}) g);
    INSERT INTO "BatchRecipient" (id, "workspaceId", "batchId", "bodyId", position, "requestId")
      SELECT 'br' || r.id, 'ws0', 'batch0', r."bodyId", row_number() OVER (ORDER BY r.id), r.id FROM "FoiRequest" r WHERE r."batchId" = 'batch0';
    INSERT INTO "Delivery" (id, "workspaceId", "requestId", "dedupeKey", "toAddress", subject, text, "messageId", transport, state, attempts, "sentAt")
      SELECT 'd' || r.id, 'ws0', r.id, 'request:' || r.id, 'foi@trust.example.org', r.title, r.letter, '<' || r.id || '@bench.example.org>', 'smtp', 'sent', 1, r."sentAt"
      FROM "FoiRequest" r WHERE r."batchId" = 'batch0';
    -- Some alerts, unread for the owner (the header's count).
    INSERT INTO "Alert" (id, "workspaceId", "requestId", kind, cycle, "dueOn", "raisedOn")
      SELECT 'al' || r.id, 'ws0', r.id, 'overdue', r."receivedOn", r."dueOn", r."dueOn" + 1
      FROM "FoiRequest" r WHERE r."workspaceId" = 'ws0' AND r.status IN ('awaiting_response', 'extended') AND r."dueOn" < current_date LIMIT 300;
    INSERT INTO "Notification" (id, "alertId", "userId", "workspaceId") SELECT 'n' || a.id, a.id, 'owner', 'ws0' FROM "Alert" a;
    ANALYZE;
  `);
  return { batchId: "batch0" };
}

async function waitUntilServing(server: ChildProcess, logFile: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`next start stopped (exit ${server.exitCode}); see ${logFile}`);
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer within 150 s; see ${logFile}`);
}

/** Signs in through the password form, as a browser does, and returns the session cookie. */
async function signIn(): Promise<string> {
  const res = await fetch(`${BASE}/sign-in/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE },
    body: new URLSearchParams({ email: EMAIL, password: PASSWORD, callbackUrl: "/" }).toString(),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("next-auth.session-token="));
  if (res.status !== 303 || !cookie) throw new Error(`Signing in failed: ${res.status} ${res.headers.get("location")}`);
  return cookie;
}

interface Run {
  rps: number;
  p50: number;
  p95: number;
  bytes: number;
}

interface Page {
  name: string;
  urlPath: string;
  html: string;
  answers: number;
  seconds: number;
  latencies: number[];
  /** CPU time the web server and PostgreSQL spent while this page was loaded. */
  serverCpuMs: number;
  databaseCpuMs: number;
}

/** The server's process id, once started: its CPU time is read around each slice. */
let serverPid: number | undefined;

/**
 * CPU time (user + system) of the web server and of every PostgreSQL process, in ms, from
 * /proc (Linux; zeros elsewhere). Per answer, this is steadier than pages a second on a machine
 * whose speed drifts: time taken from the virtual machine is not counted.
 */
function cpuNow(): { server: number; database: number } {
  // After the command's name: state, parent, ... utime and stime are the 12th and 13th.
  const stat = (pid: string) => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
    } catch {
      return null; // gone meanwhile
    }
  };
  let server = 0;
  let database = 0;
  if (fs.existsSync("/proc")) {
    for (const pid of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      const found = stat(pid);
      if (!found) continue;
      // The web server: its first process and the processes it started (one per core).
      if (serverPid !== undefined && (Number(pid) === serverPid || found.parent === serverPid)) server += found.ticks;
      else if (fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres") database += found.ticks;
    }
  }
  const msPerTick = 10; // USER_HZ is 100 on Linux
  return { server: server * msPerTick, database: database * msPerTick };
}

/** Fetches the page once (it must be a 200: a redirect to sign-in would flatter) and warms it up. */
async function preparePage(name: string, urlPath: string, cookie: string): Promise<Page> {
  const check = await fetch(`${BASE}${urlPath}`, { headers: { cookie }, redirect: "manual" });
  const html = await check.text();
  if (check.status !== 200) throw new Error(`${urlPath} answered ${check.status} before the run`);
  // BENCH_HTML_DIR=/tmp/pages keeps each page's HTML, to see what makes it heavy.
  if (process.env.BENCH_HTML_DIR) fs.writeFileSync(path.join(process.env.BENCH_HTML_DIR, `${name.replace(/\W+/g, "_")}.html`), html);
  // A short warm-up (JIT, connection pool, caches), not counted.
  await autocannon({ url: `${BASE}${urlPath}`, connections: 4, amount: 20, timeout: 60, headers: { cookie } });
  return { name, urlPath, html, answers: 0, seconds: 0, latencies: [], serverCpuMs: 0, databaseCpuMs: 0 };
}

/** CONNECTIONS clients on one page for `seconds`; adds the answers and their latencies to the page's tally. */
async function loadSlice(page: Page, cookie: string, seconds: number): Promise<void> {
  // A generous timeout: a slow page must show up as its latency, not vanish as an error.
  const instance = autocannon({ url: `${BASE}${page.urlPath}`, connections: CONNECTIONS, duration: seconds, timeout: 60, headers: { cookie } });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => page.latencies.push(responseTime));
  const before = cpuNow();
  const result = await instance;
  const after = cpuNow();
  page.serverCpuMs += after.server - before.server;
  page.databaseCpuMs += after.database - before.database;
  if (result.non2xx > 0) throw new Error(`${page.urlPath}: ${result.non2xx} answers were not 200 (signed out?)`);
  if (result.errors > 0 || result.timeouts > 0) say(`${page.urlPath}: ${result.errors} errors, ${result.timeouts} timeouts`);
  page.answers += result.requests.total;
  page.seconds += result.duration || seconds;
}

/**
 * Loads every page for SECONDS in all, taking turns in ROUNDS slices (health, dashboard,
 * requests, batch, health, ...): this machine's speed drifts by tens of percent over a minute,
 * and the ratio must compare pages measured under the same conditions, not a minute apart.
 */
async function loadInTurns(pages: Page[], cookie: string): Promise<Map<string, Run>> {
  const slice = SECONDS / ROUNDS;
  for (let round = 0; round < ROUNDS; round++) for (const page of pages) await loadSlice(page, cookie, slice);
  const runs = new Map<string, Run>();
  for (const page of pages) {
    const latencies = page.latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
    const run = { rps: page.answers / page.seconds, p50: at(0.5), p95: at(0.95), bytes: Buffer.byteLength(page.html) };
    const cpu = `CPU a page: server ${round(page.serverCpuMs / page.answers)} ms, database ${round(page.databaseCpuMs / page.answers)} ms`;
    say(`${page.name.padEnd(10)} ${page.urlPath.padEnd(20)} ${round(run.rps).toString().padStart(7)} req/s  median ${round(run.p50)} ms  p95 ${round(run.p95)} ms  (${page.answers} answers, page ${round(run.bytes / 1024)} KB; ${cpu})`);
    runs.set(page.name, run);
  }
  return runs;
}

async function main() {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const database = await createTestDatabase("bench_pages", DATA_DIR, PG_PORT);
  let server: ChildProcess | null = null;
  const killOnExit = () => server?.kill("SIGKILL");
  process.on("exit", killOnExit);
  try {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    let started = Date.now();
    const { batchId } = await seed(client);
    const counted = (await client.query(`SELECT count(*)::int AS n FROM "FoiRequest" WHERE "workspaceId" = 'ws0'`)).rows[0].n as number;
    const events = (await client.query(`SELECT count(*)::int AS n FROM "RequestEvent"`)).rows[0].n as number;
    await client.end();
    say(`seeded ${counted} requests in the benchmark workspace, ${OTHER_WORKSPACES} x ${OTHER_REQUESTS} elsewhere, ${events} events, a batch of ${RECIPIENTS}, in ${round((Date.now() - started) / 1000)} s`);

    // As production: NODE_ENV=production (next start) with npm start's Node flags, APP_ENV=production, the real clock, no seed.
    const env: Record<string, string | undefined> = {
      ...process.env,
      APP_ENV: "production",
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: "bench-pages-secret-0123456789-0123456789",
      MAIL_SECRET_KEY: "bench-pages-mail-key-0123456789-0123456789",
      NEXTAUTH_URL: BASE,
      SMTP_URL: "smtp://127.0.0.1:9", // nothing is sent: no worker runs
      SEED_ON_START: "false",
      HOLIDAYS_REFRESH_URL: "off",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(PORT),
    };
    delete env.NODE_ENV;
    delete env.FOI_NOW;
    delete env.FOI_NOW_FILE;
    started = Date.now();
    if (buildIfNeeded({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, { say })) say(`built in ${round((Date.now() - started) / 1000)} s`);
    const logFile = path.join(DATA_DIR, "server.log");
    const log = fs.openSync(logFile, "w");
    // BENCH_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server (written when it stops).
    const nodeArgs = (process.env.BENCH_NODE_OPTIONS ?? "").split(" ").filter(Boolean);
    server = spawn(process.execPath, [...WEB_SERVER_NODE_ARGS, ...nodeArgs, WEB_CLUSTER, "start", "-p", String(PORT), "-H", "127.0.0.1"], { stdio: ["ignore", log, log], env: env as NodeJS.ProcessEnv });
    fs.closeSync(log);
    serverPid = server.pid;
    await waitUntilServing(server, logFile);
    const cookie = await signIn();

    const paths: Record<string, string> = { health: "/api/health", dashboard: "/", requests: "/requests", batch: `/batches/${batchId}` };
    // BENCH_PAGES=dashboard (a comma list of names or paths) loads only those, for profiling: no summary line.
    const only = process.env.BENCH_PAGES?.split(",");
    const pages: Page[] = [];
    for (const name of only ?? Object.keys(paths)) pages.push(await preparePage(name, paths[name] ?? name, cookie));
    const runs = await loadInTurns(pages, cookie);
    if (only) return;
    const [health, dashboard, requests, batch] = ["health", "dashboard", "requests", "batch"].map((name) => runs.get(name)!) as [Run, Run, Run, Run];
    say(`targets: dashboard p95 < 500 ms (${round(dashboard.p95)}), ratio >= 0.25 (${round(dashboard.rps / health.rps, 3)}), requests p95 < 500 ms (${round(requests.p95)}), batch p95 < 500 ms (${round(batch.p95)})`);
    console.log(
      JSON.stringify({
        bench: "pages",
        requests: counted,
        dashboardRps: round(dashboard.rps),
        dashboardP95Ms: round(dashboard.p95),
        requestsRps: round(requests.rps),
        requestsP95Ms: round(requests.p95),
        batchP95Ms: round(batch.p95),
        healthRps: round(health.rps),
        ratio: round(dashboard.rps / health.rps, 3),
      }),
    );
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    }
    process.off("exit", killOnExit);
    if (process.env.BENCH_KEEP) console.error(`kept ${database.url}`);
    else await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
