// Whether a request was answered on time: defined once here (pure, unit-tested) and used
// by the findings table, the charts, the exports and the public page.
// Submodules, not the index: client components may import the labels, and the index brings date-holidays.
import type { WorkingDayCalendar } from "@/lib/deadlines/build-calendar";
import { workingDaysBetween } from "@/lib/deadlines/working-days";
import type { Timeliness } from "@/lib/findings/schemas";
import { formatWorkingDays } from "@/lib/deadlines/working-days-status";
import { formatUkDate } from "@/lib/deadlines/format-uk-date";

export const timelinessLabels: Record<Timeliness, string> = {
  on_time: "Answered on time",
  late: "Answered late",
  very_late: "Answered very late",
  unknown: "Answered, exact date unknown",
  not_answered_yet: "Not answered yet",
  not_answered: "Not answered (overdue)",
  withdrawn: "Withdrawn",
  not_sent: "Not sent",
};

/** The order the charts and filters list them in. */
export const TIMELINESS_ORDER: Timeliness[] = ["on_time", "late", "very_late", "unknown", "not_answered", "not_answered_yet", "withdrawn", "not_sent"];

export interface ClockDates {
  status: string;
  /** YYYY-MM-DD dates, as stored by lib/requests (dueOn includes any extension). */
  receivedOn: string | null;
  dueOn: string | null;
  veryOverdueOn: string | null;
  answeredOn: string | null;
  /** The answer's date is only "on or before" (lib/deadlines: answerApproximate). */
  answerApproximate?: boolean;
}

/**
 * unknown: answered, but only an upper bound of the date is known ("on or before"), so it
 * cannot be called on time (or late);
 * on time: answered on or before the due date (a valid extension included);
 * late: answered after it, by the 40th working day ("very overdue", WhatDoTheyKnow's mark);
 * very late: answered after that; not answered yet: open and not yet due (due today is not
 * late: the body has to the end of the day); not answered: open and past due.
 */
export function timelinessOf(r: ClockDates, today: string): Timeliness {
  if (r.answeredOn) {
    if (r.answerApproximate) return "unknown";
    if (!r.dueOn || r.answeredOn <= r.dueOn) return "on_time";
    // An extension may push the due date past the 40th day: very late counts from the later one.
    if (!r.veryOverdueOn) return "late";
    const veryLateAfter = r.veryOverdueOn > r.dueOn ? r.veryOverdueOn : r.dueOn;
    return r.answeredOn <= veryLateAfter ? "late" : "very_late";
  }
  if (r.status === "withdrawn") return "withdrawn";
  if (!r.dueOn) return r.status === "draft" ? "not_sent" : "not_answered_yet";
  return today <= r.dueOn ? "not_answered_yet" : "not_answered";
}

/** Working days from the date of receipt to the answer (lib/deadlines' count, in the request's law's calendar). */
export function workingDaysToRespond(calendar: WorkingDayCalendar, r: Pick<ClockDates, "receivedOn" | "answeredOn">): number | null {
  if (!r.receivedOn || !r.answeredOn || r.answeredOn < r.receivedOn) return null;
  return workingDaysBetween(calendar, r.receivedOn, r.answeredOn);
}

/** Plain-English clock line for a row: "Answered 3 working days late", "12 working days overdue". */
export function describeTimeliness(calendar: WorkingDayCalendar, r: ClockDates, today: string): string {
  const t = timelinessOf(r, today);
  switch (t) {
    case "on_time":
      return "Answered on time";
    case "unknown":
      return `Answered on or before ${formatUkDate(r.answeredOn!)}: whether on time is unknown`;
    case "late":
    case "very_late":
      return `Answered ${formatWorkingDays(workingDaysBetween(calendar, r.dueOn!, r.answeredOn!))} late`;
    case "not_answered":
      return `${formatWorkingDays(workingDaysBetween(calendar, r.dueOn!, today))} overdue`;
    case "not_answered_yet":
      if (!r.dueOn) return "Not answered yet";
      return r.dueOn === today ? "Due today" : `${formatWorkingDays(workingDaysBetween(calendar, today, r.dueOn))} left`;
    default:
      return timelinessLabels[t];
  }
}
