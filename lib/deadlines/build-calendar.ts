import { coveredYears } from "./diff-holiday-data";
import { dayNumberFromParts, easterSunday, formatIsoDate, weekdayOf } from "./iso-date";
import { parseGovUkHolidays } from "./parse-gov-uk-holidays";
import { projectHolidays, type HolidayProjector } from "./project-holidays";
import type { Division, GovUkHolidays, Law } from "./schemas";

/**
 * Whose bank holidays stop the clock. FOIA s10(6) (and EIR reg 2(1), which borrows it):
 * a bank holiday "in any part of the United Kingdom". FOISA s73: Scotland only.
 */
export type CalendarRegion = "uk" | "scotland";

export type HolidaySource = "gov.uk" | "projected" | "statute";

export interface CalendarHoliday {
  date: string;
  title: string;
  divisions: Division[];
  source: HolidaySource;
}

export interface WorkingDayCalendar {
  readonly region: CalendarRegion;
  readonly fromYear: number;
  readonly toYear: number;
  /** Day number (days since 1970-01-01) of 1 January fromYear; indexes below are offsets from it. */
  readonly firstDay: number;
  readonly dayCount: number;
  /** 1 if the day at that offset is a working day. */
  readonly isWorking: Uint8Array;
  /** Working days in [firstDay, firstDay + offset], inclusive. */
  readonly workingUpTo: Int32Array;
  /** Offsets of the working days, in order: the k-th working day is workingDays[k]. */
  readonly workingDays: Int32Array;
  /** YYYY-MM-DD at each offset, so results are array reads rather than formatting. */
  readonly isoDates: readonly string[];
  /** 1 if that year (index year - fromYear) uses rule-projected holidays, not GOV.UK data. */
  readonly projectedYears: Uint8Array;
  /** Years GOV.UK data covers for every division this calendar uses. */
  readonly govUkYears: { from: number; to: number };
  /** Bank holidays and statutory non-working days in range (some fall at weekends), sorted. */
  readonly holidays: readonly CalendarHoliday[];
}

export interface BuildCalendarOptions {
  law: Law;
  fromYear?: number;
  toYear?: number;
  /** Where years outside the GOV.UK data come from; defaults to date-holidays rules. */
  project?: HolidayProjector;
}

export function regionForLaw(law: Law): CalendarRegion {
  return law === "foisa" ? "scotland" : "uk";
}

const REGION_DIVISIONS: Record<CalendarRegion, readonly Division[]> = {
  uk: ["england-and-wales", "scotland", "northern-ireland"],
  scotland: ["scotland"],
};

/**
 * Precomputes a working-day index over [fromYear, toYear] so that adding N working days
 * is two array reads. GOV.UK data wins for every year it covers; other years are projected
 * and flagged, so every result that depends on them can say so.
 */
export function buildCalendar(govUkData: unknown, options: BuildCalendarOptions): WorkingDayCalendar {
  const data: GovUkHolidays = parseGovUkHolidays(govUkData);
  const region = regionForLaw(options.law);
  const fromYear = options.fromYear ?? 2010;
  const toYear = options.toYear ?? 2040;
  const project = options.project ?? projectHolidays;
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear < 1900 || toYear > 2200 || fromYear > toYear) {
    throw new RangeError(`Invalid calendar range ${fromYear}-${toYear}: expected whole years with 1900 <= from <= to <= 2200`);
  }

  const divisions = REGION_DIVISIONS[region];
  const firstDay = dayNumberFromParts(fromYear, 1, 1);
  const dayCount = dayNumberFromParts(toYear + 1, 1, 1) - firstDay;
  const projectedYears = new Uint8Array(toYear - fromYear + 1);
  const byDate = new Map<string, CalendarHoliday>();

  const add = (date: string, title: string, division: Division | null, source: HolidaySource) => {
    const existing = byDate.get(date);
    if (existing) {
      if (division && !existing.divisions.includes(division)) existing.divisions.push(division);
      return;
    }
    byDate.set(date, { date, title, divisions: division ? [division] : [], source });
  };

  let govFrom = -Infinity;
  let govTo = Infinity;
  for (const division of divisions) {
    const events = data[division].events;
    const coverage = coveredYears(events.map((e) => e.date));
    govFrom = Math.max(govFrom, coverage.from);
    govTo = Math.min(govTo, coverage.to);
    for (let year = fromYear; year <= toYear; year++) {
      if (year >= coverage.from && year <= coverage.to) continue;
      projectedYears[year - fromYear] = 1;
      for (const h of project(year, division)) add(h.date, h.title, division, "projected");
    }
    for (const e of events) add(e.date, e.title, division, "gov.uk");
  }
  // Named in FOIA s10(6) and FOISA s73 whatever the bank-holiday data says.
  for (let year = fromYear; year <= toYear; year++) {
    add(formatIsoDate(easterSunday(year) - 2), "Good Friday", null, "statute");
    add(`${year}-12-25`, "Christmas Day", null, "statute");
  }

  const isWorking = new Uint8Array(dayCount);
  const workingUpTo = new Int32Array(dayCount);
  const isoDates: string[] = new Array<string>(dayCount);
  const working: number[] = [];
  let count = 0;
  for (let offset = 0; offset < dayCount; offset++) {
    const day = firstDay + offset;
    const iso = formatIsoDate(day);
    isoDates[offset] = iso;
    const weekday = weekdayOf(day);
    if (weekday !== 0 && weekday !== 6 && !byDate.has(iso)) {
      isWorking[offset] = 1;
      working.push(offset);
      count++;
    }
    workingUpTo[offset] = count;
  }

  const holidays = [...byDate.values()]
    .filter((h) => h.date >= isoDates[0] && h.date <= isoDates[dayCount - 1])
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  return Object.freeze({
    region,
    fromYear,
    toYear,
    firstDay,
    dayCount,
    isWorking,
    workingUpTo,
    workingDays: Int32Array.from(working),
    isoDates: Object.freeze(isoDates),
    projectedYears,
    govUkYears: { from: govFrom, to: govTo },
    holidays: Object.freeze(holidays),
  });
}
