import { z } from "zod";
// Submodules, not the index: client forms import this file, and the index brings date-holidays.
import { isIsoDate } from "@/lib/deadlines/iso-date";
import { eventKindSchema } from "@/lib/deadlines/schemas";
import { pageNumberSchema } from "@/lib/pagination/schemas";
import { LAWS, DECISION_RESULTS } from "@/lib/requests/choices";
// Plain constants live in choices.ts (no zod), so client forms can import them without zod in the browser.
export * from "@/lib/requests/choices";

export const CHANNELS = ["email", "whatdotheyknow", "post", "portal"] as const;
export const REQUEST_STATUSES = [
  "draft",
  "awaiting_response",
  "awaiting_clarification",
  "awaiting_fee",
  "extended",
  "successful",
  "partially_successful",
  "refused",
  "not_held",
  "internal_review",
  "ico_complaint",
  "withdrawn",
] as const;
/** What can be added to a timeline ("sent" is recorded with the request itself). */
export const timelineEventKindSchema = eventKindSchema.exclude(["sent"], { message: "Choose what happened." });
export const TIMELINE_EVENT_KINDS = timelineEventKindSchema.options;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

/** A calendar date as typed: the format and a real day (no 30 February). */
export const calendarDateSchema = z
  .string({ message: "Enter a date." })
  .trim()
  .min(1, "Enter a date.")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as YYYY-MM-DD, for example 2021-08-02.")
  .refine(isIsoDate, "That date does not exist. Check the day and month.");

const timeSchema = z.preprocess(blankToUndefined, z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the time as HH:MM, for example 14:30.").optional());

const webAddress = z.preprocess(
  blankToUndefined,
  z
    .string()
    .max(2000, "That address is too long.")
    .url("Enter a full web address starting with https://")
    .refine((u) => /^https?:\/\//i.test(u), "Enter a web address starting with https://")
    .optional(),
);

const requestFields = {
  bodyId: z.string({ message: "Choose the body the request goes to." }).min(1, "Choose the body the request goes to."),
  title: z.string().trim().min(1, "Give the request a short title.").max(300, "Keep the title under 300 characters."),
  letter: z.string().trim().min(1, "Write or paste the letter.").max(100_000, "The letter is too long (100,000 characters at most)."),
  law: z.enum(LAWS, { message: "Choose FOIA, EIR or FOISA." }),
  channel: z.enum(CHANNELS, { message: "Choose how the request is sent." }),
  externalUrl: webAddress,
  authorityRef: z.preprocess(blankToUndefined, z.string().max(100, "Keep the reference under 100 characters.").optional()),
  sentDate: z.preprocess(blankToUndefined, calendarDateSchema.optional()),
  sentTime: timeSchema,
};

export const createRequestSchema = z.object(requestFields);
export type CreateRequestInput = z.infer<typeof createRequestSchema>;

/** A draft can change everything; a sent request keeps its letter as sent. */
export const updateRequestSchema = z.object({ requestId: z.string().min(1), ...requestFields });
export type UpdateRequestInput = z.infer<typeof updateRequestSchema>;

export const updateSentRequestSchema = z.object({
  requestId: z.string().min(1),
  externalUrl: requestFields.externalUrl,
  authorityRef: requestFields.authorityRef,
});

export const recordEventSchema = z.object({
  requestId: z.string().min(1),
  kind: timelineEventKindSchema,
  date: calendarDateSchema,
  time: timeSchema,
  note: z.preprocess(blankToUndefined, z.string().max(10_000, "Keep the note under 10,000 characters.").optional()),
  newDueDate: z.preprocess(blankToUndefined, calendarDateSchema.optional()),
  // "s40, s43(2)" as typed; stored one per item.
  exemptions: z.preprocess(
    (v) => (typeof v === "string" ? v.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean) : v),
    z.array(z.string().max(50, "Each exemption should be short, like s40 or s43(2).")).max(20, "List at most 20 exemptions.").default([]),
  ),
  result: z.preprocess(blankToUndefined, z.enum(DECISION_RESULTS, { message: "Choose what was decided." }).optional()),
  // A checkbox: present ("on"/"yes"/"true") or absent.
  notReasonablyRequired: z.preprocess((v) => v === true || v === "on" || v === "yes" || v === "true", z.boolean()),
});
export type RecordEventInput = z.infer<typeof recordEventSchema>;

export const requestIdSchema = z.object({ requestId: z.string().min(1) });

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blankToUndefined, z.enum(values).optional().catch(undefined));

/** The requests list's filters, as they arrive in the URL. */
export const requestFiltersSchema = z.object({
  status: optionalChoice(REQUEST_STATUSES),
  law: optionalChoice(LAWS),
  body: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  /** Part of a body's name, typed where there are too many bodies for a list of choices. */
  bodyName: z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : undefined), z.string().max(200).optional().catch(undefined)),
  batch: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  overdue: z.preprocess((v) => v === "1" || v === "true" || v === "on", z.boolean()),
  /** Running requests due within the dashboard's "due soon" window (today to DUE_SOON_WORKING_DAYS ahead). */
  dueSoon: z.preprocess((v) => v === "1" || v === "true" || v === "on", z.boolean()),
  /** Only requests with a reply whose meaning nobody has confirmed yet. */
  replies: z.preprocess((v) => v === "1" || v === "true" || v === "on", z.boolean()),
  sort: z.enum(["due", "-due", "created"]).catch("due").default("due"),
  page: pageNumberSchema,
});
export type RequestFilters = z.infer<typeof requestFiltersSchema>;

/** Letters the request page can email: the drafted escalations, and an answer to a clarification request. */
export const EMAIL_LETTER_KINDS = ["chaser", "internal_review", "ico_complaint", "clarification"] as const;
export type EmailLetterKind = (typeof EMAIL_LETTER_KINDS)[number];

/** Emailing one of those letters from the request page, as edited by the person. */
export const emailLetterSchema = z.object({
  requestId: z.string().min(1),
  kind: z.enum(EMAIL_LETTER_KINDS, { message: "Choose which letter to send." }),
  text: z.string().trim().min(1, "Write the letter before sending it.").max(100_000, "The letter is too long (100,000 characters at most)."),
  // Only the complaint goes elsewhere than the body: to the regulator's address the person gives.
  to: z.preprocess(blankToUndefined, z.string().trim().email("Enter an email address like casework@example.org.").max(320).optional()),
  // Rendered once into the form: a double submit (or a retry after a lost answer) queues nothing new.
  sendKey: z.string().uuid("Reload the page and send again."),
});
export type EmailLetterInput = z.infer<typeof emailLetterSchema>;
