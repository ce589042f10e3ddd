// The request's lifecycle as a pure function of its timeline: which event may follow
// which, and the status it leaves the request in. Replaying the whole timeline (not just
// checking the newest event) keeps back-dated entries honest too.
import type { ResponseKind } from "@/lib/deadlines/schemas";
import type { EventKind, Law, RequestStatus } from "@/lib/generated/prisma";
import { TIMELINE_EVENT_KINDS } from "@/lib/requests/schemas";

export interface TimelineEntry {
  kind: EventKind;
  /** Ordering key: an ISO timestamp. */
  at: string;
  /** For internal review answers and ICO decisions: the status it leaves. */
  result?: RequestStatus | null;
}

export const RESPONSE_STATUS = {
  response_successful: "successful",
  response_partial: "partially_successful",
  response_refused: "refused",
  response_not_held: "not_held",
} as const satisfies Record<ResponseKind, RequestStatus>;


const WAITING: RequestStatus[] = ["awaiting_response", "extended", "awaiting_clarification", "awaiting_fee"];
const ANSWERED: RequestStatus[] = ["successful", "partially_successful", "refused", "not_held"];

type Step = { ok: true; status: RequestStatus } | { ok: false; reason: string };

/** What the replay knows beyond the status: the law, and whether a review was ever asked for. */
export interface TimelineContext {
  law?: Law;
  reviewRequested?: boolean;
  /** A response has been recorded (a complaint about no response can still be followed by one). */
  answered?: boolean;
}

/** The context of a whole timeline, for offering the next events on a request's page. */
export function timelineContext(kinds: readonly EventKind[], law: Law): TimelineContext {
  return {
    law,
    reviewRequested: kinds.includes("internal_review_requested"),
    answered: kinds.some((k) => k in RESPONSE_STATUS),
  };
}

/** What `kind` does to a request in `status` (undefined result for decisions means "keep"). */
export function applyEvent(status: RequestStatus, entry: TimelineEntry, context: TimelineContext = {}): Step {
  const scottish = context.law === "foisa";
  const refuse = (reason: string): Step => ({ ok: false, reason });
  const to = (next: RequestStatus): Step => ({ ok: true, status: next });
  if (entry.kind === "note") return to(status);
  if (status === "withdrawn") return refuse("This request was withdrawn: nothing more can happen to it (add a note instead).");
  if (status === "draft" && entry.kind !== "sent") return refuse("Record that the request was sent first.");
  switch (entry.kind) {
    case "sent":
      return status === "draft" ? to("awaiting_response") : refuse("This request has already been sent: record it as sent again instead.");
    case "resent":
      return WAITING.includes(status) ? to("awaiting_response") : refuse("Only a request still waiting for an answer can be sent again.");
    case "acknowledged":
      return WAITING.includes(status) ? to(status) : refuse("An acknowledgement comes before the response.");
    case "clarification_requested":
      return status === "awaiting_response" || status === "extended"
        ? to("awaiting_clarification")
        : refuse("The body can only ask for clarification while you are waiting for a response.");
    case "clarification_sent":
      return status === "awaiting_clarification" ? to("awaiting_response") : refuse("Record the body's request for clarification first.");
    case "fees_notice":
      return status === "awaiting_response" || status === "extended" ? to("awaiting_fee") : refuse("A fees notice comes while you are waiting for a response.");
    case "fee_paid":
      return status === "awaiting_fee" ? to("awaiting_response") : refuse("Record the fees notice first.");
    case "extension":
      // A body may revise its estimate (FOIA s17(2)); the clock decides which notice counts.
      return status === "awaiting_response" || status === "extended" ? to("extended") : refuse("A body can only extend the deadline while you are waiting for a response.");
    case "response_successful":
    case "response_partial":
    case "response_refused":
    case "response_not_held":
      // A complaint about no response (to the ICO) does not stop the body answering late.
      return WAITING.includes(status) || (status === "ico_complaint" && context.answered === false)
        ? to(RESPONSE_STATUS[entry.kind])
        : refuse("This request has already been answered: record an internal review instead.");
    case "internal_review_requested":
      // After an answer, or after a long delay with none (ICO guidance allows both).
      return ANSWERED.includes(status) || status === "awaiting_response" || status === "extended"
        ? to("internal_review")
        : refuse("Ask for an internal review after the body answers, or once it is late.");
    case "internal_review_answered":
      if (status !== "internal_review") return refuse("Record that you asked for an internal review first.");
      return entry.result ? to(entry.result) : refuse("Say what the internal review decided.");
    case "ico_complaint":
      if (scottish) {
        // FOISA s47(1): an application follows a review, or a failure to carry one out.
        return status === "internal_review" || (ANSWERED.includes(status) && context.reviewRequested)
          ? to("ico_complaint")
          : refuse("Under FOISA you apply to the Scottish Information Commissioner only after requiring a review (section 47(1)): record the requirement for review first.");
      }
      // The ICO takes complaints after a review, and about a request never answered once the
      // body was chased (https://ico.org.uk/make-a-complaint/foi-and-eir-complaints/foi-and-eir-complaints/).
      return ANSWERED.includes(status) || status === "internal_review" || status === "awaiting_response" || status === "extended"
        ? to("ico_complaint")
        : refuse("Complain to the ICO after the body answers or the review, or about a request it has not answered.");
    case "ico_decision":
      if (status !== "ico_complaint") return refuse(scottish ? "Record the application to the Scottish Information Commissioner first." : "Record the complaint to the ICO first.");
      return entry.result ? to(entry.result) : refuse(scottish ? "Say what the Scottish Information Commissioner decided." : "Say what the ICO decided.");
    case "withdrawn":
      return to("withdrawn");
    default:
      // Every kind says which statuses it may follow: a new kind fails to compile here.
      return unknownKind(entry.kind);
  }
}

function unknownKind(kind: never): never {
  throw new RangeError(`No transitions for event kind ${JSON.stringify(kind)}`);
}

export type Replay = { ok: true; status: RequestStatus } | { ok: false; index: number; reason: string };

/**
 * Sorts stably by time and replays from a draft; the first impossible step is reported. Pass
 * the request's law so each law's route is followed (FOISA's Commissioner needs a review first).
 */
export function replayTimeline(entries: readonly TimelineEntry[], options: { law?: Law } = {}): Replay {
  const ordered = entries.map((e, i) => ({ e, i })).sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i));
  let status: RequestStatus = "draft";
  let reviewRequested = false;
  let answered = false;
  for (const { e, i } of ordered) {
    const step = applyEvent(status, e, { law: options.law, reviewRequested, answered });
    if (!step.ok) return { ok: false, index: i, reason: step.reason };
    status = step.status;
    if (e.kind === "internal_review_requested") reviewRequested = true;
    if (e.kind in RESPONSE_STATUS) answered = true;
  }
  return { ok: true, status };
}

/** The event kinds worth offering next, in the order a campaigner meets them. */
export function possibleNextEvents(status: RequestStatus, context: TimelineContext = {}): EventKind[] {
  return TIMELINE_EVENT_KINDS.filter((kind) => applyEvent(status, { kind, at: "", result: "refused" }, context).ok);
}
