// `npm run -s holidays:refresh -- [--url URL] [--dry-run] [--timeout SECONDS]`: refreshes the
// bank holidays from GOV.UK now (the worker does it daily) and prints a one-line JSON summary.
// A change recomputes every open request's stored due dates and is logged per workspace.
// Exit codes: 0 done (changed or not), 1 network or data failure, 2 bad arguments.
import { readCommandArgs } from "./lib/command-args";
import { loadDotEnv, runWithDatabase, validateEnvOrExit } from "./lib/bootstrap";

const USAGE = "Usage: npm run -s holidays:refresh -- [--url URL] [--dry-run] [--timeout SECONDS]";

async function main() {
  const values = readCommandArgs(
    "holidays:refresh",
    USAGE,
    { url: { type: "string" }, "dry-run": { type: "boolean" }, timeout: { type: "string" } },
    "Fetches GOV.UK's bank-holidays.json (or --url), merges it with the stored data and, when a date changed,\nstores it and recomputes every open request's due dates. --dry-run fetches and compares but writes nothing.",
  );
  const timeoutSeconds = values.timeout === undefined ? 15 : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 600) {
    console.error(`holidays:refresh: --timeout must be a number of seconds from 0 to 600\n${USAGE}`);
    process.exit(2);
  }

  loadDotEnv();
  const env = validateEnvOrExit();
  const url = values.url ?? env.HOLIDAYS_REFRESH_URL;
  if (url === "off") {
    console.error("holidays:refresh: HOLIDAYS_REFRESH_URL is off; pass --url URL to refresh anyway");
    process.exit(2);
  }
  // Start-up messages go to stderr: stdout is the one JSON line.
  await runWithDatabase("holidays:refresh", env, async () => {
    const { refreshHolidayData } = await import("../lib/holidays/refresh-holidays");
    const summary = await refreshHolidayData({ url, dryRun: values["dry-run"] ?? false, timeoutMs: timeoutSeconds * 1000 });
    console.log(
      JSON.stringify({
        changed: summary.changed,
        dryRun: summary.dryRun,
        ...(summary.resumed ? { resumed: true } : {}),
        source: url,
        added: summary.added,
        removed: summary.removed,
        requestsRecomputed: summary.requestsRecomputed,
        dueDatesChanged: summary.dueDatesChanged.length,
      }),
    );
    return 0;
  });
}

void main();
