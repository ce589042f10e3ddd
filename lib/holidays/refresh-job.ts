import "server-only";
import { env } from "@/lib/env";
import { refreshHolidayData } from "./refresh-holidays";

// Once a day, and once shortly after start (not at once: start-up has enough to do). GOV.UK
// publishes new years months ahead, so a day's delay never matters; a failure (no network)
// is one log line and the next day's run tries again.
const FIRST_RUN_DELAY_MS = 60_000;
const INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Schedules the GOV.UK bank holiday refresh in the worker; HOLIDAYS_REFRESH_URL=off disables it. */
export function startHolidayRefreshJob(): { stop: () => void } {
  const url = env().HOLIDAYS_REFRESH_URL;
  if (url === "off") return { stop: () => {} };
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const summary = await refreshHolidayData({ url });
      if (summary.changed || summary.resumed) {
        console.log(
          `[worker] holidays: data ${summary.resumed ? "recompute finished" : "changed"} (added ${summary.added.join(", ") || "none"}; removed ${summary.removed.join(", ") || "none"}); ${summary.requestsRecomputed} open request(s) recomputed, ${summary.dueDatesChanged.length} due date(s) moved`,
        );
      }
    } catch (error) {
      console.error(`[worker] holidays: refresh failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), FIRST_RUN_DELAY_MS);
  const daily = setInterval(() => void run(), INTERVAL_MS);
  // Never the reason a process stays alive.
  first.unref();
  daily.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(daily);
    },
  };
}
