// `npm run -s wdtk:import -- <request-url> [--workspace <slug>] [--dry-run]`: imports a
// WhatDoTheyKnow request (its body, title, law, sent date, messages and the timeline entries its
// classifications make certain) and prints one JSON line. --dry-run reads the site and prints
// the same line, writing nothing and needing no database. Importing twice changes nothing.
// Exit codes: 0 done, 1 the site or the database failed (nothing changed), 2 bad arguments.
import { parseArgs } from "node:util";
import { loadDotEnv, runWithDatabase, validateEnvOrExit } from "./lib/bootstrap";

const USAGE = "Usage: npm run -s wdtk:import -- <request-url> [--workspace <slug>] [--dry-run]";

function readArgs() {
  try {
    const { values, positionals } = parseArgs({
      options: { workspace: { type: "string" }, "dry-run": { type: "boolean" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      console.log(`${USAGE}\n\nImports the request at the address (WDTK_BASE_URL's site) into the workspace (the only one, or --workspace).`);
      process.exit(0);
    }
    if (positionals.length !== 1) throw new Error("give exactly one request address");
    return { url: positionals[0]!, workspace: values.workspace, dryRun: values["dry-run"] ?? false };
  } catch (error) {
    console.error(`wdtk:import: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

async function main() {
  const args = readArgs();
  loadDotEnv();
  const env = validateEnvOrExit();
  const { readRequest, importLine, unsafeImportThread } = await import("../lib/whatdotheyknow/import-request");
  let read;
  try {
    read = await readRequest(args.url);
  } catch (error) {
    console.error(`wdtk:import: ${(error as Error).message}`);
    process.exit((error as { kind?: string }).kind === "invalid" ? 2 : 1);
  }
  if (args.dryRun) {
    console.log(JSON.stringify(importLine(read.thread)));
    process.exit(0);
  }
  // Start-up messages go to stderr: stdout is the one JSON line.
  await runWithDatabase("wdtk:import", env, async (db) => {
    const workspaces = await db.workspace.findMany({ where: args.workspace ? { slug: args.workspace } : {}, select: { id: true, slug: true }, take: 2 });
    if (workspaces.length !== 1) {
      console.error(`wdtk:import: ${args.workspace ? `no workspace "${args.workspace}"` : workspaces.length === 0 ? "no workspace yet" : "there are several workspaces: name one with --workspace <slug>"}`);
      return 2;
    }
    const result = await unsafeImportThread(workspaces[0]!.id, read, null);
    console.log(JSON.stringify(result.line));
    console.error(
      `wdtk:import: ${result.created ? "created" : "already there:"} request ${result.requestId} in ${workspaces[0]!.slug}; ${result.messagesAdded} message(s) and ${result.eventsAdded} entr(ies) added, ${result.eventsDated} approximate date(s) replaced${result.bodyCreated ? "; body added to the directory" : ""}`,
    );
    return 0;
  });
}

void main();
