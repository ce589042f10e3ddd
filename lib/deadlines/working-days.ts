import type { WorkingDayCalendar } from "./build-calendar";
import { tryParseIsoDate } from "./iso-date";

// Offsets are days from calendar.firstDay. The string functions below are the public API;
// the offset ones let computeClock avoid re-parsing dates.

export function offsetOf(calendar: WorkingDayCalendar, date: string): number {
  const day = tryParseIsoDate(date);
  if (day === null) throw new RangeError(`Invalid date ${JSON.stringify(date)}: expected a real calendar date as YYYY-MM-DD`);
  const offset = day - calendar.firstDay;
  if (offset < 0 || offset >= calendar.dayCount) throw outOfRange(calendar, date);
  return offset;
}

export function dateAt(calendar: WorkingDayCalendar, offset: number): string {
  const date = calendar.isoDates[offset];
  if (date === undefined) throw outOfRange(calendar, `offset ${offset}`);
  return date;
}

function outOfRange(calendar: WorkingDayCalendar, what: string): RangeError {
  return new RangeError(
    `${what} is outside the working-day calendar (${calendar.fromYear} to ${calendar.toYear}); build it with a wider fromYear/toYear`,
  );
}

/** The n-th working day after (n > 0) or before (n < 0) the offset; n = 0 is the offset itself. */
export function addWorkingDaysAt(calendar: WorkingDayCalendar, offset: number, n: number): number {
  if (n === 0) return offset;
  const upTo = calendar.workingUpTo[offset];
  // workingDays[0 .. upTo-1] are on or before the offset.
  const index = n > 0 ? upTo + n - 1 : upTo - calendar.isWorking[offset] + n;
  if (index < 0 || index >= calendar.workingDays.length) {
    throw outOfRange(calendar, `${n} working days from ${calendar.isoDates[offset]}`);
  }
  return calendar.workingDays[index];
}

/** Working days in (from, to]; negative when to is before from. */
export function workingDaysBetweenAt(calendar: WorkingDayCalendar, from: number, to: number): number {
  return calendar.workingUpTo[to] - calendar.workingUpTo[from];
}

export function isWorkingDay(calendar: WorkingDayCalendar, date: string): boolean {
  return calendar.isWorking[offsetOf(calendar, date)] === 1;
}

/** The n-th working day after date (the day itself is day 0, so it need not be a working day). */
export function addWorkingDays(calendar: WorkingDayCalendar, date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, got ${n}`);
  return calendar.isoDates[addWorkingDaysAt(calendar, offsetOf(calendar, date), n)];
}

/** Working days after `from` up to and including `to` (so from day 0 to its due date is 20). */
export function workingDaysBetween(calendar: WorkingDayCalendar, from: string, to: string): number {
  return workingDaysBetweenAt(calendar, offsetOf(calendar, from), offsetOf(calendar, to));
}

/** The first working day strictly after date. */
export function nextWorkingDay(calendar: WorkingDayCalendar, date: string): string {
  return addWorkingDays(calendar, date, 1);
}

/** date itself if it is a working day, otherwise the next one. */
export function workingDayOnOrAfter(calendar: WorkingDayCalendar, date: string): string {
  const offset = offsetOf(calendar, date);
  return calendar.isWorking[offset] === 1 ? date : calendar.isoDates[addWorkingDaysAt(calendar, offset, 1)];
}

/** Whether any date in [from, to] falls in a year whose holidays are projected, not GOV.UK data. */
export function isProjectedSpan(calendar: WorkingDayCalendar, from: string, to: string): boolean {
  const a = Number(from.slice(0, 4)) - calendar.fromYear;
  const b = Number(to.slice(0, 4)) - calendar.fromYear;
  for (let i = Math.max(0, Math.min(a, b)); i <= Math.min(calendar.projectedYears.length - 1, Math.max(a, b)); i++) {
    if (calendar.projectedYears[i] === 1) return true;
  }
  return false;
}
