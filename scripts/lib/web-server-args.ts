import path from "node:path";

/**
 * Node flags for the web server process (`next start`), used by `npm start` and by the pages
 * benchmark so that it measures what runs. A 64 MB young generation (V8's default is 16 MB):
 * every page builds and drops a few megabytes of short-lived objects (its React tree, its HTML,
 * the rows read), and with the default the server spent 14-20 % of its time collecting them.
 * Measured with `npm run -s bench:pages`: about 10-30 % more pages a second, at a cost of at
 * most about 150 MB more memory.
 */
export const WEB_SERVER_NODE_ARGS = ["--max-semi-space-size=64"];

/** The web server's entry: `next start` once per core, sharing the port (see the file). */
export const WEB_CLUSTER = path.join(process.cwd(), "scripts", "lib", "web-cluster.mjs");
