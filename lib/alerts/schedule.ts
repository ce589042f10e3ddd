import "server-only";
import { receiptDate } from "@/lib/deadlines";
import { db } from "@/lib/db/client";
import { now } from "@/lib/time";
import { sendDueDigests } from "./digest";
import { runAlertSweep, SWEEP_TASK, type SweepResult } from "./sweep";

/** A claim older than this belongs to a worker that died mid-sweep; another may take over. */
export const SWEEP_LEASE_MINUTES = 10;

/**
 * One worker tick (every minute): if today's sweep (London day) has not run, claim it with
 * the ScheduledRun primary key, so exactly one worker runs it, and sweep (which also catches
 * up every missed day since the last finished one); then send the digests that are due.
 */
export async function runScheduledAlerts(at: Date = now()): Promise<{ sweep: SweepResult | null; digests: number }> {
  const today = receiptDate(at);
  const staleBefore = new Date(at.getTime() - SWEEP_LEASE_MINUTES * 60_000);
  const claimed = await db.$executeRaw`
    INSERT INTO "ScheduledRun" (task, day, "startedAt") VALUES (${SWEEP_TASK}, ${today}::date, ${at})
    ON CONFLICT (task, day) DO UPDATE SET "startedAt" = EXCLUDED."startedAt"
    WHERE "ScheduledRun"."finishedAt" IS NULL AND "ScheduledRun"."startedAt" < ${staleBefore}`;
  const sweep = claimed === 1 ? await runAlertSweep({ today }) : null;
  const { queued } = await sendDueDigests(at);
  return { sweep, digests: queued };
}
