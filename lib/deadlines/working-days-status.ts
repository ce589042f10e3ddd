// "Overdue" and "N working days left" in one place: every page, the batch table, alerts,
// notifications and digests ask this module, and the alert sweep's SQL is tested against it.
import type { WorkingDayCalendar } from "./build-calendar";
import type { Clock, ClockState } from "./compute-clock";
import { formatUkDate } from "./format-uk-date";
import { offsetOf, workingDaysBetweenAt } from "./working-days";

export type DueState = "not_due" | "due_today" | "overdue" | "very_overdue";

export interface WorkingDaysStatus {
  state: DueState;
  /** Working days left (positive), 0 on the due date, or overdue (negative). */
  workingDays: number;
  /** "3 working days left", "Due today", "Overdue by 4 working days". */
  sentence: string;
}

/** Past its due date (FOIA s10(1): the 20th working day), whether or not by much. */
export function isPastDue(status: Pick<WorkingDaysStatus, "state"> | null | undefined): boolean {
  return status?.state === "overdue" || status?.state === "very_overdue";
}

/** "1 working day", "3 working days". */
export function formatWorkingDays(n: number): string {
  return `${n} working day${n === 1 ? "" : "s"}`;
}

/**
 * Where a due date stands on a day, as calendar offsets. A response is due "to the end of
 * that day" (FOIA s10(1)): overdue from the next calendar day, even when no working day has
 * passed yet (the Saturday after a Friday due date), counted in working days after it.
 */
export function dueStateAt(calendar: WorkingDayCalendar, today: number, due: number): { state: "not_due" | "due_today" | "overdue"; workingDays: number } {
  if (today < due) return { state: "not_due", workingDays: workingDaysBetweenAt(calendar, today, due) };
  if (today === due) return { state: "due_today", workingDays: 0 };
  return { state: "overdue", workingDays: 0 - workingDaysBetweenAt(calendar, due, today) }; // 0 - n: never -0
}

function sentenceFor(state: DueState, workingDays: number): string {
  switch (state) {
    case "not_due":
      // A due date a body gave on a weekend: nothing left to count, but not due today either.
      return workingDays > 0 ? `${formatWorkingDays(workingDays)} left` : "Due by the next working day";
    case "due_today":
      return "Due today";
    case "overdue":
    case "very_overdue": {
      const how = state === "very_overdue" ? "Very overdue" : "Overdue";
      return workingDays < 0 ? `${how} by ${formatWorkingDays(-workingDays)}` : how;
    }
    default:
      return assertNever(state);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected ${JSON.stringify(value)}`);
}

/** The status a computed clock state gives, or null when the clock is not counting down (paused, answered...). */
export function statusOfClockState(state: ClockState | undefined): WorkingDaysStatus | null {
  switch (state?.kind) {
    case "not_due":
    case "due_today": {
      const workingDays = state.workingDaysLeft ?? 0;
      return { state: state.kind, workingDays, sentence: sentenceFor(state.kind, workingDays) };
    }
    case "overdue":
    case "very_overdue": {
      const workingDays = 0 - (state.workingDaysOverdue ?? 0);
      return { state: state.kind, workingDays, sentence: sentenceFor(state.kind, workingDays) };
    }
    default:
      return null;
  }
}

/**
 * Where a request stands against its due date today: pass the due date (YYYY-MM-DD) with
 * the law's calendar, or a clock computed for today (its main state; null when paused,
 * answered, withdrawn or not sent).
 */
export function workingDaysStatus(dueOn: string, today: string, calendar: WorkingDayCalendar): WorkingDaysStatus;
export function workingDaysStatus(clock: Clock, today: string): WorkingDaysStatus | null;
export function workingDaysStatus(due: string | Clock, today: string, calendar?: WorkingDayCalendar): WorkingDaysStatus | null {
  if (typeof due !== "string") {
    if (due.asOf !== today) throw new RangeError(`This clock was computed for ${due.asOf ?? "no day"}, not ${today}: compute it again with today = ${today}`);
    return statusOfClockState(due.state);
  }
  if (!calendar) throw new TypeError("workingDaysStatus(dueOn, today, calendar) needs the law's calendar");
  const { state, workingDays } = dueStateAt(calendar, offsetOf(calendar, today), offsetOf(calendar, due));
  return { state, workingDays, sentence: sentenceFor(state, workingDays) };
}

/** The long form with the date: "Due Monday 4 October 2021: 3 working days left", "Overdue by 2 working days (was due ...)". */
export function describeDue(status: WorkingDaysStatus, dueOn: string): string {
  const date = formatUkDate(dueOn);
  switch (status.state) {
    case "not_due":
      return `Due ${date}: ${formatWorkingDays(status.workingDays)} left`;
    case "due_today":
      return `Due today (${date})`;
    case "overdue":
    case "very_overdue":
      return `${status.sentence} (was due ${date})`;
    default:
      return assertNever(status.state);
  }
}
