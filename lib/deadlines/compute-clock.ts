import { regionForLaw, type WorkingDayCalendar } from "./build-calendar";
import { parseReceipt } from "./receipt-date";
import {
  conventionSchema,
  EVENT_KINDS,
  lawSchema,
  type ClockEvent,
  type Convention,
  type EventKind,
  type Law,
  type ResponseKind,
} from "./schemas";
import { addWorkingDaysAt, isProjectedSpan, offsetOf, workingDaysBetweenAt } from "./working-days";
import { dueStateAt } from "./working-days-status";

/** FOIA s10(1), EIR reg 5(2), FOISA s10(1): 20 working days following the date of receipt. */
export const STATUTORY_WORKING_DAYS = 20;
/**
 * Further working days: the ICO's norm for a FOIA s10(3) public interest extension, the EIR
 * reg 7(1) extension to 40, and WhatDoTheyKnow's "long overdue" mark at 40.
 */
export const FURTHER_WORKING_DAYS = 20;
/**
 * Internal review: FOIA has no statutory limit, the s45 Code of Practice (para 5.4) and
 * ICO expect 20 working days, 40 at most; FOISA s21(1) requires 20; EIR reg 11(4) allows 40.
 */
export const REVIEW_WORKING_DAYS: Record<Law, number> = { foia: 20, eir: 40, foisa: 20 };
export const REVIEW_MAX_WORKING_DAYS = 40;

export type ClockStateKind =
  | "not_sent"
  | "not_due"
  | "due_today"
  | "overdue"
  | "very_overdue"
  | "paused"
  | "answered"
  | "withdrawn";

export type WaitingFor = "clarification" | "fee";

export interface ClockState {
  kind: ClockStateKind;
  workingDaysLeft?: number;
  /** Working days after the due date up to and including today. */
  workingDaysOverdue?: number;
  onTime?: boolean;
  answeredLateBy?: number;
  waitingFor?: WaitingFor;
}

export interface ReviewClock {
  /** Date of receipt of the review request (calendar convention). */
  requested: string;
  /** Day 0 of the review clock after the convention. */
  received: string;
  due: string;
  veryOverdue: string;
  answered: string | null;
  withdrawn: string | null;
}

export interface ExtensionInfo {
  kind: "public_interest" | "eir_complex" | "not_available";
  /** Date of receipt of the extension notice. */
  on: string;
  /** The notice itself was due by the original due date (FOIA s17(2), EIR reg 7(3)). */
  noticeLate: boolean;
  /** The date the body gave, if any. */
  bodyDate: string | null;
  /** Original due date plus 20 further working days. */
  defaultDue: string;
}

export interface Pause {
  reason: WaitingFor;
  from: string;
  to: string | null;
}

export interface Clock {
  law: Law;
  convention: Convention;
  asOf: string | null;
  sentOn: string | null;
  restartedBy: "resent" | "clarification" | null;
  /** Day 0 under the chosen convention. */
  received: string | null;
  dateOfReceipt: string | null;
  dateOfReceiptIfNextWorkingDay: string | null;
  due: string | null;
  dueIfCalendar: string | null;
  dueIfNextWorkingDay: string | null;
  veryOverdue: string | null;
  extendedDue: string | null;
  extension: ExtensionInfo | null;
  /** Working days disregarded between a fees notice and payment (FOIA s10(2)). */
  pausedWorkingDays: number;
  pauses: Pause[];
  waitingFor: WaitingFor | null;
  answeredOn: string | null;
  response: ResponseKind | null;
  withdrawnOn: string | null;
  review: ReviewClock | null;
  projected: boolean;
  state?: ClockState;
  reviewState?: ClockState;
  warnings: string[];
}

export interface ClockOptions {
  law: Law;
  convention?: Convention;
  calendar: WorkingDayCalendar;
  /** Working days to the due date; 20 unless a caller deliberately asks otherwise. */
  workingDays?: number;
}

interface TimedEvent {
  kind: EventKind;
  offset: number;
  ms: number;
  newDueDate: string | null;
}

interface Timeline {
  start: number | null;
  sentOn: number | null;
  restartedBy: Clock["restartedBy"];
  feeWindows: [number, number][];
  feeSince: number | null;
  clarificationSince: number | null;
  extension: { on: number; bodyDate: number | null } | null;
  answered: { on: number; kind: ResponseKind; whileWaiting: boolean } | null;
  withdrawnOn: number | null;
  review: { requested: number; answered: number | null; withdrawn: number | null } | null;
  pauses: PauseAt[];
}

/** A re-sent request, or a clarified one (s1(3)), starts a fresh clock; the pause history stays. */
function restart(t: Timeline, on: number, by: Clock["restartedBy"]): void {
  stopWaiting(t, on);
  t.start = on;
  t.restartedBy = by;
  t.feeWindows = [];
  t.extension = null;
  t.answered = null;
  t.withdrawnOn = null;
  t.review = null;
}

function stopWaiting(t: Timeline, on: number): void {
  for (const p of t.pauses) if (p.to === null) p.to = on;
  t.feeSince = null;
  t.clarificationSince = null;
}

interface PauseAt {
  reason: WaitingFor;
  from: number;
  to: number | null;
}

/** Kinds that leave the statutory clock alone (the ICO's own timescale is not the body's clock). */
const NO_CLOCK_EFFECT = ["acknowledged", "ico_complaint", "ico_decision", "note"] as const satisfies readonly EventKind[];
type NoClockEffect = (typeof NO_CLOCK_EFFECT)[number];

function hasNoClockEffect(kind: EventKind): kind is NoClockEffect {
  return (NO_CLOCK_EFFECT as readonly EventKind[]).includes(kind);
}

function assertNoKindLeft(kind: never): never {
  throw new RangeError(`No clock effect for event kind ${JSON.stringify(kind)}`);
}

/**
 * The statutory clock as a pure function of the timeline. With `today`, events dated after
 * it are ignored, so the result is the clock as it stood that day, and `state` says whether
 * the request is due, overdue or very overdue; without it, `state` is set only when the
 * timeline alone decides it (not sent, paused, answered, withdrawn).
 */
export function computeClock(events: readonly ClockEvent[], options: ClockOptions, today?: string): Clock {
  const lawResult = lawSchema.safeParse(options.law);
  if (!lawResult.success) throw new RangeError(`Unknown law ${JSON.stringify(options.law)}: use foia, eir or foisa`);
  const conventionResult = conventionSchema.safeParse(options.convention ?? "calendar");
  if (!conventionResult.success) {
    throw new RangeError(`Unknown convention ${JSON.stringify(options.convention)}: use calendar or next-working-day`);
  }
  const law = lawResult.data;
  const convention = conventionResult.data;
  const { calendar } = options;
  if (calendar.region !== regionForLaw(law)) {
    throw new Error(
      `A ${law.toUpperCase()} clock needs a ${regionForLaw(law) === "scotland" ? "Scottish" : "UK-wide"} calendar: buildCalendar(data, { law: "${law}" })`,
    );
  }
  const days = options.workingDays ?? STATUTORY_WORKING_DAYS;
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`workingDays must be a positive whole number, got ${days}`);
  const asOf = today === undefined ? null : offsetOf(calendar, today);
  const iso = (offset: number) => calendar.isoDates[offset];
  const warnings: string[] = [];

  const timeline: TimedEvent[] = events.map((event, index) => {
    if (!(EVENT_KINDS as readonly string[]).includes(event.kind)) {
      throw new RangeError(`Event ${index}: unknown kind ${JSON.stringify(event.kind)}`);
    }
    const receipt = parseReceipt(event.at);
    const newDueDate = event.newDueDate ?? null;
    if (newDueDate !== null) offsetOf(calendar, newDueDate);
    return { kind: event.kind, offset: offsetOf(calendar, receipt.date), ms: receipt.ms, newDueDate };
  });
  // Array.prototype.sort is stable, so same-instant events keep their given order.
  timeline.sort((a, b) => a.offset - b.offset || (a.ms === b.ms ? 0 : a.ms < b.ms ? -1 : 1));

  const t: Timeline = {
    start: null,
    sentOn: null,
    restartedBy: null,
    feeWindows: [],
    feeSince: null,
    clarificationSince: null,
    extension: null,
    answered: null,
    withdrawnOn: null,
    review: null,
    pauses: [],
  };
  const ignore = (e: TimedEvent, why: string) => warnings.push(`${e.kind} on ${iso(e.offset)} ignored: ${why}`);

  for (const e of timeline) {
    if (asOf !== null && e.offset > asOf) break;
    const on = e.offset;
    if (e.kind === "sent" || e.kind === "resent") {
      if (t.start === null) {
        restart(t, on, null);
        t.sentOn = on;
      } else if (e.kind === "resent") {
        restart(t, on, "resent");
      } else {
        ignore(e, "the request was already sent (use resent to restart the clock)");
      }
      continue;
    }
    if (hasNoClockEffect(e.kind)) continue;
    if (t.start === null) {
      ignore(e, "the request has not been sent");
      continue;
    }
    const stopped = t.answered !== null || t.withdrawnOn !== null;
    switch (e.kind) {
      case "clarification_requested":
        // FOIA s1(3), EIR reg 9(4), FOISA s1(3): nothing is due until the clarification arrives.
        if (stopped) ignore(e, "the clock has stopped");
        else if (t.clarificationSince === null) {
          t.clarificationSince = on;
          t.pauses.push({ reason: "clarification", from: on, to: null });
        }
        break;
      case "clarification_sent":
        // The 20 working days run afresh from receipt of the clarification; nothing carries over.
        if (stopped) ignore(e, "the clock has stopped");
        else if (t.clarificationSince === null) ignore(e, "no clarification was requested");
        else restart(t, on, "clarification");
        break;
      case "fees_notice":
        if (stopped) ignore(e, "the clock has stopped");
        else if (t.feeSince === null) {
          t.feeSince = on;
          t.pauses.push({ reason: "fee", from: on, to: null });
        }
        break;
      case "fee_paid":
        // FOIA s10(2), EIR reg 8, FOISA s10(2): working days from the notice to payment are disregarded.
        if (t.feeSince === null) ignore(e, "no fees notice is outstanding");
        else {
          t.feeWindows.push([t.feeSince, on]);
          for (const p of t.pauses) if (p.reason === "fee" && p.to === null) p.to = on;
          t.feeSince = null;
        }
        break;
      case "extension":
        if (stopped) ignore(e, "the clock has stopped");
        else t.extension = { on, bodyDate: e.newDueDate === null ? null : offsetOf(calendar, e.newDueDate) };
        break;
      case "internal_review_requested":
        if (t.withdrawnOn !== null) ignore(e, "the request was withdrawn");
        else t.review = { requested: on, answered: null, withdrawn: null };
        break;
      case "internal_review_answered":
        if (t.review === null || t.review.answered !== null || t.review.withdrawn !== null) {
          ignore(e, "no internal review is pending");
        } else t.review.answered = on;
        break;
      case "withdrawn":
        if (!stopped) {
          t.withdrawnOn = on;
          stopWaiting(t, on);
        } else if (t.review !== null && t.review.answered === null && t.review.withdrawn === null) {
          t.review.withdrawn = on;
        } else ignore(e, "nothing is pending");
        break;
      case "response_successful":
      case "response_partial":
      case "response_refused":
      case "response_not_held":
        if (!stopped) {
          const whileWaiting = t.clarificationSince !== null;
          // A response while a fee is outstanding: the wait was the requester's, so disregard it.
          if (t.feeSince !== null) t.feeWindows.push([t.feeSince, on]);
          stopWaiting(t, on);
          t.answered = { on, kind: e.kind, whileWaiting };
          if (whileWaiting) warnings.push(`answered on ${iso(on)} while a clarification was awaited`);
        }
        break;
      default:
        // Every kind has a clock effect (or none, listed in NO_CLOCK_EFFECT): a new kind fails to compile here.
        return assertNoKindLeft(e.kind);
    }
  }

  const base: Clock = {
    law,
    convention,
    asOf: asOf === null ? null : iso(asOf),
    sentOn: t.sentOn === null ? null : iso(t.sentOn),
    restartedBy: t.restartedBy,
    received: null,
    dateOfReceipt: null,
    dateOfReceiptIfNextWorkingDay: null,
    due: null,
    dueIfCalendar: null,
    dueIfNextWorkingDay: null,
    veryOverdue: null,
    extendedDue: null,
    extension: null,
    pausedWorkingDays: 0,
    pauses: t.pauses.map((p) => ({ reason: p.reason, from: iso(p.from), to: p.to === null ? null : iso(p.to) })),
    waitingFor: null,
    answeredOn: null,
    response: null,
    withdrawnOn: null,
    review: null,
    projected: false,
    warnings,
  };
  if (t.start === null) return { ...base, state: { kind: "not_sent" } };

  const s = t.start;
  const ans = t.answered;
  const ext = t.extension;
  const rev = t.review;
  const withdrawn = t.withdrawnOn;

  const onOrAfter = (offset: number) => (calendar.isWorking[offset] === 1 ? offset : addWorkingDaysAt(calendar, offset, 1));
  const day0Calendar = s;
  const day0Next = onOrAfter(s);
  const day0 = convention === "calendar" ? day0Calendar : day0Next;
  const waitingFor: WaitingFor | null = t.clarificationSince !== null ? "clarification" : t.feeSince !== null ? "fee" : null;
  let touched = Math.max(day0Next, asOf ?? 0);
  const touch = (offset: number) => {
    if (offset > touched) touched = offset;
    return iso(offset);
  };

  const clock: Clock = {
    ...base,
    received: touch(day0),
    dateOfReceipt: iso(day0Calendar),
    dateOfReceiptIfNextWorkingDay: iso(day0Next),
    waitingFor,
    answeredOn: ans === null ? null : touch(ans.on),
    response: ans === null ? null : ans.kind,
    withdrawnOn: withdrawn === null ? null : iso(withdrawn),
  };

  if (waitingFor === null) {
    const windows = mergeWindows(t.feeWindows);
    const count = (from: number, n: number) => addWorkingDaysSkipping(calendar, from, n, windows);
    const due = count(day0, days);
    const veryOverdue = count(day0, days + FURTHER_WORKING_DAYS);
    clock.due = touch(due);
    clock.dueIfCalendar = touch(count(day0Calendar, days));
    clock.dueIfNextWorkingDay = touch(count(day0Next, days));
    clock.veryOverdue = touch(veryOverdue);
    clock.pausedWorkingDays = workingDaysBetweenAt(calendar, day0, due) - days;

    let target = due;
    if (ext !== null) {
      const info: ExtensionInfo = {
        kind: law === "foia" ? "public_interest" : law === "eir" ? "eir_complex" : "not_available",
        on: iso(ext.on),
        noticeLate: ext.on > due,
        bodyDate: ext.bodyDate === null ? null : touch(ext.bodyDate),
        defaultDue: touch(veryOverdue),
      };
      clock.extension = info;
      if (info.noticeLate) warnings.push(`the extension notice came after the due date ${iso(due)}`);
      if (law === "foia") {
        // s10(3): "such time as is reasonable"; the ICO's norm is 20 further working days.
        target = ext.bodyDate ?? veryOverdue;
        if (ext.bodyDate !== null && ext.bodyDate > veryOverdue) {
          warnings.push(`the extended date ${iso(ext.bodyDate)} is beyond the ICO's norm of 20 further working days (${iso(veryOverdue)})`);
        }
        clock.extendedDue = iso(target);
      } else if (law === "eir") {
        // Reg 7(1): at most 40 working days, whatever date the authority gives.
        target = veryOverdue;
        if (ext.bodyDate !== null && ext.bodyDate > veryOverdue) {
          warnings.push(`EIR reg 7(1) allows at most 40 working days: still due ${iso(veryOverdue)}, not ${iso(ext.bodyDate)}`);
        }
        clock.extendedDue = iso(target);
      } else {
        warnings.push(`FOISA s10 has no extension: still due ${iso(due)}`);
      }
    }
    const veryOverdueFrom = Math.max(veryOverdue, target);

    if (withdrawn !== null) clock.state = { kind: "withdrawn" };
    else if (ans !== null) {
      const onTime = ans.whileWaiting || ans.on <= target;
      clock.state = {
        kind: "answered",
        onTime,
        answeredLateBy: onTime ? 0 : Math.max(0, workingDaysBetweenAt(calendar, target, ans.on)),
      };
    } else if (asOf !== null) clock.state = timeState(calendar, asOf, target, veryOverdueFrom);
  } else {
    clock.state = { kind: "paused", waitingFor };
  }

  if (rev !== null) {
    const received = convention === "calendar" ? rev.requested : onOrAfter(rev.requested);
    const due = addWorkingDaysAt(calendar, received, REVIEW_WORKING_DAYS[law]);
    const veryOverdue = addWorkingDaysAt(calendar, received, REVIEW_MAX_WORKING_DAYS);
    clock.review = {
      requested: iso(rev.requested),
      received: touch(received),
      due: touch(due),
      veryOverdue: touch(veryOverdue),
      answered: rev.answered === null ? null : touch(rev.answered),
      withdrawn: rev.withdrawn === null ? null : iso(rev.withdrawn),
    };
    if (rev.withdrawn !== null) clock.reviewState = { kind: "withdrawn" };
    else if (rev.answered !== null) {
      const onTime = rev.answered <= due;
      clock.reviewState = {
        kind: "answered",
        onTime,
        answeredLateBy: onTime ? 0 : Math.max(0, workingDaysBetweenAt(calendar, due, rev.answered)),
      };
    } else if (asOf !== null) clock.reviewState = timeState(calendar, asOf, due, veryOverdue);
  }

  clock.projected = isProjectedSpan(calendar, iso(Math.min(s, t.sentOn ?? s)), iso(touched));
  return clock;
}

function timeState(calendar: WorkingDayCalendar, today: number, due: number, veryOverdueFrom: number): ClockState {
  const { state, workingDays } = dueStateAt(calendar, today, due);
  if (state !== "overdue") return { kind: state, workingDaysLeft: workingDays };
  return { kind: today > veryOverdueFrom ? "very_overdue" : "overdue", workingDaysOverdue: 0 - workingDays };
}

function mergeWindows(windows: readonly [number, number][]): [number, number][] {
  const sorted = [...windows].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The n-th working day after day0, not counting working days inside the (fee) windows. */
function addWorkingDaysSkipping(
  calendar: WorkingDayCalendar,
  day0: number,
  n: number,
  windows: readonly [number, number][],
): number {
  let position = day0;
  let needed = n;
  for (const [from, to] of windows) {
    if (to <= position) continue;
    const available = workingDaysBetweenAt(calendar, position, Math.max(from, position + 1) - 1);
    if (available >= needed) break;
    needed -= available;
    position = to;
  }
  return addWorkingDaysAt(calendar, position, needed);
}
