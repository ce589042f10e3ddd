import "server-only";
import { db } from "@/lib/db/client";
import { unsafeRecomputeClocks } from "@/lib/requests/unsafe-recompute-clock";

/**
 * Raised whenever a rule of the clock changes, so the dates stored on requests under the old
 * rules are worked out again once, on every existing database. 2026-11-30: extensions need a
 * qualified exemption and come in time (FOIA s10(3), s17), late clarifications do not restart
 * the clock, the campaign's own deadlines, no statutory dates for bodies outside the Act.
 */
export const CLOCK_RULES_VERSION = "2026-11-30";
const TASK = "clock-rules";

/**
 * Recomputes every sent request's stored clock, 500 at a time, unless this version's run has
 * finished. Idempotent: two workers running it at once, or a run resumed after a crash, write
 * the same dates. Returns how many requests were recomputed, or null when nothing was due.
 */
export async function recomputeClocksAfterRuleChange(version = CLOCK_RULES_VERSION): Promise<number | null> {
  const key = { task: TASK, day: new Date(`${version}T00:00:00Z`) };
  const run = await db.scheduledRun.upsert({ where: { task_day: key }, create: key, update: {}, select: { finishedAt: true } });
  if (run.finishedAt) return null;
  let after = "";
  let recomputed = 0;
  for (;;) {
    const page = await db.foiRequest.findMany({ where: { id: { gt: after }, status: { not: "draft" } }, orderBy: { id: "asc" }, take: 500, select: { id: true } });
    if (page.length === 0) break;
    await db.$transaction((tx) => unsafeRecomputeClocks(tx, page.map((r) => r.id)));
    recomputed += page.length;
    after = page[page.length - 1]!.id;
  }
  await db.scheduledRun.update({ where: { task_day: key }, data: { finishedAt: new Date() } });
  return recomputed;
}
