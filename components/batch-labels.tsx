import type { BulkStatusKind } from "@/lib/batches/schemas";

/** The statuses a bulk action can record, as the chooser and the confirmation page name them. */
export const bulkStatusLabels: Record<BulkStatusKind, string> = {
  acknowledged: "Acknowledged",
  response_successful: "Answered in full",
  response_partial: "Answered in part",
  response_refused: "Refused",
  response_not_held: "Information not held",
  withdrawn: "Withdrawn",
};
