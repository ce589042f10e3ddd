// First-load JavaScript per route, gzipped, from the last `next build` (its own per-route list
// of the chunks a first visit loads, .next/diagnostics/route-bundle-stats.json). Each chunk is
// gzipped here as a server would send it. The last line is one JSON object; exit code 1 when
// the dashboard is over its budget of 120 KB. Run: npm run build && npm run -s bench:first-load
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const ROOT = path.resolve(__dirname, "..");
const STATS = path.join(ROOT, ".next", "diagnostics", "route-bundle-stats.json");
const DASHBOARD_BUDGET_KB = 120;

interface RouteStats {
  route: string;
  firstLoadChunkPaths: string[];
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

function main() {
  if (!fs.existsSync(STATS)) {
    console.error(`${path.relative(ROOT, STATS)} is missing: run \`npm run build\` first.`);
    process.exit(2);
  }
  const routes = JSON.parse(fs.readFileSync(STATS, "utf8")) as RouteStats[];
  const gzipped = new Map<string, number>();
  const sizeOf = (chunk: string) => {
    if (!gzipped.has(chunk)) gzipped.set(chunk, zlib.gzipSync(fs.readFileSync(path.join(ROOT, chunk))).length);
    return gzipped.get(chunk)!;
  };
  const rows = routes
    .map((r) => ({ route: r.route, gzipBytes: r.firstLoadChunkPaths.reduce((sum, c) => sum + sizeOf(c), 0) }))
    .sort((a, b) => a.route.localeCompare(b.route));
  for (const r of rows) console.log(`${r.route.padEnd(44)} ${kb(r.gzipBytes).toFixed(1).padStart(7)} KB`);
  const dashboard = rows.find((r) => r.route === "/");
  const dashboardKb = dashboard ? kb(dashboard.gzipBytes) : null;
  console.log(`dashboard (/): ${dashboardKb} KB gzipped; budget ${DASHBOARD_BUDGET_KB} KB`);
  console.log(JSON.stringify({ bench: "first-load-js", dashboardKb, maxKb: Math.max(...rows.map((r) => kb(r.gzipBytes))), routes: Object.fromEntries(rows.map((r) => [r.route, kb(r.gzipBytes)])) }));
  if (dashboardKb === null || dashboardKb > DASHBOARD_BUDGET_KB) process.exitCode = 1;
}

main();
