// `npm start` with no settings, as a new user runs it: it listens on this machine only, its
// emailed links use the port it serves on, and the dev mailbox (which shows sign-in links)
// answers only requests from this machine. Opening it to the network with development
// settings is refused with one sentence saying what to change.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { test, expect } from "@playwright/test";
import { BROWSER_PORT, ROOT, readState } from "../support/browser-env";

const TSX_BIN = path.join(ROOT, "node_modules", ".bin", "tsx");
const PORT = BROWSER_PORT + 7;

/** Only what a new user's shell would have: no test settings leak in from the runner. */
function plainEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? os.tmpdir(), NEXT_TELEMETRY_DISABLED: "1", HOLIDAYS_REFRESH_URL: "off", ...extra } as unknown as NodeJS.ProcessEnv;
}

function externalAddress(): string | null {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  }
  return null;
}

async function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

test("opening a development copy to the network is refused, saying which setting to change", () => {
  const result = spawnSync(TSX_BIN, ["--conditions=react-server", "scripts/start.ts"], {
    cwd: ROOT,
    env: plainEnv({ HOST: "0.0.0.0", DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "foi-start-")) }),
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("HOST: is 0.0.0.0, which lets other machines reach the app, but APP_ENV is development (the default)");
  expect(result.stderr).toContain("the dev mailbox (no SMTP_URL)");
  expect(result.stderr).toContain("APP_ENV=production");
});

test("a data folder PostgreSQL cannot enter (made by mktemp -d, run as root) stops the start with one sentence saying what to change", () => {
  test.skip(process.getuid?.() !== 0, "only root runs PostgreSQL as another user");
  const closed = fs.mkdtempSync(path.join(os.tmpdir(), "foi-closed-"));
  const result = spawnSync(TSX_BIN, ["--conditions=react-server", "scripts/start.ts"], { cwd: ROOT, env: plainEnv({ DATA_DIR: closed }), encoding: "utf8", timeout: 60_000 });
  expect(result.status).toBe(1);
  expect(result.stderr.trim()).toBe(
    `The embedded PostgreSQL runs as the "postgres" user when started as root, and cannot enter ${closed} (mode 700): run \`chmod o+x ${closed}\`, or set DATA_DIR to a folder it can reach, or set DATABASE_URL.`,
  );
});

test.describe("npm start with no settings", () => {
  test.describe.configure({ timeout: 240_000 });
  let app: ChildProcess | null = null;
  let output = "";
  const database = `start_spec_${Date.now()}`;
  const adminUrl = () => readState().databaseUrl;

  test.beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = new URL(adminUrl());
    url.pathname = `/${database}`;
    app = spawn(TSX_BIN, ["--conditions=react-server", "scripts/start.ts"], {
      cwd: ROOT,
      env: plainEnv({ PORT: String(PORT), DATABASE_URL: url.toString(), DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "foi-start-")) }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    app.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    app.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await expect.poll(() => output, { timeout: 200_000, intervals: [500] }).toContain("Press Ctrl-C to stop.");
  });

  test.afterAll(async () => {
    if (app && app.exitCode === null) {
      app.kill("SIGINT");
      await new Promise((r) => app!.once("exit", r));
    }
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  test("listens on 127.0.0.1 only and says so; links use the port it serves on", async () => {
    expect(output).toContain(`FOI Tracker is running at http://localhost:${PORT}`);
    expect(output).toContain(`Listening on 127.0.0.1 port ${PORT}: only this machine can reach it`);
    expect(await canConnect("127.0.0.1", PORT)).toBe(true);
    const external = externalAddress();
    test.info().annotations.push({ type: "external address", description: external ?? "none on this machine" });
    if (external) expect(await canConnect(external, PORT), `nothing answers on ${external}:${PORT}`).toBe(false);
  });

  test("the dev mailbox answers this machine only, and its sign-in links point at this port", async ({ request }) => {
    const base = `http://127.0.0.1:${PORT}`;
    const asked = await request.post(`${base}/sign-in/link`, { form: { email: "owner@lxp-revolution.example" }, headers: { Origin: base }, maxRedirects: 0 });
    expect(asked.status()).toBe(303);
    await expect
      .poll(async () => (await (await request.get(`${base}/dev/mailbox`)).text()).includes("Your sign-in link for FOI Tracker"), { timeout: 20_000 })
      .toBe(true);
    const mailbox = await (await request.get(`${base}/dev/mailbox`)).text();
    expect(mailbox).toContain(`http://localhost:${PORT}/api/auth/callback/email?`);
    // Through a reverse proxy (or a forged header), a request from elsewhere is not this machine.
    const remote = await request.get(`${base}/dev/mailbox`, { headers: { "X-Forwarded-For": "203.0.113.7" } });
    expect(remote.status()).toBe(404);
    expect(await remote.text()).not.toContain("sign-in link");
  });
});
