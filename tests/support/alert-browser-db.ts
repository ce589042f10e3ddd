// The alerts browser test raises its alerts through the real sweep: the same command an
// operator runs (`npm run -s alerts:run -- --now <day>`), against the browser app's
// database, with the environment the browser app has (tests/support/browser-global-setup.ts).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { BASE_URL, BROWSER_DATA_DIR, ROOT, readState } from "./browser-env";

const TSX_BIN = path.join(ROOT, "node_modules", ".bin", "tsx");

export interface SweepRun {
  stdout: string;
  /** The command's last JSON line, parsed. */
  summary: Record<string, unknown>;
}

/** Runs the alert sweep (and whatever else the command does for that day) for `day`. */
export function runAlertsCommand(day: string, extraArgs: string[] = []): SweepRun {
  const { databaseUrl, secret } = readState();
  const env: Record<string, string | undefined> = {
    ...process.env,
    APP_ENV: "test",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: BASE_URL,
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: BROWSER_DATA_DIR,
    // No SMTP: digests land in the dev mailbox the browser can read, as in the app under test.
    SMTP_URL: "",
    FOI_NOW: day,
    SEED_ON_START: "",
  };
  delete env.NODE_ENV;
  const result = spawnSync(TSX_BIN, ["--conditions=react-server", path.join("scripts", "alerts-run.ts"), "--now", day, ...extraArgs], {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 120_000,
  });
  if (result.status !== 0) {
    throw new Error(`alerts-run --now ${day} failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
  const line = result.stdout.trim().split("\n").reverse().find((l) => l.startsWith("{"));
  if (!line) throw new Error(`alerts-run printed no JSON summary:\n${result.stdout}`);
  return { stdout: result.stdout, summary: JSON.parse(line) as Record<string, unknown> };
}
