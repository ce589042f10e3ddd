// Findings' zod schemas: shared by the services, the Server Actions and the forms.
// Pure (no server-only): client forms may import the labels and the limits.
import { z } from "zod";
import { isIsoDate } from "@/lib/deadlines/iso-date";
import { QUESTION_TYPES, type QuestionTypeName, ANSWER_CHOICES, MAX_ANSWER_TEXT, MAX_QUOTE, MAX_NOTE } from "@/lib/findings/choices";
// Plain constants live in choices.ts (no zod), so client forms can import them without zod in the browser.
export * from "@/lib/findings/choices";

const blankToUndefined = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim()) : v === null ? undefined : v);

export const questionSchema = z.object({
  text: z
    .string({ message: "Write the question." })
    .trim()
    .min(3, "Write the question (at least 3 characters).")
    .max(300, "Keep the question under 300 characters."),
  type: z.enum(QUESTION_TYPES, { message: "Choose the kind of answer: yes / no / partly, free text, number or date." }),
});
export type QuestionInput = z.infer<typeof questionSchema>;

export const moveDirectionSchema = z.enum(["up", "down"], { message: "Move the question up or down." });

// "1,200" as typed by a person is 1200; anything else that is not a number is refused.
const numberField = z.preprocess(
  (v) => {
    const b = blankToUndefined(v);
    if (typeof b !== "string") return b;
    const cleaned = b.replace(/,/g, "");
    return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : b;
  },
  z
    .number({ message: "Enter a number, for example 3 or 2.5." })
    .finite("Enter a number, for example 3 or 2.5.")
    .min(-1_000_000_000, "That number is too large.")
    .max(1_000_000_000, "That number is too large.")
    .optional(),
);

const dateField = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as YYYY-MM-DD, for example 2021-09-30.")
    .refine(isIsoDate, "That date does not exist. Check the day and month.")
    .optional(),
);

const idField = z.preprocess(blankToUndefined, z.string().max(100, "Choose from the list.").optional());

/**
 * The fields of a coded answer, as a form sends them (blank means "not given"). The
 * rule tying them to the question's type is in `answerSchemaFor`; the services also
 * refuse dates in the future and evidence from another request.
 */
export const answerFieldsSchema = z.object({
  choice: z.preprocess(blankToUndefined, z.enum(ANSWER_CHOICES, { message: "Choose one of the answers." }).optional()),
  text: z.preprocess(blankToUndefined, z.string().max(MAX_ANSWER_TEXT, `Keep the answer under ${MAX_ANSWER_TEXT.toLocaleString("en-GB")} characters.`).optional()),
  number: numberField,
  date: dateField,
  quote: z.preprocess(blankToUndefined, z.string().max(MAX_QUOTE, `Keep the quote under ${MAX_QUOTE.toLocaleString("en-GB")} characters.`).optional()),
  messageId: idField,
  attachmentId: idField,
  note: z.preprocess(blankToUndefined, z.string().max(MAX_NOTE, `Keep the note under ${MAX_NOTE.toLocaleString("en-GB")} characters.`).optional()),
});
export type AnswerFields = z.infer<typeof answerFieldsSchema>;

type AnswerCheck = { path: keyof AnswerFields; message: string };

/** The rule between a question's type and the answer's value, as field errors. */
export function checkAnswerForType(type: QuestionTypeName, a: AnswerFields): AnswerCheck[] {
  const noValue = a.choice === "not_answered" || a.choice === "not_held";
  if (type === "choice") return a.choice ? [] : [{ path: "choice", message: "Choose an answer: yes, no, partly, not answered or information not held." }];
  if (a.choice && !noValue) return [{ path: "choice", message: "For this question, only \"not answered\" or \"information not held\" can be chosen." }];
  if (noValue) return [];
  if (type === "text" && !a.text) return [{ path: "text", message: "Write the answer, or choose \"not answered\" or \"information not held\"." }];
  if (type === "number" && a.number === undefined) return [{ path: "number", message: "Enter the number, or choose \"not answered\" or \"information not held\"." }];
  if (type === "date" && !a.date) return [{ path: "date", message: "Enter the date, or choose \"not answered\" or \"information not held\"." }];
  return [];
}

/** An answer to a question of a known type (the service uses the stored type, never the form's). */
export function answerSchemaFor(type: QuestionTypeName) {
  return answerFieldsSchema.superRefine((a, ctx) => {
    for (const issue of checkAnswerForType(type, a)) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  });
}

/**
 * An answer as a Server Action receives it: the fields plus the question's type, so a
 * form can show the type rule's message before the service checks it again.
 */
export const answerSchema = answerFieldsSchema.extend({ questionType: z.enum(QUESTION_TYPES) }).superRefine((a, ctx) => {
  for (const issue of checkAnswerForType(a.questionType, a)) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
});
export type AnswerInput = z.infer<typeof answerSchema>;

export const TIMELINESS = ["on_time", "late", "very_late", "unknown", "not_answered_yet", "not_answered", "withdrawn", "not_sent"] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export const FINDINGS_SORTS = ["body", "region", "status", "timeliness", "days", "due", "answered"] as const;

const optionalText = z.preprocess(blankToUndefined, z.string().max(200).optional().catch(undefined));

/**
 * The findings table's filters and sort, as they arrive in the URL. Anything odd is
 * ignored rather than refused (a URL is not a form). `sort` is one of FINDINGS_SORTS or
 * "q:<questionId>" (by that question's answer).
 */
export const findingsFiltersSchema = z.object({
  sort: z.preprocess(blankToUndefined, z.string().max(120).regex(/^(body|region|status|timeliness|days|due|answered|q:[A-Za-z0-9_-]+)$/).optional().catch(undefined)),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  status: optionalText,
  timeliness: z.preprocess(blankToUndefined, z.enum(TIMELINESS).optional().catch(undefined)),
  region: optionalText,
  q: optionalText,
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type FindingsFilters = z.infer<typeof findingsFiltersSchema>;
