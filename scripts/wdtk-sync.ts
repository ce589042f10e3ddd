// `npm run -s wdtk:sync -- [--workspace <slug>] [--dry-run]`: checks every request with a
// WhatDoTheyKnow address now (the worker does it daily), files new replies with a suggested
// event, notes WhatDoTheyKnow's status, and prints one JSON summary line. --dry-run reads the
// site and counts what is new, writing nothing. A second run straight after changes nothing.
// Exit codes: 0 done (even when some requests could not be read: see "failed"), 1 the database
// failed, 2 bad arguments or following is off.
import { readCommandArgs } from "./lib/command-args";
import { loadDotEnv, runWithDatabase, validateEnvOrExit } from "./lib/bootstrap";

const USAGE = "Usage: npm run -s wdtk:sync -- [--workspace <slug>] [--dry-run]";

async function main() {
  const values = readCommandArgs(
    "wdtk:sync",
    USAGE,
    { workspace: { type: "string" }, "dry-run": { type: "boolean" } },
    "Checks the requests with an address on WDTK_BASE_URL's site (every workspace, or --workspace) for new replies and status changes.",
  );
  loadDotEnv();
  const env = validateEnvOrExit();
  if (env.WDTK_BASE_URL === "off") {
    console.error("wdtk:sync: WDTK_BASE_URL is off, so nothing is followed");
    process.exit(2);
  }
  await runWithDatabase("wdtk:sync", env, async (db) => {
    let workspaceId: string | undefined;
    if (values.workspace) {
      const workspace = await db.workspace.findUnique({ where: { slug: values.workspace }, select: { id: true } });
      if (!workspace) {
        console.error(`wdtk:sync: no workspace "${values.workspace}"`);
        return 2;
      }
      workspaceId = workspace.id;
    }
    const { followRequests } = await import("../lib/whatdotheyknow/follow");
    const summary = await followRequests({ workspaceId, dryRun: values["dry-run"] ?? false });
    for (const r of summary.requests.filter((x) => x.error)) console.error(`wdtk:sync: ${r.url}: ${r.error}`);
    const { requests, ...counts } = summary;
    console.log(JSON.stringify({ ...counts, changed: requests.filter((r) => r.newMessages > 0).map((r) => ({ url: r.url, newMessages: r.newMessages })) }));
    return 0;
  });
}

void main();
