// Shared by playwright.config.ts, the browser tests' global setup and the tests: where the
// app under test listens, its fixed test secret, and the files the setup leaves for tests.
import fs from "node:fs";
import path from "node:path";

/**
 * Two checkouts on one machine can run their tests at once by setting TEST_PORT_OFFSET
 * (e.g. 10): every fixed port the tests use moves by that much.
 */
export const TEST_PORT_OFFSET = Number(process.env.TEST_PORT_OFFSET ?? 0);
export const BROWSER_PORT = 3100 + TEST_PORT_OFFSET;
export const BASE_URL = `http://localhost:${BROWSER_PORT}`;
/** Signs sessions and hashes magic-link tokens in the app under test (40 characters). */
export const TEST_AUTH_SECRET = "browser-tests-only-secret-0123456789abcd";

/**
 * The app's "today" (lib/time.ts, FOI_NOW) in the browser tests: Monday 6 September 2021, so
 * clocks, letters and screenshots do not change from day to day. A request sent on Monday
 * 2 August 2021 is then 4 working days overdue. (next-auth's own token expiry uses real time.)
 */
export const BROWSER_TODAY = "2021-09-06";

/** The project root (this file is tests/support/browser-env.ts). */
export const ROOT = path.resolve(__dirname, "..", "..");
/** Its own embedded PostgreSQL cluster, so browser and integration runs never share one. */
export const BROWSER_DATA_DIR = path.join(ROOT, ".test-data", "browser");
export const BROWSER_PG_PORT = 54349 + TEST_PORT_OFFSET;
/** The stand-in WhatDoTheyKnow site (tests/support/wdtk-fixtures.ts) the app follows in the browser tests. */
export const WDTK_FIXTURE_PORT = 3190 + TEST_PORT_OFFSET;
export const STATE_FILE = path.join(BROWSER_DATA_DIR, "state.json");
export const OWNER_STORAGE_STATE = path.join(BROWSER_DATA_DIR, "owner-storage.json");
export const SERVER_LOG = path.join(BROWSER_DATA_DIR, "server.log");

/** The password the setup project gives the seeded owner in place of the generated one. */
export const OWNER_NEW_PASSWORD = "seven sleepy otters paddle home";

export interface BrowserTestState {
  baseURL: string;
  databaseUrl: string;
  secret: string;
  ownerEmail: string;
  /** The generated password from the seed; the owner must replace it at first sign-in. */
  ownerSeedPassword: string;
  workspaceName: string;
}

export function readState(): BrowserTestState {
  if (!fs.existsSync(STATE_FILE)) throw new Error(`${STATE_FILE} is missing: run the browser tests with \`npm run test:browser\` (its global setup writes it).`);
  return JSON.parse(fs.readFileSync(STATE_FILE, "utf8")) as BrowserTestState;
}
