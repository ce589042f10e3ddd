import type { Clock, ClockState } from "./compute-clock";
import { formatUkDate } from "./format-uk-date";
import { describeDue, formatWorkingDays, statusOfClockState } from "./working-days-status";

function describeTimed(state: ClockState, due: string, prefix: string): string {
  const status = statusOfClockState(state);
  return prefix + (status ? describeDue(status, due) : `Due ${formatUkDate(due)}`);
}

function describeAnswer(state: ClockState, answered: string, what: string): string {
  // An "on or before" date cannot show whether the answer beat the due date.
  if (state.timeliness === "unknown") return `${what} on or before ${formatUkDate(answered)}: whether on time is unknown`;
  const on = `${what} on ${formatUkDate(answered)}`;
  if (state.onTime) return `${on}, on time`;
  const late = state.answeredLateBy ?? 0;
  return late > 0 ? `${on}, ${formatWorkingDays(late)} late` : `${on}, late`;
}

/**
 * One plain-English line for campaigners. It reads the state computeClock worked out for
 * clock.asOf; pass `today` to check it is the day you mean (working days need the calendar).
 */
export function describeClock(clock: Clock, today?: string): string {
  if (today !== undefined && clock.asOf !== null && today !== clock.asOf) {
    throw new RangeError(`This clock was computed for ${clock.asOf}, not ${today}: compute it again with today = ${today}`);
  }
  const projected = clock.projected ? " (using projected bank holidays)" : "";
  const state = clock.state;
  const review = clock.review;
  const reviewState = clock.reviewState;

  if (review !== null && state?.kind !== "paused") {
    if (reviewState?.kind === "answered" && review.answered !== null) {
      return describeAnswer(reviewState, review.answered, "Internal review answered") + projected;
    }
    if (reviewState?.kind === "withdrawn") return `Internal review withdrawn on ${formatUkDate(review.withdrawn ?? review.requested)}`;
    if (reviewState) return describeTimed(reviewState, review.due, "Internal review: ") + projected;
    return `Internal review due ${formatUkDate(review.due)}${projected}`;
  }

  if (!state || clock.received === null) {
    if (clock.sentOn === null) return "Not sent yet";
    const due = clock.extendedDue ?? clock.due;
    return due === null ? "Sent" : `Due ${formatUkDate(due)}${projected}`;
  }
  switch (state.kind) {
    case "not_sent":
      return "Not sent yet";
    case "paused":
      return state.waitingFor === "fee"
        ? "Waiting for your fee payment: the clock is paused"
        : "Waiting for your clarification: the clock is paused";
    case "withdrawn":
      return `Withdrawn on ${formatUkDate(clock.withdrawnOn ?? clock.received)}`;
    case "answered":
      return describeAnswer(state, clock.answeredOn ?? clock.received, "Answered") + projected;
    default: {
      const due = clock.extendedDue ?? clock.due;
      if (due === null) return "Sent";
      const extended = clock.extendedDue !== null && clock.due !== null && clock.extendedDue !== clock.due
        ? ` (extended from ${formatUkDate(clock.due)})`
        : "";
      return describeTimed(state, due, "") + extended + projected;
    }
  }
}
