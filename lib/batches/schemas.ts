// Batches' inputs, validated on the server. No server-only imports: client forms use these too.
import { z } from "zod";
import { OUTCOMES } from "@/lib/bodies/schemas";
import { TEMPLATE_MAX_LENGTH } from "@/lib/batches/merge-fields";
import { pageNumberSchema } from "@/lib/pagination/schemas";
import { calendarDateSchema, LAWS } from "@/lib/requests/schemas";

/** How a batch's letters go. "portal" is not offered for batches: each portal differs. */
export const BATCH_CHANNELS = ["email", "whatdotheyknow", "post"] as const;
export type BatchChannel = (typeof BATCH_CHANNELS)[number];

export const batchChannelLabels: Record<BatchChannel, string> = {
  email: "By email from the app",
  whatdotheyknow: "Via WhatDoTheyKnow",
  post: "By post (printed letters)",
};

/** The largest batch: far more than the 55 trusts, small enough for one transaction. */
export const MAX_RECIPIENTS = 2_000;

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

export const batchDetailsSchema = z.object({
  name: z.string({ message: "Give the batch a name." }).trim().min(1, "Give the batch a name.").max(200, "Keep the name under 200 characters."),
  titleTemplate: z
    .string({ message: "Give the requests a title." })
    .trim()
    .min(1, "Give the requests a title.")
    .max(300, "Keep the title under 300 characters."),
  template: z
    .string({ message: "Write the letter." })
    .trim()
    .min(1, "Write the letter.")
    .max(TEMPLATE_MAX_LENGTH, `The letter is too long (${TEMPLATE_MAX_LENGTH.toLocaleString("en-GB")} characters at most).`),
  law: z.enum(LAWS, { message: "Choose FOIA, EIR or FOISA." }),
  channel: z.enum(BATCH_CHANNELS, { message: "Choose how the letters go: email, WhatDoTheyKnow or post." }),
});
export type BatchDetailsInput = z.infer<typeof batchDetailsSchema>;

/** One recipient's own letter and channel; null (or blank) goes back to the batch's. */
export const recipientEditSchema = z.object({
  letter: z.preprocess(
    blankToNull,
    z.string().max(100_000, "The letter is too long (100,000 characters at most).").nullable().optional(),
  ),
  channel: z.preprocess(blankToNull, z.enum(BATCH_CHANNELS, { message: "Choose email, WhatDoTheyKnow or post." }).nullable().optional()),
});
export type RecipientEditInput = z.infer<typeof recipientEditSchema>;

export const WDTK_URL = /^https:\/\/(www\.)?whatdotheyknow\.com\/request\/[^\s]+$/i;

/** Marking a WhatDoTheyKnow or postal letter as sent. */
export const markSentSchema = z.object({
  sentOn: calendarDateSchema,
  url: z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(2000, "That address is too long.")
      .regex(WDTK_URL, "Paste the request's address from WhatDoTheyKnow, starting with https://www.whatdotheyknow.com/request/")
      .optional(),
  ),
});
export type MarkSentInput = z.infer<typeof markSentSchema>;

/** The statuses a bulk action can record (the rest need details one request at a time). */
export const BULK_STATUS_KINDS = [
  "acknowledged",
  "response_successful",
  "response_partial",
  "response_refused",
  "response_not_held",
  "withdrawn",
] as const;
export type BulkStatusKind = (typeof BULK_STATUS_KINDS)[number];

const requestIdsSchema = z.preprocess(
  (v) => (typeof v === "string" ? [v] : v),
  z
    .array(z.string().min(1).max(100), { message: "Choose at least one request." })
    .min(1, "Choose at least one request.")
    .max(MAX_RECIPIENTS, `Choose at most ${MAX_RECIPIENTS.toLocaleString("en-GB")} requests.`),
);

export const bulkActionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("chaser"), requestIds: requestIdsSchema }),
    z.object({
      action: z.literal("status"),
      requestIds: requestIdsSchema,
      kind: z.enum(BULK_STATUS_KINDS, { message: "Choose what happened." }),
      on: calendarDateSchema,
    }),
    z.object({
      action: z.literal("note"),
      requestIds: requestIdsSchema,
      note: z.string({ message: "Write the note." }).trim().min(1, "Write the note.").max(10_000, "Keep the note under 10,000 characters."),
    }),
    z.object({ action: z.literal("letters"), requestIds: requestIdsSchema }),
  ],
  { message: "Choose an action." },
);
export type BulkActionInput = z.infer<typeof bulkActionSchema>;
export type BulkActionKind = BulkActionInput["action"];

/**
 * The two ways to start a batch: the bodies with an outcome in a parent request (NHS England's
 * "did not apply" includes the two that applied and withdrew, as NHS England counted them), or
 * any selection from the directory.
 */
export const startBatchSchema = z.union([
  z.object({ parentId: z.string().min(1).max(100), outcome: z.enum(OUTCOMES, { message: "Choose an outcome." }) }),
  z.object({
    bodyIds: z.preprocess(
      (v) => (typeof v === "string" ? [v] : v),
      z
        .array(z.string().min(1).max(100))
        .min(1, "Tick at least one body.")
        .max(MAX_RECIPIENTS, `Choose at most ${MAX_RECIPIENTS.toLocaleString("en-GB")} bodies.`),
    ),
  }),
]);
export type StartBatchInput = z.infer<typeof startBatchSchema>;

/** Where each recipient stands, for the progress bar and the table's filter. */
export const PROGRESS_BUCKETS = ["drafted", "queued", "sent", "failed", "acknowledged", "answered", "overdue"] as const;
export type ProgressBucket = (typeof PROGRESS_BUCKETS)[number];

export const progressBucketLabels: Record<ProgressBucket, string> = {
  drafted: "Drafted",
  queued: "Queued",
  sent: "Sent",
  failed: "Needs attention",
  acknowledged: "Acknowledged",
  answered: "Answered",
  overdue: "Overdue",
};

export const RECIPIENT_SORTS = ["position", "name", "due", "-due", "status"] as const;
export type RecipientSort = (typeof RECIPIENT_SORTS)[number];

/** The batch page's table options, as they arrive in the URL (anything odd falls back). */
export const batchViewSchema = z.object({
  sort: z.enum(RECIPIENT_SORTS).catch("position").default("position"),
  status: z.preprocess(blankToUndefined, z.enum(PROGRESS_BUCKETS).optional().catch(undefined)),
  q: z.preprocess(blankToUndefined, z.string().max(200).optional().catch(undefined)),
  page: pageNumberSchema,
});
export type BatchView = z.infer<typeof batchViewSchema>;

export const resolveUnconfirmedSchema = z.enum(["mark_sent", "send_again"], { message: "Choose Mark as sent or Send again." });
export type ResolveUnconfirmedChoice = z.infer<typeof resolveUnconfirmedSchema>;
