import "server-only";
import { processOutbox } from "@/lib/mail/send-mail";
import { startHolidayRefreshJob } from "@/lib/holidays/refresh-job";

const OUTBOX_INTERVAL_MS = 5_000;

/**
 * The in-process background worker started by `npm start` (and `npm run worker`): sends
 * due mail from the outbox. Each tick is idempotent (rows are claimed in the database),
 * so several workers may run against one database.
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
  const timer = setInterval(() => void tick(), OUTBOX_INTERVAL_MS);
  const holidayRefresh = startHolidayRefreshJob();
  return {
    stop: () => {
      clearInterval(timer);
      holidayRefresh.stop();
    },
  };
}
