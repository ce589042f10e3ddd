// Day arithmetic for alerts: the sweep and the digests work on London calendar days.
import { addWorkingDays, formatUkDate, receiptDate, workingDaysStatus, type WorkingDayCalendar, type WorkingDaysStatus } from "@/lib/deadlines";

// The London day of an instant is lib/deadlines' receiptDate; only the wall-clock time is new here.
const LONDON_TIME = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** The London calendar day and wall-clock time of an instant: { day: "2021-09-06", time: "08:00" }. */
export function londonParts(at: Date): { day: string; time: string } {
  return { day: receiptDate(at), time: LONDON_TIME.format(at) };
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Every day in (after, upTo], oldest first. */
export function daysBetween(after: string, upTo: string): string[] {
  const days: string[] = [];
  for (let d = addDays(after, 1); d <= upTo; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The working-day calendar's answer, or null outside its years (never throws on odd data). */
export function safeAddWorkingDays(calendar: WorkingDayCalendar, day: string, n: number): string | null {
  try {
    return addWorkingDays(calendar, day, n);
  } catch {
    return null;
  }
}

/** lib/deadlines' workingDaysStatus, or null outside the calendar's years (never throws on odd data). */
export function safeWorkingDaysStatus(calendar: WorkingDayCalendar, today: string, dueOn: string): WorkingDaysStatus | null {
  try {
    return workingDaysStatus(dueOn, today, calendar);
  } catch {
    return null;
  }
}

/** The status as { workingDays, label }; outside the calendar's years, just the date. */
export function workingDaysFrom(calendar: WorkingDayCalendar, today: string, dueOn: string): { workingDays: number; label: string } {
  const status = safeWorkingDaysStatus(calendar, today, dueOn);
  return status ? { workingDays: status.workingDays, label: status.sentence } : { workingDays: 0, label: `due ${formatUkDate(dueOn)}` };
}

/** A catch-up raises an alert after the day it became true: say so, with that day. */
export function lateNote(expectedOn: string | null, raisedOn: string): string | null {
  if (expectedOn === null || expectedOn >= raisedOn) return null;
  return `Raised late: this alert was due on ${formatUkDate(expectedOn)} (alerts were not running then, or the entry was recorded later).`;
}
