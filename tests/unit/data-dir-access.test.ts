// A data folder the embedded PostgreSQL cannot enter is found before it starts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { firstClosedDirectory, makeDataDir, preparePostgresDataDir } from "@/lib/db/data-dir-access";

describe("the embedded PostgreSQL's data folder", () => {
  it("names a folder made by mktemp -d (mode 0700) as the one PostgreSQL cannot enter, and says what to change", () => {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), "foi-closed-"));
    expect(fs.statSync(made).mode & 0o777).toBe(0o700);
    const dataDir = path.join(made, "data");
    expect(firstClosedDirectory(dataDir)).toBe(made);
    expect(() => preparePostgresDataDir(dataDir)).toThrow(`cannot enter ${made} (mode 700): run \`chmod o+x ${made}\`, or set DATA_DIR to a folder it can reach, or set DATABASE_URL.`);
    fs.chmodSync(made, 0o711);
    expect(firstClosedDirectory(dataDir)).toBeNull();
    expect(() => preparePostgresDataDir(dataDir)).not.toThrow();
  });

  it("makes the folders it creates itself passable, even under a strict umask", () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), "foi-open-"));
    fs.chmodSync(base, 0o755);
    const previous = process.umask(0o077);
    try {
      makeDataDir(path.join(base, "a", "b"));
    } finally {
      process.umask(previous);
    }
    expect(fs.statSync(path.join(base, "a")).mode & 0o777).toBe(0o755);
    expect(fs.statSync(path.join(base, "a", "b")).mode & 0o777).toBe(0o755);
    expect(firstClosedDirectory(path.join(base, "a", "b", "pg"))).toBeNull();
  });
});
