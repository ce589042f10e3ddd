// Started as root, the embedded PostgreSQL runs as a `postgres` system user, which must be
// able to pass through every directory above its data folder. A DATA_DIR made by
// `mktemp -d` (mode 0700, owned by root) stops it, and initdb only says "Permission
// denied". Found before PostgreSQL starts, and said in one sentence.
import fs from "node:fs";
import path from "node:path";

/** The first directory on the way to `target` that other users cannot pass through, or null. */
export function firstClosedDirectory(target: string): string | null {
  const parts: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    parts.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of parts) {
    if (!fs.existsSync(dir)) break;
    // "Others" need execute (search) permission; the postgres user is neither root nor in its group.
    if ((fs.statSync(dir).mode & 0o001) === 0) return dir;
  }
  return null;
}

/** Creates a folder (and any missing parents) that other users can pass through, whatever the umask. */
export function makeDataDir(dir: string): void {
  const target = path.resolve(dir);
  const first = fs.mkdirSync(target, { recursive: true });
  if (!first) return;
  for (let d = target; ; d = path.dirname(d)) {
    fs.chmodSync(d, 0o755);
    if (d === first || path.dirname(d) === d) break;
  }
}

/**
 * Makes the data folder the app creates itself passable, and refuses, with what to change, a
 * closed directory above it that someone else made. Only matters when running as root.
 */
export function preparePostgresDataDir(dataDir: string): void {
  const root = path.resolve(dataDir);
  makeDataDir(root);
  const closed = firstClosedDirectory(root);
  if (closed) {
    throw new Error(
      `The embedded PostgreSQL runs as the "postgres" user when started as root, and cannot enter ${closed} (mode ${(fs.statSync(closed).mode & 0o777).toString(8)}): run \`chmod o+x ${closed}\`, or set DATA_DIR to a folder it can reach, or set DATABASE_URL.`,
    );
  }
}
