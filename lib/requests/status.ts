import type { Law, RequestStatus } from "@/lib/generated/prisma";
import { REGULATOR } from "@/lib/requests/regulator";

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
  // Lists mix laws: the request's own page names its regulator (statusLabel).
  ico_complaint: "With the regulator (ICO or Scottish Information Commissioner)",
  withdrawn: "Withdrawn",
};

/** Statuses whose statutory clock is running against the body. */
export const CLOCK_RUNNING: RequestStatus[] = ["awaiting_response", "extended"];

/**
 * The status as the request's own page says it: a FOISA request goes to the Scottish
 * Information Commissioner (FOISA s47(1)), never the ICO.
 */
export function statusLabel(status: RequestStatus, law: Law): string {
  return status === "ico_complaint" ? REGULATOR[law].noun : statusLabels[status];
}
