// One `next build` shared by `npm start` and the browser tests: it is redone only when the
// sources changed since the last build (a fingerprint of paths, sizes and mtimes).
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const SOURCE_DIRS = ["app", "components", "lib", "prisma", "public", "types"];
const SOURCE_FILES = ["next.config.js", "package-lock.json", "tsconfig.json", "instrumentation.ts", "instrumentation-client.ts", "proxy.ts"];
const STAMP = path.join(".next", "foi-source-fingerprint");

function sourceFingerprint(): string {
  const hash = crypto.createHash("sha256");
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      if (p.endsWith(path.join("lib", "generated"))) return;
      for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name));
    } else {
      hash.update(`${p}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  [...SOURCE_DIRS, ...SOURCE_FILES].forEach(visit);
  return hash.digest("hex");
}

/** Builds when there is no build, the sources changed, or `force`; returns whether it built. */
export function buildIfNeeded(env: NodeJS.ProcessEnv, options: { force?: boolean; say?: (line: string) => void } = {}): boolean {
  const fingerprint = sourceFingerprint();
  const current = fs.existsSync(path.join(".next", "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === fingerprint;
  if (current && !options.force) return false;
  options.say?.("Building the app (first start, or the code changed): this takes a minute or two...");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal}); see its messages above.`);
  fs.writeFileSync(STAMP, fingerprint);
  return true;
}
