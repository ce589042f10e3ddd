import { z } from "zod";
import { TZDate } from "@date-fns/tz";
import { formatUkDate, isIsoDate, receiptDate } from "@/lib/deadlines";
import { classifyAttachment, cleanFilename, MAX_ATTACHMENT_BYTES } from "@/lib/messages/attachment-types";

export { MAX_ATTACHMENT_BYTES } from "@/lib/messages/attachment-types";

/** At most this many files attached by hand to one message. */
export const MAX_ATTACHMENTS = 10;
/** An .eml carrying one 25 MB attachment is about 34 MB once base64-encoded. */
export const MAX_EML_BYTES = 40 * 1024 * 1024;
/**
 * Everything one form submission may upload (.eml plus attachments). Next.js's Server
 * Action body limit (next.config.js experimental.serverActions.bodySizeLimit) must be
 * above this, with room for the form's text and multipart framing: "60mb".
 */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_BODY_TEXT_CHARS = 200_000;
/** Nothing under FOIA 2000 or EIR could be older; catches a mistyped year. */
const EARLIEST_DATE = "2000-01-01";
/** Email Date headers and typed times may run a little ahead of our clock. */
const CLOCK_SKEW_MS = 5 * 60_000;

export const MESSAGE_DIRECTIONS = ["incoming", "outgoing"] as const;
export const MESSAGE_SOURCES = ["paste", "eml"] as const;

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

// PostgreSQL text cannot hold NUL, and it is never meaningful in a letter.
const stripNul = (s: string) => s.replace(/\u0000/g, "");

const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (typeof v === "string" ? stripNul(v).trim() || undefined : v ?? undefined), z.string().max(max, message).optional());

/**
 * A browser sends an empty, nameless file for a file input left empty; Next.js's Server
 * Action decoder names it "undefined". Neither is a file the user chose.
 */
const isChosenFile = (v: unknown): v is File => v instanceof Blob && typeof (v as File).name === "string" && !(v.size === 0 && ((v as File).name === "" || (v as File).name === "undefined"));
const fileSchema = z.custom<File>((v) => v instanceof Blob && typeof (v as File).name === "string", "Choose a file.");

export interface CheckedAttachment {
  file: File;
  filename: string;
  contentType: string;
}

const attachmentsSchema = z
  .preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]).filter(isChosenFile), z.array(fileSchema).max(MAX_ATTACHMENTS, `Attach at most ${MAX_ATTACHMENTS} files to one message.`))
  .transform((files, ctx): CheckedAttachment[] => {
    const checked: CheckedAttachment[] = [];
    for (const file of files) {
      const filename = cleanFilename(file.name);
      if (file.size === 0) {
        ctx.addIssue({ code: "custom", message: `“${filename}” is empty.` });
        continue;
      }
      if (file.size > MAX_ATTACHMENT_BYTES) {
        ctx.addIssue({ code: "custom", message: `“${filename}” is ${formatMegabytes(file.size)}; each file can be at most ${formatMegabytes(MAX_ATTACHMENT_BYTES)}.` });
        continue;
      }
      const kind = classifyAttachment(filename, file.type);
      if (!kind.ok) {
        ctx.addIssue({ code: "custom", message: kind.reason });
        continue;
      }
      checked.push({ file, filename, contentType: kind.contentType });
    }
    return checked;
  });

export interface SentAt {
  /** The instant stored in Message.sentAt. */
  instant: Date;
  /** Its Europe/London calendar date, YYYY-MM-DD. */
  date: string;
  /** False when only a date was given. */
  hasTime: boolean;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * A date typed in the UK (and an optional time) as an instant. Without a time we store
 * 12:00 London: noon is the same calendar date in UTC all year round, so even code that
 * reads the date in UTC by mistake gets the date the user typed.
 */
export function londonInstant(date: string, time?: string): SentAt {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = time ? TIME.exec(time) : null;
  const instant = new TZDate(y, m - 1, d, t ? Number(t[1]) : 12, t ? Number(t[2]) : 0, 0, 0, "Europe/London");
  return { instant: new Date(instant.getTime()), date, hasTime: Boolean(t) };
}

const sentAtFields = {
  sentAt: z
    .string("Enter the date the message was sent.")
    .trim()
    .min(1, "Enter the date the message was sent.")
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as YYYY-MM-DD, for example 2021-08-31.")
    .refine(isIsoDate, "That date does not exist. Check the day and month.")
    .refine((d) => d >= EARLIEST_DATE, "That date is before the FOI Act; check the year."),
  sentTime: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || undefined : v ?? undefined),
    z.string().regex(TIME, "Enter the time as HH:MM on the 24-hour clock, for example 14:05, or leave it empty.").optional(),
  ),
};

/** Just the pasted date and time, as an instant. */
export const sentAtFieldsSchema = z.object(sentAtFields).transform(({ sentAt, sentTime }) => londonInstant(sentAt, sentTime));

const pasteSchema = z
  .object({
    requestId: z.string().trim().min(1, "Choose a request."),
    direction: z.enum(MESSAGE_DIRECTIONS, "Choose whether the message was received or sent."),
    source: z.literal("paste"),
    fromName: optionalText(200, "Keep the sender's name under 200 characters."),
    subject: optionalText(300, "Keep the subject under 300 characters."),
    ...sentAtFields,
    bodyText: z.preprocess(
      (v) => (typeof v === "string" ? stripNul(v).replace(/\r\n?/g, "\n") : v),
      z
        .string("Paste the text of the message.")
        .refine((s) => s.trim().length > 0, "Paste the text of the message.")
        .refine((s) => s.length <= MAX_BODY_TEXT_CHARS, `The text is too long: at most ${MAX_BODY_TEXT_CHARS.toLocaleString("en-GB")} characters. Upload the .eml file or attach the rest as a document.`),
    ),
    attachments: attachmentsSchema,
  })
  .transform(({ sentAt, sentTime, ...rest }) => ({ ...rest, sentAt: londonInstant(sentAt, sentTime) }));

const emlSchema = z.object({
  requestId: z.string().trim().min(1, "Choose a request."),
  direction: z.enum(MESSAGE_DIRECTIONS, "Choose whether the message was received or sent."),
  source: z.literal("eml"),
  eml: z.preprocess(
    (v) => (isChosenFile(v) ? v : undefined),
    fileSchema
      .optional()
      .refine((f) => f !== undefined, "Choose the .eml file to upload.")
      .refine((f) => !f || f.size <= MAX_EML_BYTES, `The .eml file can be at most ${formatMegabytes(MAX_EML_BYTES)}.`)
      .refine((f) => !f || f.size > 0, "The .eml file is empty."),
  ),
  attachments: attachmentsSchema,
});

/**
 * The "add a message" form: pasted text, or an .eml file as saved by a mail program;
 * either way with attachments. Its output carries the files unread: the service reads
 * them only once everything else has passed.
 */
export const addMessageSchema = z
  .discriminatedUnion("source", [pasteSchema, emlSchema], { error: "Choose whether to paste the text or upload an .eml file." })
  .superRefine((input, ctx) => {
    const total = ("eml" in input && input.eml ? input.eml.size : 0) + input.attachments.reduce((sum, a) => sum + a.file.size, 0);
    if (total > MAX_UPLOAD_BYTES) {
      ctx.addIssue({ code: "custom", path: ["attachments"], message: `Together the files are ${formatMegabytes(total)}; one message can bring at most ${formatMegabytes(MAX_UPLOAD_BYTES)}. Add the rest as a second message.` });
    }
  });
export type AddMessageData = z.output<typeof addMessageSchema>;

/** What the form sends (every field as typed, unchecked); addMessage parses it with addMessageSchema. */
export interface AddMessageFields {
  requestId: string;
  direction?: string;
  source?: string;
  fromName?: string;
  subject?: string;
  sentAt?: string;
  sentTime?: string;
  bodyText?: string;
  eml?: File | string;
  attachments?: Array<File | string>;
}

/**
 * Why a message's date cannot be right, or null: in the future (London's today, with a
 * few minutes' grace for clocks), or on a date before the request was sent. Compared as
 * London calendar dates, so a reply logged without a time on the day the request went
 * out is accepted.
 */
export function sentAtProblem(sentAt: SentAt, context: { now: Date; requestSentAt: Date | null }): string | null {
  const today = receiptDate(context.now);
  if (sentAt.date > today) return `That date is in the future: today is ${formatUkDate(today)}.`;
  if (sentAt.hasTime && sentAt.instant.getTime() > context.now.getTime() + CLOCK_SKEW_MS) return "That time is later than now.";
  if (context.requestSentAt) {
    const requestSent = receiptDate(context.requestSentAt);
    if (sentAt.date < requestSent) return `That is before the request was sent, on ${formatUkDate(requestSent)}. Check the date.`;
  }
  return null;
}
