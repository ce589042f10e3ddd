import type { Channel, EventKind, Law, RequestStatus } from "@/lib/generated/prisma";
import type { DECISION_RESULTS } from "@/lib/requests/schemas";

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

export const eventLabels: Record<EventKind, string> = {
  sent: "Request sent",
  resent: "Request sent again",
  acknowledged: "Acknowledged",
  clarification_requested: "Body asked for clarification",
  clarification_sent: "Clarification sent",
  fees_notice: "Fees notice received",
  fee_paid: "Fee paid",
  extension: "Deadline extended",
  response_successful: "Answered in full",
  response_partial: "Partly answered",
  response_refused: "Refused",
  response_not_held: "Information not held",
  internal_review_requested: "Internal review requested",
  internal_review_answered: "Internal review answered",
  ico_complaint: "Complaint made to the ICO",
  ico_decision: "ICO decision",
  withdrawn: "Withdrawn",
  note: "Note",
};

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
