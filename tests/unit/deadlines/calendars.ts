import { readFileSync } from "node:fs";
import path from "node:path";
import { buildCalendar, type Law, type WorkingDayCalendar } from "@/lib/deadlines";

export const HOLIDAYS_PATH = path.resolve(__dirname, "../../../data/uk-bank-holidays.json");

export function loadGovUkData(): unknown {
  return JSON.parse(readFileSync(HOLIDAYS_PATH, "utf8"));
}

const cache = new Map<string, WorkingDayCalendar>();

/** One calendar per region per test file: building one projects 26 years of rules. */
export function calendarFor(law: Law): WorkingDayCalendar {
  const key = law === "foisa" ? "scotland" : "uk";
  let calendar = cache.get(key);
  if (!calendar) {
    calendar = buildCalendar(loadGovUkData(), { law });
    cache.set(key, calendar);
  }
  return calendar;
}
