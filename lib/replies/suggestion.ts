// The shape stored in Message.suggestion: what an incoming message seems to mean, for a
// person to confirm. Pure: pages and tests import it.
import { z } from "zod";
import { eventKindSchema } from "@/lib/deadlines/schemas";
import { isIsoDate } from "@/lib/deadlines/iso-date";
import { DECISION_RESULTS } from "@/lib/requests/schemas";

const isoDate = z.string().refine(isIsoDate, "expected YYYY-MM-DD");

export const suggestionSchema = z.object({
  kind: eventKindSchema,
  /** The date the event happened (usually the message's date). */
  on: isoDate,
  /** An extension: the new date the body gives. */
  newDueOn: isoDate.optional(),
  /** e.g. ["s43", "s40(2)"] */
  exemptions: z.array(z.string().max(50)).max(20).optional(),
  /** An internal review's answer, as the request's resulting status. */
  result: z.enum(DECISION_RESULTS).optional(),
  /** The words in the message that led to it, shown to the person. */
  evidence: z.array(z.string().max(400)).max(5),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

/** A stored suggestion, or null when the column holds nothing usable. */
export function readSuggestion(value: unknown): Suggestion | null {
  const parsed = suggestionSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const KIND_WORDS: Partial<Record<Suggestion["kind"], string>> = {
  acknowledged: "an acknowledgement",
  clarification_requested: "a request for clarification",
  fees_notice: "a fees notice",
  extension: "an extension",
  response_successful: "the answer, in full",
  response_partial: "a partial answer",
  response_refused: "a refusal",
  response_not_held: "information not held",
  internal_review_answered: "the internal review's answer",
};

const RESULT_WORDS: Record<NonNullable<Suggestion["result"]>, string> = {
  successful: "information released in full",
  partially_successful: "some information released",
  refused: "refusal upheld",
  not_held: "information not held",
};

/** "extension to Friday 20 September 2024, citing s43": what the card says after "Looks like:". */
export function describeSuggestion(s: Suggestion, formatDate: (iso: string) => string): string {
  let words = KIND_WORDS[s.kind] ?? s.kind.replace(/_/g, " ");
  if (s.kind === "extension") words = s.newDueOn ? `an extension to ${formatDate(s.newDueOn)}` : "an extension (no new date found)";
  if (s.result) words += ` (${RESULT_WORDS[s.result]})`;
  if (s.exemptions?.length) words += `, citing ${s.exemptions.join(", ")}`;
  return words;
}
