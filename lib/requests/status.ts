import type { RequestStatus } from "@/lib/generated/prisma";

export const statusLabels: Record<RequestStatus, string> = {
  draft: "Draft",
  awaiting_response: "Waiting for a response",
  awaiting_clarification: "Waiting for your clarification",
  awaiting_fee: "Waiting for a fee to be paid",
  extended: "Extended by the body",
  successful: "Answered in full",
  partially_successful: "Partly answered",
  refused: "Refused",
  not_held: "Information not held",
  internal_review: "Internal review",
  ico_complaint: "Complaint to the ICO",
  withdrawn: "Withdrawn",
};

/** Statuses whose statutory clock is running against the body. */
export const CLOCK_RUNNING: RequestStatus[] = ["awaiting_response", "extended"];
