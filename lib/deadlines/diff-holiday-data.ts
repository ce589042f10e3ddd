import { parseGovUkHolidays } from "./parse-gov-uk-holidays";
import { DIVISIONS, type Division, type GovUkHolidays } from "./schemas";

export interface YearRange {
  from: number;
  to: number;
}

export interface DivisionDiff {
  added: string[];
  removed: string[];
  /** Years each version covers: GOV.UK's feed drops old years, which is not a cancelled holiday. */
  coverage: { old: YearRange; new: YearRange };
}

export interface HolidayDataDiff {
  changed: boolean;
  divisions: Record<Division, DivisionDiff>;
  /** Every added or removed date, sorted: a stored clock spanning one of these must be recomputed. */
  changedDates: string[];
}

export function coveredYears(dates: readonly string[]): YearRange {
  let from = Infinity;
  let to = -Infinity;
  for (const d of dates) {
    const y = Number(d.slice(0, 4));
    if (y < from) from = y;
    if (y > to) to = y;
  }
  return { from, to };
}

/**
 * Added and removed dates per division between two GOV.UK payloads. Stored due dates
 * must be recomputed when the data changes (a known WhatDoTheyKnow failing, DESIGN.md).
 */
export function diffHolidayData(oldData: unknown, newData: unknown): HolidayDataDiff {
  const before: GovUkHolidays = parseGovUkHolidays(oldData);
  const after: GovUkHolidays = parseGovUkHolidays(newData);
  const changedDates = new Set<string>();
  const divisions = {} as Record<Division, DivisionDiff>;
  for (const division of DIVISIONS) {
    const oldDates = before[division].events.map((e) => e.date);
    const newDates = after[division].events.map((e) => e.date);
    const oldSet = new Set(oldDates);
    const newSet = new Set(newDates);
    const added = [...newSet].filter((d) => !oldSet.has(d)).sort();
    const removed = [...oldSet].filter((d) => !newSet.has(d)).sort();
    for (const d of added) changedDates.add(d);
    for (const d of removed) changedDates.add(d);
    divisions[division] = { added, removed, coverage: { old: coveredYears(oldDates), new: coveredYears(newDates) } };
  }
  return { changed: changedDates.size > 0, divisions, changedDates: [...changedDates].sort() };
}
