import "server-only";
import { processOutbox } from "@/lib/mail/send-mail";
import { startHolidayRefreshJob } from "@/lib/holidays/refresh-job";
import { runScheduledAlerts } from "@/lib/alerts/schedule";
import { runScheduledPurge } from "@/lib/retention/purge";

const OUTBOX_INTERVAL_MS = 5_000;
// Alerts: every minute, see whether today's sweep has run (and catch up missed days), then
// send the digests whose time has come. The first check runs at start-up.
const ALERTS_INTERVAL_MS = 60_000;
// Purge: every 10 minutes, see whether today's purge has run (one worker a day runs it).
const PURGE_INTERVAL_MS = 10 * 60_000;

/**
 * The in-process background worker started by `npm start` (and `npm run worker`): sends
 * due mail from the outbox and runs the daily alert sweep and digests. Each tick is
 * idempotent (rows are claimed in the database), so several workers may run against one
 * database. Once a day it also purges what is kept no longer (lib/retention/purge.ts).
 */
export function startWorker(): { stop: () => void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await processOutbox();
    } catch (error) {
      console.error(`[worker] outbox: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  let alertsRunning = false;
  const alertsTick = async () => {
    if (alertsRunning) return;
    alertsRunning = true;
    try {
      const { sweep, digests } = await runScheduledAlerts();
      if (sweep) console.log(`[worker] alerts: swept ${sweep.days.join(", ")}; ${sweep.raised.length} alert(s), ${sweep.notifications} notification(s)`);
      if (digests > 0) console.log(`[worker] alerts: ${digests} digest(s) queued`);
    } catch (error) {
      console.error(`[worker] alerts: ${(error as Error).message}`);
    } finally {
      alertsRunning = false;
    }
  };
  let purgeRunning = false;
  const purgeTick = async () => {
    if (purgeRunning) return;
    purgeRunning = true;
    try {
      const counts = await runScheduledPurge();
      if (counts) console.log(`[worker] purge: ${counts.loginAttempts} sign-in attempt(s), ${counts.verificationTokens} sign-in link(s), ${counts.invitations} invitation(s), ${counts.requests} deleted request(s)`);
    } catch (error) {
      console.error(`[worker] purge: ${(error as Error).message}`);
    } finally {
      purgeRunning = false;
    }
  };
  const timer = setInterval(() => void tick(), OUTBOX_INTERVAL_MS);
  const purgeTimer = setInterval(() => void purgeTick(), PURGE_INTERVAL_MS);
  const firstPurge = setTimeout(() => void purgeTick(), 30_000);
  firstPurge.unref();
  const alertsTimer = setInterval(() => void alertsTick(), ALERTS_INTERVAL_MS);
  const firstAlerts = setTimeout(() => void alertsTick(), 5_000);
  firstAlerts.unref();
  const holidayRefresh = startHolidayRefreshJob();
  return {
    stop: () => {
      clearInterval(timer);
      clearInterval(alertsTimer);
      clearTimeout(firstAlerts);
      clearInterval(purgeTimer);
      clearTimeout(firstPurge);
      holidayRefresh.stop();
    },
  };
}
