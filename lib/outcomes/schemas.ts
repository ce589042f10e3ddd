import { z } from "zod";
import { OUTCOMES } from "@/lib/bodies/schemas";
import type { FormState } from "@/lib/auth/form-state";
import type { TrustNameMatches } from "@/lib/bodies/match-trust-names";
import { CHOICE_FIELD_PREFIX } from "@/lib/outcomes/choices";
// Plain constants live in choices.ts (no zod), so client forms can import them without zod in the browser.
export * from "@/lib/outcomes/choices";

/** An outcome, or "none" to clear what was recorded. */
export const OUTCOME_CHOICES = [...OUTCOMES, "none"] as const;
export type OutcomeChoice = (typeof OUTCOME_CHOICES)[number];

export const MAX_BODIES_PER_LIST = 200;
export const MAX_PASTED_CHARACTERS = 20_000;

const id = z.string().trim().min(1).max(100);

/** One body's outcome for one request, as an editor sets it in the table. */
export const setOutcomeSchema = z.object({
  requestId: id,
  bodyId: id,
  outcome: z.enum(OUTCOME_CHOICES, "Choose an outcome."),
  // Left out: the note already recorded is kept.
  note: z.preprocess((v) => (typeof v === "string" ? v.trim() || null : v), z.string().max(1000, "Keep the note under 1,000 characters.").nullable()).optional(),
});
export type SetOutcomeInput = z.infer<typeof setOutcomeSchema>;

/** A pasted list of trusts from a response, to check against the directory (saves nothing). */
export const previewPastedListSchema = z.object({
  requestId: id,
  outcome: z.enum(OUTCOMES, "Choose what the response says about these trusts."),
  text: z
    .string()
    .trim()
    .min(1, "Paste the list of trusts from the response.")
    .max(MAX_PASTED_CHARACTERS, `Paste at most ${MAX_PASTED_CHARACTERS.toLocaleString("en-GB")} characters at a time.`),
});
export type PreviewPastedListInput = z.infer<typeof previewPastedListSchema>;

/** The trusts a person confirmed from a checked list, all given the same outcome. */
export const applyOutcomesSchema = z.object({
  requestId: id,
  outcome: z.enum(OUTCOMES, "Choose what the response says about these trusts."),
  bodyIds: z
    .array(id)
    .min(1, "Choose at least one trust to save.")
    .max(MAX_BODIES_PER_LIST, `Save at most ${MAX_BODIES_PER_LIST} trusts at a time.`)
    .transform((ids) => [...new Set(ids)]),
});
export type ApplyOutcomesInput = z.input<typeof applyOutcomesSchema>;

/** The confirm form's fields as they arrive (one per line), turned into applyOutcomesSchema's shape. */
export const applyOutcomesFormSchema = z.preprocess((raw) => {
  if (typeof raw !== "object" || raw === null) return raw;
  const fields = raw as Record<string, unknown>;
  const bodyIds = Object.entries(fields)
    .filter(([name, value]) => name.startsWith(CHOICE_FIELD_PREFIX) && typeof value === "string" && value !== "")
    .map(([, value]) => value);
  return { requestId: fields.requestId, outcome: fields.outcome, bodyIds };
}, applyOutcomesSchema);

/** How the outcomes table is ordered: grouped by outcome (the default), by name or by region. */
export const OUTCOME_SORTS = ["outcome", "name", "region"] as const;
export type OutcomeSort = (typeof OUTCOME_SORTS)[number];
export const outcomeSortSchema = z.enum(OUTCOME_SORTS).catch("outcome");

/** What the paste form's action returns: the usual form state plus the checked list to confirm. */
export interface PasteFormState extends FormState {
  preview?: TrustNameMatches & { outcome: (typeof OUTCOMES)[number]; text: string };
}
