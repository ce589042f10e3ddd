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
import { isQualifiedFoiaExemption } from "./exemptions";
import { ownDeadlines, type OwnDeadline } from "./own-deadlines";
import { addWorkingDaysAt, isProjectedSpan, offsetOf, workingDaysBetweenAt } from "./working-days";
import { dueStateAt } from "./working-days-status";

/** FOIA s10(1), EIR reg 5(2), FOISA s10(1): 20 working days following the date of receipt. */
export const STATUTORY_WORKING_DAYS = 20;
/**
 * Further working days, the most an extension can add. FOIA s10(3) says only "such time as is
 * reasonable in the circumstances"; the ICO (guidance "Time limits for compliance", extensions
 * to consider the public interest) and the s45 Code of Practice treat 20 further working days
 * as the most that is reasonable, and this clock judges timeliness against that cap. EIR reg
 * 7(1): 40 working days at most. Also WhatDoTheyKnow's "long overdue" mark at 40.
 */
export const FURTHER_WORKING_DAYS = 20;
/**
 * Internal review limits by law. FOIA: no limit in the Act; the s45 Code of Practice (Part 5)
 * and the ICO ask for 20 working days, 40 at most in exceptional cases. EIR reg 11(4): 40 by
 * statute. FOISA s21(1): 20 by statute.
 */
export const REVIEW_WORKING_DAYS: Record<Law, number> = { foia: 20, eir: 40, foisa: 20 };
/** The FOIA Code's outer limit (Part 5); for EIR it is the statutory limit itself; FOISA has none beyond s21(1). */
export const REVIEW_MAX_WORKING_DAYS = 40;
/** Where each law's review limit comes from: the words ("the Code asks", "the law requires") follow it. */
export const REVIEW_LIMIT_BASIS: Record<Law, "code_of_practice" | "statute"> = { foia: "code_of_practice", eir: "statute", foisa: "statute" };

/**
 * How a response's timing is judged: on time by the (validly extended) due date; late up to
 * day 40; very late after it; unknown when only an upper bound of the answer's date is known.
 */
export type ResponseTimeliness = "on_time" | "late" | "very_late" | "unknown";

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
  timeliness?: ResponseTimeliness;
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
  /** Whether the limit is the law's (EIR reg 11(4), FOISA s21(1)) or the FOIA Code's (Part 5). */
  limitBasis: "code_of_practice" | "statute";
}

export interface ExtensionInfo {
  kind: "public_interest" | "eir_complex" | "not_available";
  /** Date of receipt of the extension notice. */
  on: string;
  /** The notice came after the deadline then in force (FOIA s17(1)-(3), EIR reg 7(3)): it moves nothing. */
  noticeLate: boolean;
  /** The date the body gave, if any: shown beside the date the clock judges by. */
  bodyDate: string | null;
  /** Original due date plus 20 further working days: the cap. */
  defaultDue: string;
  /** FOIA: the qualified exemption the notice names (or an earlier valid notice named). */
  exemption: string | null;
  /** Whether this notice extends the time. */
  valid: boolean;
  /** Why it does not, in plain words with the provision; null when valid. */
  notCounted: string | null;
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
  /** Set only when a valid extension applies: never before `due`, never beyond `defaultDue`. */
  extendedDue: string | null;
  /** The extension that counts (the latest valid one), else the latest recorded. */
  extension: ExtensionInfo | null;
  /** Every extension notice, in order, each with whether it counts. */
  extensions: ExtensionInfo[];
  /** Working days disregarded between a fees notice and payment (FOIA s10(2)). */
  pausedWorkingDays: number;
  pauses: Pause[];
  waitingFor: WaitingFor | null;
  answeredOn: string | null;
  /** The answer's date is only an upper bound ("on or before"): timeliness is unknown. */
  answerApproximate: boolean;
  response: ResponseKind | null;
  withdrawnOn: string | null;
  review: ReviewClock | null;
  /** The campaign's open deadlines (and a decision notice's date for the body), earliest first. */
  ownDeadlines: OwnDeadline[];
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
  exemptions: string[];
  approximate: boolean;
  notReasonablyRequired: boolean;
}

interface Timeline {
  start: number | null;
  sentOn: number | null;
  restartedBy: Clock["restartedBy"];
  feeWindows: [number, number][];
  feeSince: number | null;
  clarificationSince: number | null;
  /** A clarification request that stopped nothing (late, or not reasonably required). */
  clarificationSetAside: boolean;
  extensions: { on: number; bodyDate: number | null; exemptions: string[] }[];
  answered: { on: number; kind: ResponseKind; whileWaiting: boolean; approximate: boolean } | null;
  withdrawnOn: number | null;
  review: { requested: number; answered: number | null; withdrawn: number | null } | null;
  pauses: PauseAt[];
  complainedOn: number | null;
  decision: { on: number; complianceDate: string | null } | null;
}

/** A re-sent request, or a clarified one (s1(3)), starts a fresh clock; the pause history stays. */
function restart(t: Timeline, on: number, by: Clock["restartedBy"]): void {
  stopWaiting(t, on);
  t.start = on;
  t.restartedBy = by;
  t.feeWindows = [];
  t.extensions = [];
  t.answered = null;
  t.withdrawnOn = null;
  t.review = null;
}

function stopWaiting(t: Timeline, on: number): void {
  for (const p of t.pauses) if (p.to === null) p.to = on;
  t.feeSince = null;
  t.clarificationSince = null;
  t.clarificationSetAside = false;
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
    return {
      kind: event.kind,
      offset: offsetOf(calendar, receipt.date),
      ms: receipt.ms,
      newDueDate,
      exemptions: event.exemptions ?? [],
      approximate: event.approximate === true,
      notReasonablyRequired: event.notReasonablyRequired === true,
    };
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
    clarificationSetAside: false,
    extensions: [],
    answered: null,
    withdrawnOn: null,
    review: null,
    pauses: [],
    complainedOn: null,
    decision: null,
  };
  const ignore = (e: TimedEvent, why: string) => warnings.push(`${e.kind} on ${iso(e.offset)} ignored: ${why}`);
  const onOrAfter = (offset: number) => (calendar.isWorking[offset] === 1 ? offset : addWorkingDaysAt(calendar, offset, 1));
  const day0Of = (start: number) => (convention === "calendar" ? start : onOrAfter(start));
  /** The statutory due date as the timeline stands so far (fees disregarded, no extension). */
  const dueSoFar = (start: number, feeWindows: readonly [number, number][]) =>
    addWorkingDaysSkipping(calendar, day0Of(start), days, mergeWindows(feeWindows));

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
    // The commissioner's steps start the campaign's (and the body's) later deadlines.
    if (e.kind === "ico_complaint") t.complainedOn = on;
    if (e.kind === "ico_decision") t.decision = { on, complianceDate: e.newDueDate };
    if (hasNoClockEffect(e.kind)) continue;
    if (t.start === null) {
      ignore(e, "the request has not been sent");
      continue;
    }
    const stopped = t.answered !== null || t.withdrawnOn !== null;
    switch (e.kind) {
      case "clarification_requested": {
        // FOIA s1(3), EIR reg 9(4), FOISA s1(3): nothing is due until the clarification arrives.
        if (stopped) {
          ignore(e, "the clock has stopped");
          break;
        }
        if (t.clarificationSince !== null) break;
        if (e.notReasonablyRequired) {
          // s1(3) applies only where the body "reasonably requires further information" to find
          // what was asked for (FOIA s1(3), FOISA s1(3); EIR reg 9(2) "formulated in too general a manner").
          t.clarificationSetAside = true;
          warnings.push(`the clarification asked for on ${iso(on)} was not reasonably required (FOIA s1(3)): the original clock runs on`);
          break;
        }
        const dueNow = t.feeSince === null ? dueSoFar(t.start, t.feeWindows) : null;
        if (dueNow !== null && on > dueNow) {
          // EIR reg 9(2): ask within 20 working days; ICO guidance on s1(3): ask promptly. A request
          // for clarification after the due date cannot undo a breach of s10(1) already made.
          t.clarificationSetAside = true;
          warnings.push(`the clarification asked for on ${iso(on)} came after the due date ${iso(dueNow)}: it does not restart the clock (EIR reg 9(2); FOIA s1(3), s10(1))`);
          break;
        }
        t.clarificationSince = on;
        t.pauses.push({ reason: "clarification", from: on, to: null });
        break;
      }
      case "clarification_sent":
        // The 20 working days run afresh from receipt of the clarification; nothing carries over.
        if (stopped) ignore(e, "the clock has stopped");
        else if (t.clarificationSince === null) {
          ignore(e, t.clarificationSetAside ? "the clarification request did not stop the clock, so the reply does not restart it" : "no clarification was requested");
        } else restart(t, on, "clarification");
        break;
      case "fees_notice": {
        if (stopped) {
          ignore(e, "the clock has stopped");
          break;
        }
        // FOIA s9(1), FOISA s9(1): a fees notice may be given only "within the period for
        // complying"; one given after the due date cannot pause a clock already run out.
        const dueNow = t.feeSince === null && t.clarificationSince === null ? dueSoFar(t.start, t.feeWindows) : null;
        if (law !== "eir" && dueNow !== null && on > dueNow) {
          warnings.push(`the fees notice of ${iso(on)} came after the due date ${iso(dueNow)}: it does not stop the clock (${law === "foia" ? "FOIA" : "FOISA"} s9(1))`);
          break;
        }
        if (t.feeSince === null) {
          t.feeSince = on;
          t.pauses.push({ reason: "fee", from: on, to: null });
        }
        break;
      }
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
        else t.extensions.push({ on, bodyDate: e.newDueDate === null ? null : offsetOf(calendar, e.newDueDate), exemptions: e.exemptions });
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
          t.answered = { on, kind: e.kind, whileWaiting, approximate: e.approximate };
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
    extensions: [],
    pausedWorkingDays: 0,
    pauses: t.pauses.map((p) => ({ reason: p.reason, from: iso(p.from), to: p.to === null ? null : iso(p.to) })),
    waitingFor: null,
    answeredOn: null,
    answerApproximate: false,
    response: null,
    withdrawnOn: null,
    review: null,
    ownDeadlines: [],
    projected: false,
    warnings,
  };
  if (t.start === null) return { ...base, state: { kind: "not_sent" } };

  const s = t.start;
  const ans = t.answered;
  const rev = t.review;
  const withdrawn = t.withdrawnOn;

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
    answerApproximate: ans?.approximate ?? false,
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

    const { target, extensions } = judgeExtensions(t.extensions, { law, due, cap: veryOverdue, iso: (o) => touch(o), warnings });
    clock.extensions = extensions;
    clock.extension = extensions.findLast((x) => x.valid) ?? extensions.at(-1) ?? null;
    // Set whenever a valid extension applies, even one whose date could not move the deadline.
    if (clock.extension?.valid) clock.extendedDue = iso(target);
    const veryOverdueFrom = Math.max(veryOverdue, target);

    if (withdrawn !== null) clock.state = { kind: "withdrawn" };
    else if (ans !== null) {
      if (ans.approximate) {
        // Only an upper bound of the date is known: the answer may have come before or after the due date.
        clock.state = { kind: "answered", timeliness: "unknown" };
      } else {
        const onTime = ans.whileWaiting || ans.on <= target;
        clock.state = {
          kind: "answered",
          onTime,
          answeredLateBy: onTime ? 0 : Math.max(0, workingDaysBetweenAt(calendar, target, ans.on)),
          timeliness: onTime ? "on_time" : ans.on > veryOverdueFrom ? "very_late" : "late",
        };
      }
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
      limitBasis: REVIEW_LIMIT_BASIS[law],
    };
    if (rev.withdrawn !== null) clock.reviewState = { kind: "withdrawn" };
    else if (rev.answered !== null) {
      const onTime = rev.answered <= due;
      clock.reviewState = {
        kind: "answered",
        onTime,
        answeredLateBy: onTime ? 0 : Math.max(0, workingDaysBetweenAt(calendar, due, rev.answered)),
        timeliness: onTime ? "on_time" : rev.answered > veryOverdue ? "very_late" : "late",
      };
    } else if (asOf !== null) clock.reviewState = timeState(calendar, asOf, due, veryOverdue);
  }

  try {
    clock.ownDeadlines = ownDeadlines({
      law,
      calendar,
      due: clock.extendedDue ?? clock.due,
      answeredOn: clock.answeredOn,
      withdrawn: withdrawn !== null,
      reviewRequested: clock.review?.requested ?? null,
      reviewDue: clock.review?.due ?? null,
      reviewAnswered: clock.review?.answered ?? null,
      feeNoticeOn: t.feeSince === null ? null : iso(t.feeSince),
      complainedOn: t.complainedOn === null ? null : iso(t.complainedOn),
      decisionOn: t.decision === null ? null : iso(t.decision.on),
      complianceDate: t.decision?.complianceDate ?? null,
    });
  } catch (error) {
    // Beyond the calendar's years: the request's own dates still stand.
    if (!(error instanceof RangeError)) throw error;
    warnings.push("your own deadlines fall beyond the calendar's years and are not shown");
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

interface ExtensionContext {
  law: Law;
  /** The statutory due date (fees disregarded), offset. */
  due: number;
  /** Due date plus FURTHER_WORKING_DAYS: no extension goes beyond it. */
  cap: number;
  iso: (offset: number) => string;
  warnings: string[];
}

/**
 * Which extension notices count and the date the response is judged by. Rules, in order:
 * - FOISA: no extension of time exists (s10(1) is 20 working days; there is no s10(3) equivalent).
 * - A notice must arrive by the deadline in force when it is given: the first by the statutory
 *   due date (FOIA s17(1)-(3); EIR reg 7(3)); a later, revised one by the extended date. A late
 *   notice cannot cure a breach, so it moves nothing.
 * - FOIA: s10(3) extends time only to weigh the public interest on a qualified exemption, which
 *   the notice must name (s17(1)(b), s17(2)); a revised notice may rely on one named before.
 * - The date is never earlier than the statutory due date and never beyond the cap (FOIA: the
 *   ICO's and the Code's 20 further working days; EIR reg 7(1): 40 working days). FOIA takes the
 *   body's own date within those bounds (its s17(2) estimate); EIR's limit is the statute's.
 * - The latest valid notice counts.
 */
function judgeExtensions(
  notices: readonly { on: number; bodyDate: number | null; exemptions: string[] }[],
  ctx: ExtensionContext,
): { target: number; extensions: ExtensionInfo[] } {
  const { law, due, cap, iso, warnings } = ctx;
  let target = due;
  let exemption: string | null = null;
  const extensions: ExtensionInfo[] = [];
  for (const notice of notices) {
    const named = law === "foia" ? (notice.exemptions.find(isQualifiedFoiaExemption) ?? null) : null;
    const info: ExtensionInfo = {
      kind: law === "foia" ? "public_interest" : law === "eir" ? "eir_complex" : "not_available",
      on: iso(notice.on),
      noticeLate: notice.on > target,
      bodyDate: notice.bodyDate === null ? null : iso(notice.bodyDate),
      defaultDue: iso(cap),
      exemption: named ?? exemption,
      valid: false,
      notCounted: null,
    };
    if (law === "foisa") {
      info.notCounted = `FOISA has no extension of time (s10(1)): still due ${iso(due)}`;
    } else if (info.noticeLate) {
      info.notCounted = `the notice came after the due date ${iso(target)}, and a late notice cannot extend the time (${law === "foia" ? "FOIA s10(3), s17(1)-(3)" : "EIR reg 7(3)"})`;
    } else if (law === "foia" && info.exemption === null) {
      info.notCounted =
        notice.exemptions.length > 0
          ? `${notice.exemptions.join(", ")} is not a qualified exemption; FOIA s10(3) extends the time only to weigh the public interest on one (absolute exemptions: s2(3))`
          : "the notice names no qualified exemption; FOIA s10(3) extends the time only to weigh the public interest on one named in the notice (s17(1)(b), s17(2))";
    } else {
      info.valid = true;
      exemption = info.exemption;
      const asked = notice.bodyDate;
      if (law === "eir") {
        target = cap;
        if (asked !== null && asked > cap) warnings.push(`EIR reg 7(1) allows at most 40 working days: judged against ${iso(cap)}, not the body's ${iso(asked)}`);
      } else {
        target = asked === null ? cap : Math.min(Math.max(asked, due), cap);
        if (asked !== null && asked > cap) {
          warnings.push(`the body's date ${iso(asked)} is beyond the 20 further working days the ICO and the s45 Code accept (FOIA s10(3)): judged against ${iso(cap)}`);
        }
        if (asked !== null && asked < due) warnings.push(`the body's date ${iso(asked)} is before the statutory due date, which still stands (${iso(due)})`);
      }
    }
    if (info.notCounted !== null) warnings.push(`the extension of ${info.on} does not count: ${info.notCounted}`);
    extensions.push(info);
  }
  return { target, extensions };
}
