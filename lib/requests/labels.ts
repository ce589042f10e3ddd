import type { Channel, EventKind, Law, RequestStatus } from "@/lib/generated/prisma";
import { EVENT_KINDS } from "@/lib/deadlines/event-kind-names";
import { EVENT_KIND_REGISTRY } from "@/lib/requests/event-kinds";
import type { DECISION_RESULTS } from "@/lib/requests/choices";
import { REGULATOR, reviewName } from "@/lib/requests/regulator";

export const lawLabels: Record<Law, string> = {
  foia: "Freedom of Information Act 2000",
  eir: "Environmental Information Regulations 2004",
  foisa: "Freedom of Information (Scotland) Act 2002",
};

export const channelLabels: Record<Channel, string> = {
  email: "Email from this app",
  whatdotheyknow: "WhatDoTheyKnow",
  post: "Post",
  portal: "The body's online portal",
};

/** Each event kind's label, from the registry (lib/requests/event-kinds.ts). */
export const eventLabels: Record<EventKind, string> = Object.fromEntries(
  EVENT_KINDS.map((kind) => [kind, EVENT_KIND_REGISTRY[kind].label]),
) as Record<EventKind, string>;

/**
 * One event kind as a request under `law` names it: the complaint and decision name the right
 * regulator (FOISA s47(1): the Scottish Information Commissioner), and FOISA's review is a
 * "requirement for review" (s20(1)).
 */
export function eventLabel(kind: EventKind, law: Law): string {
  const regulator = REGULATOR[law];
  switch (kind) {
    case "ico_complaint":
      return law === "foisa" ? "Application made to the Scottish Information Commissioner" : "Complaint made to the ICO";
    case "ico_decision":
      return regulator.decision;
    case "internal_review_requested":
      return law === "foisa" ? "Review required (section 20)" : law === "eir" ? "Reconsideration asked for (regulation 11)" : eventLabels[kind];
    case "internal_review_answered":
      return `${reviewName(law) === "review" ? "Review" : "Internal review"} answered`;
    default:
      return eventLabels[kind];
  }
}

/** What an internal review or the ICO decided (RequestEvent.result). */
export const decisionLabels: Record<(typeof DECISION_RESULTS)[number], string> = {
  successful: "Information released in full",
  partially_successful: "Some information released",
  refused: "Refusal upheld",
  not_held: "Information not held",
};

export function decisionLabel(result: RequestStatus | null): string | null {
  return result && result in decisionLabels ? decisionLabels[result as keyof typeof decisionLabels] : null;
}
