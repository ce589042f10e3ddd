// `npm run -s alerts:run -- --now YYYY-MM-DD [--dry-run]`: runs the alert sweep for that day
// (catching up every day since the last sweep). --dry-run prints what would be alerted and
// writes nothing. One line per alert, then a one-line JSON summary.
// Exit codes: 0 done, 1 database failure, 2 bad arguments.
import { readCommandArgs } from "./lib/command-args";
import { loadDotEnv, runWithDatabase, validateEnvOrExit } from "./lib/bootstrap";

const USAGE = "Usage: npm run -s alerts:run -- [--now YYYY-MM-DD] [--dry-run] [--digests]";

async function main() {
  const values = readCommandArgs(
    "alerts:run",
    USAGE,
    { now: { type: "string" }, "dry-run": { type: "boolean" }, digests: { type: "boolean" } },
    "Raises the alerts due on the day given by --now (default: today in London), and any missed since the\nlast sweep. --dry-run lists them without writing or sending. --digests also queues the email digests due now.",
  );
  const { isoDateSchema } = await import("../lib/deadlines");
  if (values.now !== undefined && !isoDateSchema.safeParse(values.now).success) {
    console.error(`alerts:run: --now must be a real date as YYYY-MM-DD, got ${JSON.stringify(values.now)}\n${USAGE}`);
    process.exit(2);
  }

  loadDotEnv();
  const env = validateEnvOrExit();
  // Start-up messages go to stderr: stdout is the alert lines and the JSON summary.
  await runWithDatabase("alerts:run", env, async () => {
    const { todayInLondon } = await import("../lib/requests/queries");
    const { now } = await import("../lib/time");
    const today = values.now ?? todayInLondon();
    const dryRun = values["dry-run"] ?? false;
    const { runAlertSweep } = await import("../lib/alerts/sweep");
    const result = await runAlertSweep({ today, dryRun });
    for (const a of result.raised) {
      console.log(`${dryRun ? "would alert" : "alerted"}\t${a.kind}\t${a.dueOn}\t${a.bodyName}\trequest ${a.requestId}\tcycle ${a.cycle}`);
    }
    let digests: number | undefined;
    if (values.digests && !dryRun) {
      const { sendDueDigests } = await import("../lib/alerts/digest");
      digests = (await sendDueDigests(now())).queued;
    }
    console.log(
      JSON.stringify({
        today,
        dryRun,
        days: result.days,
        alerts: result.raised.length,
        notifications: result.notifications,
        ...(digests === undefined ? {} : { digests }),
      }),
    );
    return 0;
  });
}

void main();
