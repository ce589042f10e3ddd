import { coveredYears } from "@/lib/deadlines/diff-holiday-data";
import { DIVISIONS, type GovUkHolidays } from "@/lib/deadlines";

/**
 * Merges a fresh GOV.UK feed into the data we hold, division by division. The live feed
 * only lists a few recent years, so a year it no longer covers is kept as we had it (old
 * clocks still depend on it); for every year it does cover, the feed wins, which is how a
 * cancelled or moved bank holiday is removed. Pure: no I/O.
 */
export function mergeHolidayData(current: GovUkHolidays, incoming: GovUkHolidays): GovUkHolidays {
  const merged = {} as GovUkHolidays;
  for (const division of DIVISIONS) {
    const fresh = incoming[division].events;
    const covered = coveredYears(fresh.map((e) => e.date));
    const kept = current[division].events.filter((e) => {
      const year = Number(e.date.slice(0, 4));
      return year < covered.from || year > covered.to;
    });
    const events = [...kept, ...fresh].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    merged[division] = { division: incoming[division].division, events };
  }
  return merged;
}
