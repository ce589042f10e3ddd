// `npm start`: one command from a fresh clone to a running app. Starts (or connects to)
// PostgreSQL, migrates, seeds an empty database, builds when the sources changed, runs
// `next start` (once per core) and the background worker, and stops everything cleanly on Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { loadDotEnv, prepareDatabase, validateEnvOrExit } from "./lib/bootstrap";
import { takeOverStopSignals } from "../lib/db/embedded-postgres";
import { buildIfNeeded } from "./lib/build-if-needed";
import { WEB_CLUSTER, WEB_SERVER_NODE_ARGS } from "./lib/web-server-args";
import { isLoopbackAddress } from "../lib/env";

const dev = process.argv.includes("--dev");
const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error("The web server stopped during start-up.");
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("The web server did not answer within 150 seconds.");
}

async function main() {
  const startedAt = Date.now();
  loadDotEnv();
  const env = validateEnvOrExit();
  const database = await prepareDatabase(env);

  let seededLogin: { email: string; password: string } | null = null;
  if (env.SEED_ON_START) {
    const { seedIfEmpty } = await import("../lib/seed/seed-database");
    const seeded = await seedIfEmpty();
    if (seeded.seeded) seededLogin = { email: seeded.ownerEmail!, password: seeded.ownerPassword! };
  }

  // APP_ENV is passed on explicitly: under `next start` an unset APP_ENV means production.
  const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(env.PORT), HOST: env.HOST, NEXTAUTH_URL: env.NEXTAUTH_URL, APP_ENV: env.APP_ENV };
  if (!dev) buildIfNeeded(childEnv, { say: console.log });
  // In production one `next start` per core (WEB_CONCURRENCY), sharing the port; `next dev` alone.
  const command = dev ? [NEXT_BIN, "dev"] : [...WEB_SERVER_NODE_ARGS, WEB_CLUSTER, "start"];
  const web = spawn(process.execPath, [...command, "-p", String(env.PORT), "-H", env.HOST], { stdio: ["ignore", "inherit", "inherit"], env: childEnv });

  const { startWorker, stopWorker } = await import("../lib/jobs/worker");
  const worker = startWorker();
  // Replies by SMTP (an MX record or a forwarding rule), when a port is given.
  const { startInboundSmtp } = await import("../lib/replies/smtp-listener");
  const inbound = env.INBOUND_SMTP_PORT
    ? await startInboundSmtp(env.INBOUND_SMTP_PORT, env.INBOUND_SMTP_HOST, { onError: (error) => console.error(`[inbound smtp] ${error.message}`) })
    : null;

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping FOI Tracker...");
    const workerStopped = stopWorker(worker);
    const inboundStopped = inbound?.close();
    if (web.exitCode === null) {
      web.kill("SIGTERM");
      await new Promise((r) => web.once("exit", r));
    }
    // Letters being sent are finished and recorded before the database stops.
    await workerStopped;
    await inboundStopped;
    await database.stop();
    console.log("Stopped. Your data is kept for the next start.");
    process.exit(code);
  };
  takeOverStopSignals();
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  web.on("exit", (code) => void stop(code ?? 1));

  const anyAddress = env.HOST === "0.0.0.0" || env.HOST === "::";
  const probeHost = anyAddress ? "127.0.0.1" : env.HOST.includes(":") && !env.HOST.startsWith("[") ? `[${env.HOST}]` : env.HOST;
  await waitUntilServing(`http://${probeHost}:${env.PORT}`, web);
  const url = env.NEXTAUTH_URL.replace(/\/$/, "");
  console.log(`\nFOI Tracker is running at ${url} (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s).`);
  console.log(
    isLoopbackAddress(env.HOST)
      ? `Listening on ${env.HOST} port ${env.PORT}: only this machine can reach it (HOST=0.0.0.0 opens it to your network; see the README's Deploying section first).`
      : `Listening on ${env.HOST} port ${env.PORT}: other machines can reach it. Emailed links use ${url}.`,
  );
  if (seededLogin) {
    console.log(`\nFirst start: the workspace "LXP Revolution" was created with the NHS England request and 55 trusts.`);
    console.log(`Sign in as ${seededLogin.email} with the password ${seededLogin.password}`);
    console.log("This password is shown only once; you will be asked to change it when you sign in.");
  } else {
    console.log("Sign in with your email and password, or ask for a sign-in link by email.");
    console.log("Add people with: npm run user:create -- --email you@example.org --workspace lxp-revolution --role editor");
  }
  if (inbound) {
    const { inboundAddress } = await import("../lib/replies/inbound-address");
    console.log(`Receiving replies by SMTP on ${env.INBOUND_SMTP_HOST} port ${inbound.port}: each workspace's address is <its slug>@${inboundAddress("x").split("@")[1]}.`);
  }
  if (!env.SMTP_URL && env.APP_ENV !== "production") {
    console.log(`No SMTP_URL set: emails (sign-in links too) go to the dev mailbox at ${url}/dev/mailbox, which answers only on this machine, and to this console.`);
  }
  console.log("Press Ctrl-C to stop.");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
