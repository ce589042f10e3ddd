// The web server as `npm start` runs it: `next start` in WEB_CONCURRENCY processes (by default
// one per core, at most 4) sharing one port through Node's cluster module, which hands each new
// connection to the next process in turn. One Node process runs JavaScript on one core, and a
// page is mostly JavaScript (React rendering), so a single `next start` left the other core to
// PostgreSQL and idle time. Every process is stateless towards the others: sessions are signed
// cookies, counts and rate limits live in PostgreSQL, and what a process keeps in memory is
// checked against the database on every page.
// Usage: node [node flags] scripts/lib/web-cluster.cjs start -p PORT -H HOST (next's own arguments).
// When one process stops on its own, the others are stopped too and this exits with its code,
// so whoever started it (npm start, the browser tests, the benchmark) sees the server stop.
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

function processCount() {
  const asked = Number(process.env.WEB_CONCURRENCY);
  return Number.isInteger(asked) && asked >= 1 ? asked : Math.min(os.availableParallelism(), 4);
}

if (cluster.isPrimary) {
  const count = processCount();
  cluster.setupPrimary({ args: process.argv.slice(2) });
  for (let i = 0; i < count; i++) cluster.fork();
  let stopping = false;
  let exitCode = 0;
  const stopAll = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  cluster.on("exit", (_worker, code, signal) => {
    // Next exits with 0 when asked to stop (Ctrl-C reaches every process of the group).
    if (!stopping && code === 0 && !signal) stopAll();
    if (!stopping) {
      console.error(`A web server process stopped (${signal ?? `exit ${code}`}); stopping the others.`);
      exitCode = code || 1;
      stopAll();
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  });
  process.on("SIGTERM", stopAll);
  process.on("SIGINT", stopAll);
} else {
  // Next's command line reads process.argv: make it look as if `next` had been run.
  process.argv = [process.argv[0], NEXT_BIN, ...process.argv.slice(2)];
  await import(pathToFileURL(NEXT_BIN).href);
}
