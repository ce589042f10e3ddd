// Every timeline event kind starts here. To add one: add it to EVENT_KINDS
// (lib/deadlines/schemas.ts) and to the EventKind enum (prisma/schema.prisma), then give it
// its facts below; the compiler then lists the rest, each an exhaustive switch:
// - which statuses it may follow and the status it leaves (applyEvent, lib/requests/timeline.ts),
// - what it does to the statutory clock (computeClock, lib/deadlines/compute-clock.ts).
// The next step is the status's (nextStep, lib/requests/next-step.ts), also exhaustive.
// Pure: client forms and pages import it.
import type { EventKind } from "@/lib/deadlines/schemas";

export interface EventKindFacts {
  /** How the timeline and forms name it. */
  label: string;
}

export const EVENT_KIND_REGISTRY = {
  sent: { label: "Request sent" },
  resent: { label: "Request sent again" },
  acknowledged: { label: "Acknowledged" },
  clarification_requested: { label: "Body asked for clarification" },
  clarification_sent: { label: "Clarification sent" },
  fees_notice: { label: "Fees notice received" },
  fee_paid: { label: "Fee paid" },
  extension: { label: "Deadline extended" },
  response_successful: { label: "Answered in full" },
  response_partial: { label: "Partly answered" },
  response_refused: { label: "Refused" },
  response_not_held: { label: "Information not held" },
  internal_review_requested: { label: "Internal review requested" },
  internal_review_answered: { label: "Internal review answered" },
  // Named per law where the request is known (eventLabel in lib/requests/labels.ts): FOISA's
  // regulator is the Scottish Information Commissioner.
  ico_complaint: { label: "Complaint made to the regulator (ICO or Scottish Information Commissioner)" },
  ico_decision: { label: "Regulator's decision" },
  withdrawn: { label: "Withdrawn" },
  note: { label: "Note" },
} as const satisfies Record<EventKind, EventKindFacts>;
