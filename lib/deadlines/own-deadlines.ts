// The campaigner's own deadlines (and the body's after a decision notice), from the law of the
// request and its timeline. Pure: dates in, dates out.
import type { WorkingDayCalendar } from "./build-calendar";
import { daysInMonth, formatIsoDate, parseIsoDate, partsFromDayNumber, dayNumberFromParts } from "./iso-date";
import type { Law } from "./schemas";
import { addWorkingDays } from "./working-days";

export type OwnDeadlineKind =
  | "ask_review"
  | "complain_ico"
  | "apply_commissioner"
  | "appeal_tribunal"
  | "appeal_court_of_session"
  | "fee_lapses"
  | "decision_compliance";

export interface OwnDeadline {
  kind: OwnDeadlineKind;
  /** YYYY-MM-DD: the last day. */
  due: string;
  /** Where the limit comes from, for the page and the calendar. */
  source: string;
  /** True for a limit in law; false for a regulator's practice (the ICO's six weeks). */
  statutory: boolean;
  /** Whose deadline it is: the campaign's, or the body's (a decision notice's steps). */
  whose: "campaign" | "body";
}

/** What to do by the date, in the campaign's words. */
export const OWN_DEADLINE_LABELS: Record<OwnDeadlineKind, string> = {
  ask_review: "Ask for an internal review",
  complain_ico: "Complain to the ICO",
  apply_commissioner: "Apply to the Scottish Information Commissioner",
  appeal_tribunal: "Appeal the decision notice to the First-tier Tribunal",
  appeal_court_of_session: "Appeal the decision to the Court of Session (on a point of law)",
  fee_lapses: "Pay the fee: the fees notice lapses after this day",
  decision_compliance: "The body must take the steps the decision notice requires",
};

/** Working days before one of the campaign's deadlines that its alert comes. */
export const OWN_DEADLINE_WARNING_WORKING_DAYS = 5;

/** Working days a requester has to ask for an internal review. */
export const ASK_REVIEW_WORKING_DAYS = 40;

/** A calendar date plus n days. */
export function addCalendarDays(date: string, n: number): string {
  return formatIsoDate(parseIsoDate(date) + n);
}

/** The same day n months later, or the month's last day when it has no such day (31 Aug + 6 months = 28/29 Feb). */
export function addCalendarMonths(date: string, n: number): string {
  const { year, month, day } = partsFromDayNumber(parseIsoDate(date));
  const total = year * 12 + (month - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return formatIsoDate(dayNumberFromParts(y, m, Math.min(day, daysInMonth(y, m))));
}

export interface OwnDeadlineFacts {
  law: Law;
  calendar: WorkingDayCalendar;
  /** Due date in force (a valid extension included), null while paused. */
  due: string | null;
  answeredOn: string | null;
  withdrawn: boolean;
  reviewRequested: string | null;
  reviewDue: string | null;
  reviewAnswered: string | null;
  /** An outstanding fees notice's date. */
  feeNoticeOn: string | null;
  complainedOn: string | null;
  decisionOn: string | null;
  /** The date a decision notice sets for the body's steps (FOIA s50(4), FOISA s49(3)(b)). */
  complianceDate: string | null;
}

/**
 * Open deadlines, earliest first. Each rule cites its source:
 * - internal review: within 40 working days of the response (FOIA: s45 Code of Practice para
 *   5.3, a body need not accept a later one; EIR reg 11(2); FOISA s20(5)); with no response,
 *   counted from the due date, when the failure to respond happened (EIR reg 11(2), FOISA s20(5)(b));
 *   FOIA sets none then.
 * - ICO complaint (FOIA, EIR): within six weeks of the final response (ICO, "FOI and EIR
 *   complaints"); later, s50(2)(b) lets the ICO refuse for undue delay. Practice, not statute.
 * - Scottish Information Commissioner (FOISA): within six months of the review's answer, or of the
 *   date the review was due when none came (s47(4)).
 * - Appeal of a decision notice: First-tier Tribunal within 28 days of its sending (FOIA s57; EIR
 *   reg 18; Tribunal Procedure (First-tier Tribunal) (General Regulatory Chamber) Rules 2009
 *   r22(1)(b)); a Scottish decision to the Court of Session within 42 days (FOISA s56; Rules of
 *   the Court of Session r41.20).
 * - Fees notice: lapses unpaid three months from the day it was given (FOIA s9(2); FOISA s9(4)).
 * - Decision notice steps: the body's, by the date the notice sets (FOIA s50(4), s54; FOISA
 *   s49(3)(b), s53): listed so a missed date can be raised.
 */
export function ownDeadlines(f: OwnDeadlineFacts): OwnDeadline[] {
  const out: OwnDeadline[] = [];
  if (f.withdrawn) return out;
  const scottish = f.law === "foisa";
  const reviewSource = f.law === "foia" ? "s45 Code of Practice para 5.3" : f.law === "eir" ? "EIR reg 11(2)" : "FOISA s20(5)";
  if (f.feeNoticeOn !== null && f.law !== "eir") {
    // "Three months beginning with the day on which the fees notice is given": the last day is the day before.
    out.push({ kind: "fee_lapses", due: addCalendarDays(addCalendarMonths(f.feeNoticeOn, 3), -1), source: scottish ? "FOISA s9(4)" : "FOIA s9(2)", statutory: true, whose: "campaign" });
  }
  if (f.reviewRequested === null && f.complainedOn === null) {
    // FOIA sets no limit for a review of a request never answered (the Code's 40 days run from a response).
    const from = f.answeredOn ?? (f.law === "foia" ? null : f.due);
    if (from !== null) out.push({ kind: "ask_review", due: addWorkingDays(f.calendar, from, ASK_REVIEW_WORKING_DAYS), source: reviewSource, statutory: f.law !== "foia", whose: "campaign" });
  }
  if (f.reviewRequested !== null && f.complainedOn === null) {
    if (scottish) {
      const from = f.reviewAnswered ?? f.reviewDue;
      if (from !== null) out.push({ kind: "apply_commissioner", due: addCalendarMonths(from, 6), source: "FOISA s47(4)", statutory: true, whose: "campaign" });
    } else if (f.reviewAnswered !== null) {
      out.push({ kind: "complain_ico", due: addCalendarDays(f.reviewAnswered, 42), source: "ICO, FOI and EIR complaints: within six weeks (FOIA s50(2)(b))", statutory: false, whose: "campaign" });
    }
  }
  if (f.decisionOn !== null) {
    out.push(
      scottish
        ? { kind: "appeal_court_of_session", due: addCalendarDays(f.decisionOn, 42), source: "FOISA s56; Rules of the Court of Session r41.20", statutory: true, whose: "campaign" }
        : { kind: "appeal_tribunal", due: addCalendarDays(f.decisionOn, 28), source: `${f.law === "eir" ? "EIR reg 18, " : ""}FOIA s57; GRC Rules 2009 r22(1)(b)`, statutory: true, whose: "campaign" },
    );
    if (f.complianceDate !== null) {
      out.push({ kind: "decision_compliance", due: f.complianceDate, source: scottish ? "FOISA s49(3)(b), s53" : "FOIA s50(4), s54", statutory: true, whose: "body" });
    }
  }
  return out.sort((a, b) => a.due.localeCompare(b.due));
}
