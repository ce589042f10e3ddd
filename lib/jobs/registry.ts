import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { runScheduledAlerts } from "@/lib/alerts/schedule";
import { refreshHolidayData } from "@/lib/holidays/refresh-holidays";
import { processOutbox } from "@/lib/mail/send-mail";
import { runScheduledPurge } from "@/lib/retention/purge";
import { pollAllMailboxes } from "@/lib/replies/imap-poll";
import { followRequests } from "@/lib/whatdotheyknow/follow";
import { recomputeClocksAfterRuleChange } from "@/lib/requests/recompute-after-rule-change";
import { defineJob, type AnyJob } from "@/lib/jobs/define-job";

const nothing = z.object({}).strict();

/** Sends the mail that is due. Each letter is claimed in the database, so several workers may share one outbox. */
export const outboxJob = defineJob({
  name: "outbox",
  schedule: { everyMs: 5_000, firstAfterMs: 5_000 },
  // A tick of 500 lets a batch of 1,000 letters go in a few ticks, not one 50 every 5 s.
  payload: z.object({ limit: z.number().int().positive().max(10_000) }),
  scheduledPayload: () => ({ limit: 500 }),
  lock: "row-claims",
  run: async ({ limit }, { signal }) => {
    await processOutbox(limit, { signal });
    return null;
  },
});

/** Every minute: today's alert sweep if it has not run (catching up missed days), then the digests whose time has come. */
export const alertsJob = defineJob({
  name: "alerts",
  schedule: { everyMs: 60_000, firstAfterMs: 5_000 },
  payload: nothing,
  scheduledPayload: () => ({}),
  lock: "scheduled-run",
  run: async () => {
    const { sweep, digests } = await runScheduledAlerts();
    const lines = [
      sweep ? `swept ${sweep.days.join(", ")}; ${sweep.raised.length} alert(s), ${sweep.notifications} notification(s)` : null,
      digests > 0 ? `${digests} digest(s) queued` : null,
    ].filter(Boolean);
    return lines.length ? lines.join("; ") : null;
  },
});

/** Every 10 minutes: today's purge of what is kept no longer, if it has not run (lib/retention/purge.ts). */
export const purgeJob = defineJob({
  name: "purge",
  schedule: { everyMs: 10 * 60_000, firstAfterMs: 30_000 },
  payload: nothing,
  scheduledPayload: () => ({}),
  lock: "scheduled-run",
  run: async () => {
    const counts = await runScheduledPurge();
    return counts
      ? `${counts.loginAttempts} sign-in attempt(s), ${counts.verificationTokens} sign-in link(s), ${counts.invitations} invitation(s), ${counts.requests} deleted request(s)`
      : null;
  },
});

/**
 * Once a day (first a minute after start: start-up has enough to do), the GOV.UK bank
 * holidays. GOV.UK publishes new years months ahead, so a day's delay never matters; a failure
 * (no network) is one log line and the next day's run tries again. HOLIDAYS_REFRESH_URL=off
 * leaves it out.
 */
export const holidaysJob = defineJob({
  name: "holidays",
  schedule: { everyMs: 24 * 60 * 60 * 1000, firstAfterMs: 60_000 },
  payload: z.object({ url: z.string().url() }),
  scheduledPayload: () => ({ url: env().HOLIDAYS_REFRESH_URL }),
  lock: "idempotent",
  run: async ({ url }) => {
    const summary = await refreshHolidayData({ url });
    if (!summary.changed && !summary.resumed) return null;
    return `data ${summary.resumed ? "recompute finished" : "changed"} (added ${summary.added.join(", ") || "none"}; removed ${summary.removed.join(", ") || "none"}); ${summary.requestsRecomputed} open request(s) recomputed, ${summary.dueDatesChanged.length} due date(s) moved`;
  },
});

/**
 * Every minute: each workspace's IMAP mailbox. A mailbox is claimed in the database before it
 * is read, and each message is stored before its UID is remembered (lib/replies/imap-poll.ts).
 */
export const mailboxesJob = defineJob({
  name: "mailboxes",
  schedule: { everyMs: 60_000, firstAfterMs: 10_000 },
  payload: nothing,
  scheduledPayload: () => ({}),
  lock: "row-claims",
  run: async (_payload, { signal }) => {
    const results = await pollAllMailboxes(signal);
    const filed = results.reduce((sum, r) => sum + r.filed, 0);
    const failed = results.filter((r) => r.error).length;
    return filed || failed ? `${filed} message(s) filed from ${results.length} mailbox(es)${failed ? `; ${failed} could not be read` : ""}` : null;
  },
});

/**
 * Once a day (first five minutes after start), every request with a WhatDoTheyKnow address:
 * new replies are filed with a suggested event, the site's status is noted. Idempotent: a
 * reply is stored once by its WhatDoTheyKnow id, and an unchanged request costs the site a 304.
 * WDTK_BASE_URL=off leaves it out.
 */
export const wdtkFollowJob = defineJob({
  name: "whatdotheyknow",
  schedule: { everyMs: 24 * 60 * 60 * 1000, firstAfterMs: 5 * 60_000 },
  payload: nothing,
  scheduledPayload: () => ({}),
  lock: "idempotent",
  run: async (_payload, { signal }) => {
    const s = await followRequests({ signal });
    if (s.checked === 0) return null;
    return `checked ${s.checked} request(s): ${s.newMessages} new message(s), ${s.statusDiffers} with another status there, ${s.failed} could not be read`;
  },
});

/**
 * Soon after start (then daily, which finds nothing to do): once per version of the clock's
 * rules, every request's stored dates are worked out again under the new rules.
 */
export const clockRulesJob = defineJob({
  name: "clock-rules",
  schedule: { everyMs: 24 * 60 * 60 * 1000, firstAfterMs: 15_000 },
  payload: nothing,
  scheduledPayload: () => ({}),
  lock: "idempotent",
  run: async () => {
    const recomputed = await recomputeClocksAfterRuleChange();
    return recomputed === null ? null : `${recomputed} request(s) recomputed under the current clock rules`;
  },
});

/** Every background job, in one place: the worker runs these. */
export function workerJobs(): AnyJob[] {
  const jobs: AnyJob[] = [outboxJob, alertsJob, purgeJob, mailboxesJob, clockRulesJob];
  if (env().HOLIDAYS_REFRESH_URL !== "off") jobs.push(holidaysJob);
  if (env().WDTK_BASE_URL !== "off") jobs.push(wdtkFollowJob);
  return jobs;
}
