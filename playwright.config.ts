// `npm run test:browser`: real-browser tests against the built app (`next build` +
// `next start` on port 3100) with a fresh, seeded database; see tests/support/browser-global-setup.ts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium, defineConfig } from "@playwright/test";
import { BASE_URL, OWNER_STORAGE_STATE, ROOT } from "./tests/support/browser-env";
import { resolveChromium } from "./tests/support/chromium";

const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"];

/** See tests/support/chromium.ts for the order; the packaged browser is unpacked only when nothing else is found. */
function chromiumLaunchOptions(): { executablePath: string; args: string[] } {
  let playwrightPath = "";
  try {
    playwrightPath = chromium.executablePath();
  } catch {
    // no browser registered with this Playwright
  }
  const choice = resolveChromium({
    envPath: process.env.PLAYWRIGHT_CHROMIUM_PATH || undefined,
    playwrightPath,
    systemPaths: ["/usr/bin/chromium", "/usr/bin/google-chrome"],
    exists: (file) => fs.existsSync(file),
    platform: process.platform,
    arch: process.arch,
    unpackPackaged: () => {
      const script = path.join(ROOT, "tests", "support", "unpack-chromium.mjs");
      const result = spawnSync(process.execPath, [script], { encoding: "utf8", timeout: 120_000 });
      if (result.status !== 0) throw new Error(`Unpacking the Chromium shipped in @sparticuz/chromium failed (run \`npm install\`?):\n${result.stderr}`);
      return JSON.parse(result.stdout) as { executablePath: string; args: string[] };
    },
  });
  return { executablePath: choice.executablePath, args: [...new Set([...CHROMIUM_FLAGS, ...choice.args])] };
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
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    // Signs the seeded owner in once (forced password change) and saves the session.
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", testMatch: /.*\.spec\.ts/, dependencies: ["setup"], use: { storageState: OWNER_STORAGE_STATE } },
  ],
});
