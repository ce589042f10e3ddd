// The one mapping from a request's timeline, as stored, to its clock and to the clock dates
// stored on the request (which the dashboard, the alert sweep and the calendar feed index on).
// Pure: the calendar is passed in. Every writer of those columns goes through storedClockColumns.
import { addWorkingDays, computeClock, OWN_DEADLINE_WARNING_WORKING_DAYS, type Clock, type ClockEvent, type Convention, type WorkingDayCalendar } from "@/lib/deadlines";
import type { EventKind, Law, ReceiptConvention } from "@/lib/generated/prisma";

/** A timeline entry as read from the database. */
export interface StoredEvent {
  kind: EventKind;
  occurredAt: Date;
  newDueOn: Date | null;
  /** For an extension, the qualified exemption its notice names (FOIA s10(3), s17(2)). */
  exemptions: string[];
  /** "On or before" dates: an answer's timeliness is then unknown. */
  approximate: boolean;
  /** A clarification request not reasonably required (FOIA s1(3)): it stops nothing. */
  notReasonablyRequired: boolean;
}

/** The columns a StoredEvent needs, for every query that feeds the clock. */
export const STORED_EVENT_SELECT = {
  kind: true,
  occurredAt: true,
  newDueOn: true,
  exemptions: true,
  approximate: true,
  notReasonablyRequired: true,
} as const;

/** A request's timeline in the order the clock replays it: by date, then as recorded. */
export const TIMELINE_ORDER = [{ occurredAt: "asc" as const }, { createdAt: "asc" as const }];

/** A request's own fields that its page and its letters both read. */
export const REQUEST_FIELDS_SELECT = {
  id: true,
  reference: true,
  title: true,
  letter: true,
  law: true,
  channel: true,
  externalUrl: true,
  authorityRef: true,
  status: true,
  sentAt: true,
} as const;

/** The workspace's receipt-convention setting, in the clock's words. */
export function clockConvention(convention: ReceiptConvention): Convention {
  return convention === "next_working_day" ? "next-working-day" : "calendar";
}

/** Timeline entries (oldest first) as the clock reads them. */
export function clockEvents(events: readonly StoredEvent[]): ClockEvent[] {
  return events.map((e) => ({
    kind: e.kind,
    at: e.occurredAt.toISOString(),
    ...(e.newDueOn ? { newDueDate: e.newDueOn.toISOString().slice(0, 10) } : {}),
    ...(e.exemptions.length > 0 ? { exemptions: e.exemptions } : {}),
    ...(e.approximate ? { approximate: true } : {}),
    ...(e.notReasonablyRequired ? { notReasonablyRequired: true } : {}),
  }));
}

export interface ClockSource {
  law: Law;
  receiptConvention: ReceiptConvention;
  calendar: WorkingDayCalendar;
  events: readonly StoredEvent[];
  /**
   * False for a body outside the Act (lib/bodies/foi-status.ts): its date is a target, not a
   * statutory deadline, so nothing past it is a breach (FOIA s1, s3(1)): no "very overdue", no
   * internal review limits, no route to the regulator to time.
   */
  underTheAct?: boolean;
}

/** A request's clock from its stored timeline; as of `today` when given. */
export function clockFromTimeline(source: ClockSource, today?: string): Clock {
  return computeClock(clockEvents(source.events), { law: source.law, convention: clockConvention(source.receiptConvention), calendar: source.calendar }, today);
}

/** The clock dates stored on a request, as YYYY-MM-DD (null when there is none). */
export interface StoredClockColumns {
  receivedOn: string | null;
  dueOn: string | null;
  veryOverdueOn: string | null;
  reviewDueOn: string | null;
  reviewRequestedOn: string | null;
  reviewVeryOverdueOn: string | null;
  waitingSince: string | null;
  answeredOn: string | null;
  answerApproximate: boolean;
  ownDeadlineOn: string | null;
  ownDeadlineKind: string | null;
  ownDeadlineWarnOn: string | null;
  complianceDueOn: string | null;
  clockProjected: boolean;
}

/** What the timeline means for the stored columns: the one place they are worked out. */
export function storedClockColumns(source: ClockSource): StoredClockColumns {
  const clock = clockFromTimeline(source);
  const statutory = source.underTheAct !== false;
  // Only an open review has dates to chase; an answered or withdrawn one keeps none.
  const openReview = statutory && clock.review && !clock.review.answered && !clock.review.withdrawn ? clock.review : null;
  const own = statutory ? (clock.ownDeadlines.find((d) => d.whose === "campaign") ?? null) : null;
  const compliance = statutory ? (clock.ownDeadlines.find((d) => d.kind === "decision_compliance") ?? null) : null;
  let warnOn: string | null = null;
  if (own) {
    try {
      warnOn = addWorkingDays(source.calendar, own.due, -OWN_DEADLINE_WARNING_WORKING_DAYS);
    } catch {
      // Outside the calendar's years: no warning day, the deadline itself still shows.
    }
  }
  return {
    receivedOn: clock.received,
    // A valid extension only (never before the statutory date, never beyond 20 further working days).
    dueOn: clock.extendedDue ?? clock.due,
    veryOverdueOn: statutory ? clock.veryOverdue : null,
    reviewDueOn: openReview ? openReview.due : null,
    reviewRequestedOn: openReview ? openReview.requested : null,
    reviewVeryOverdueOn: openReview ? openReview.veryOverdue : null,
    waitingSince: clock.waitingFor ? (clock.pauses.findLast((p) => p.to === null)?.from ?? null) : null,
    answeredOn: clock.answeredOn,
    answerApproximate: clock.answerApproximate,
    ownDeadlineOn: own?.due ?? null,
    ownDeadlineKind: own?.kind ?? null,
    ownDeadlineWarnOn: warnOn,
    complianceDueOn: compliance?.due ?? null,
    clockProjected: clock.projected,
  };
}
