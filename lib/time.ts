// The one source of "now". FOI_NOW (refused in production by lib/env) lets tests and
// "what if it were date X" runs move the clock without touching the system time.
// FOI_NOW_FILE (also refused in production) goes one step further for browser tests: while
// that file exists, its content is "now", so a test can move a running app's clock forward
// (write the file) and back (delete it) without restarting the server.
import fs from "node:fs";
import { env } from "@/lib/env";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseOverride(value: string): Date {
  return new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
}

// The file's date, re-read only when its modification time changes (now() is called often).
let fileCache: { path: string; mtimeMs: number; date: Date | null } | undefined;

function dateFromFile(file: string): Date | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    fileCache = undefined; // no file: the override is off
    return null;
  }
  if (fileCache && fileCache.path === file && fileCache.mtimeMs === stat.mtimeMs) return fileCache.date;
  let date: Date | null = null;
  try {
    const text = fs.readFileSync(file, "utf8").trim();
    // A malformed file is ignored rather than trusted: the clock never becomes Invalid Date.
    if (ISO_DATE.test(text) && !Number.isNaN(parseOverride(text).getTime())) date = parseOverride(text);
  } catch {
    date = null; // deleted between stat and read
  }
  fileCache = { path: file, mtimeMs: stat.mtimeMs, date };
  return date;
}

export function now(): Date {
  const { FOI_NOW, FOI_NOW_FILE } = env();
  if (FOI_NOW_FILE) {
    const fromFile = dateFromFile(FOI_NOW_FILE);
    if (fromFile) return fromFile;
  }
  return FOI_NOW ? parseOverride(FOI_NOW) : new Date();
}
