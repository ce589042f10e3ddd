// The request timeline's event kinds as plain constants (no zod), for server and browser alike.

/**
 * The request timeline's event kinds; also the Prisma enum values. After "sent", in the
 * order a campaigner meets them (the app offers them in this order).
 */
export const EVENT_KINDS = [
  "sent",
  "acknowledged",
  "clarification_requested",
  "clarification_sent",
  "fees_notice",
  "fee_paid",
  "extension",
  "response_successful",
  "response_partial",
  "response_refused",
  "response_not_held",
  "internal_review_requested",
  "internal_review_answered",
  "ico_complaint",
  "ico_decision",
  "resent",
  "withdrawn",
  "note",
] as const;
