// `npm run test:browser`: real-browser tests against the built app (`next build` +
// `next start` on port 3100) with a fresh, seeded database; see tests/support/browser-global-setup.ts.
import fs from "node:fs";
import { chromium, defineConfig } from "@playwright/test";
import { BASE_URL, OWNER_STORAGE_STATE } from "./tests/support/browser-env";

/** PLAYWRIGHT_CHROMIUM_PATH, else Playwright's own Chromium, else a system one. */
function resolveChromium(): string {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`PLAYWRIGHT_CHROMIUM_PATH is ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  let bundled = "";
  try {
    bundled = chromium.executablePath();
  } catch {
    // no browser registered with this Playwright
  }
  for (const candidate of [bundled, "/usr/bin/chromium", "/usr/bin/google-chrome"]) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  throw new Error("No Chromium found. Install Chromium: apt-get install -y chromium, or set PLAYWRIGHT_CHROMIUM_PATH");
}

export default defineConfig({
  testDir: "tests/browser",
  globalSetup: "./tests/support/browser-global-setup.ts",
  // One worker: a 2-core machine also runs the server and PostgreSQL.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // "list" ends with the passed/failed/skipped counts.
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1280, height: 800 },
    locale: "en-GB",
    timezoneId: "Europe/London",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: resolveChromium(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  projects: [
    // Signs the seeded owner in once (forced password change) and saves the session.
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", testMatch: /.*\.spec\.ts/, dependencies: ["setup"], use: { storageState: OWNER_STORAGE_STATE } },
  ],
});
