// Which Chromium the browser tests drive. Pure: the caller passes what exists on this machine.

export interface ChromiumChoice {
  executablePath: string;
  /** Extra command-line flags this browser needs. */
  args: string[];
  source: "PLAYWRIGHT_CHROMIUM_PATH" | "playwright" | "system" | "packaged";
}

export interface ChromiumLookup {
  /** PLAYWRIGHT_CHROMIUM_PATH, when set. */
  envPath?: string;
  /** Where Playwright's own Chromium would be ("" when none is registered). */
  playwrightPath: string;
  /** /usr/bin/chromium, /usr/bin/google-chrome. */
  systemPaths: readonly string[];
  exists: (file: string) => boolean;
  platform: string;
  arch: string;
  /** Unpacks the Chromium shipped in the @sparticuz/chromium package (slow: only called last). */
  unpackPackaged: () => { executablePath: string; args: readonly string[] };
}

/**
 * Flags of the packaged build's own list that would change what the tests check (the same-origin
 * policy, site isolation, mixed content, shared memory) or fight Playwright (which runs the browser
 * headless and in several processes itself). The rest are kept.
 */
const UNWANTED_PACKAGED_FLAGS = [
  "--disable-web-security",
  "--allow-running-insecure-content",
  "--disable-site-isolation-trials",
  "--disable-features=",
  "--enable-features=",
  "--single-process",
  "--in-process-gpu",
  "--headless",
];

export function packagedChromiumArgs(args: readonly string[]): string[] {
  return args.filter((arg) => !UNWANTED_PACKAGED_FLAGS.some((flag) => arg === flag || (flag.endsWith("=") ? arg.startsWith(flag) : arg.startsWith(`${flag}=`))));
}

/**
 * In this order: PLAYWRIGHT_CHROMIUM_PATH, Playwright's own Chromium, a system Chromium, then
 * (Linux x64 only) the one shipped inside the @sparticuz/chromium npm package, so `npm install &&
 * npm test` works on a machine with nothing but Node.
 */
export function resolveChromium(lookup: ChromiumLookup): ChromiumChoice {
  if (lookup.envPath) {
    if (!lookup.exists(lookup.envPath)) throw new Error(`PLAYWRIGHT_CHROMIUM_PATH is ${lookup.envPath}, which does not exist.`);
    return { executablePath: lookup.envPath, args: [], source: "PLAYWRIGHT_CHROMIUM_PATH" };
  }
  if (lookup.playwrightPath && lookup.exists(lookup.playwrightPath)) return { executablePath: lookup.playwrightPath, args: [], source: "playwright" };
  for (const candidate of lookup.systemPaths) {
    if (lookup.exists(candidate)) return { executablePath: candidate, args: [], source: "system" };
  }
  if (lookup.platform === "linux" && lookup.arch === "x64") {
    const packaged = lookup.unpackPackaged();
    return { executablePath: packaged.executablePath, args: packagedChromiumArgs(packaged.args), source: "packaged" };
  }
  throw new Error(
    `No Chromium found, and the Chromium shipped with the tests runs only on Linux x64 (this is ${lookup.platform} ${lookup.arch}). ` +
      "Install Chrome or Chromium and set PLAYWRIGHT_CHROMIUM_PATH to its executable (e.g. on a Mac: " +
      'PLAYWRIGHT_CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test).',
  );
}
