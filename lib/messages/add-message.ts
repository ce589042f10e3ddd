import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { now } from "@/lib/time";
import { receiptDate } from "@/lib/deadlines";
import { classifyAttachment, MAX_ATTACHMENT_BYTES, UNKNOWN_CONTENT_TYPE } from "@/lib/messages/attachment-types";
import { EmlParseError, parseEml } from "@/lib/messages/parse-eml";
import { sanitiseEmailHtml } from "@/lib/messages/sanitise-html";
import { addMessageSchema, formatMegabytes, sentAtFieldsSchema, MAX_BODY_TEXT_CHARS, sentAtProblem, type AddMessageFields, type SentAt } from "@/lib/messages/schemas";

export type FieldErrors = Record<string, string[]>;
export type AddMessageResult = { ok: true; messageId: string } | { ok: false; fieldErrors: FieldErrors };

/** Above this the formatted version is not kept (the text is the record). Sanitised Outlook HTML is far smaller. */
const MAX_HTML_CHARS = 1_000_000;
/** An email with more parts than this is not correspondence. */
const MAX_EML_ATTACHMENTS = 50;

interface FileToStore {
  filename: string;
  contentType: string;
  data: Uint8Array<ArrayBuffer>;
}

const refuse = (field: string, message: string): AddMessageResult => ({ ok: false, fieldErrors: { [field]: [message] } });
const clip = (value: string | null, max: number) => (value === null ? null : Array.from(value).slice(0, max).join("") || null);
const stripNul = (s: string) => s.replace(/\u0000/g, "");

/** The pasted date and time on their own, when they are valid. */
function pastedSentAt(input: AddMessageFields): SentAt | null {
  if (input.source !== "paste") return null;
  const parsed = sentAtFieldsSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}

/**
 * Logs a message received or sent on a request: pasted text, or an .eml file with its
 * attachments. Everything is checked before anything is written, and the message, its
 * files and the audit entry commit together or not at all. It records no timeline
 * event: the user says separately what the message was (an acknowledgement, a response).
 */
export async function addMessage(actor: Actor, input: AddMessageFields): Promise<AddMessageResult> {
  await requireRole(actor, "editor");
  // Looked up first: another workspace's request is "not found" however the form was filled.
  const request = await db.foiRequest.findFirst({
    where: { id: typeof input.requestId === "string" ? input.requestId.trim() : "", workspaceId: actor.workspaceId, deletedAt: null },
    select: { id: true, sentAt: true },
  });
  if (!request) throw new NotFoundError("That request is not in this workspace.");

  const parsed = addMessageSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as FieldErrors;
    // So that a wrong date is reported with the other mistakes, not after they are fixed.
    const pastedDate = pastedSentAt(input);
    const problem = !fieldErrors.sentAt && !fieldErrors.sentTime && pastedDate ? sentAtProblem(pastedDate, { now: now(), requestSentAt: request.sentAt }) : null;
    return { ok: false, fieldErrors: problem ? { ...fieldErrors, sentAt: [problem] } : fieldErrors };
  }
  const data = parsed.data;

  let message: { fromName: string | null; fromAddress: string | null; toAddress: string | null; subject: string | null; sentAt: SentAt; bodyText: string; bodyHtml: string | null };
  const files: FileToStore[] = [];
  const dateField = data.source === "paste" ? "sentAt" : "eml";

  if (data.source === "paste") {
    message = { fromName: data.fromName ?? null, fromAddress: null, toAddress: null, subject: data.subject ?? null, sentAt: data.sentAt, bodyText: data.bodyText, bodyHtml: null };
  } else {
    let email;
    try {
      email = await parseEml(Buffer.from(await data.eml!.arrayBuffer()));
    } catch (error) {
      if (error instanceof EmlParseError) return refuse("eml", error.message);
      throw error;
    }
    if (!email.date) return refuse("eml", "This email has no date (no Date header), so we cannot tell when it was sent. Paste its text and enter the date instead.");
    if (email.text.length > MAX_BODY_TEXT_CHARS) return refuse("eml", `The email's text is longer than ${MAX_BODY_TEXT_CHARS.toLocaleString("en-GB")} characters; attach the long part as a document instead.`);
    if (email.attachments.length + data.attachments.length > MAX_EML_ATTACHMENTS) return refuse("eml", `This email has more than ${MAX_EML_ATTACHMENTS} attachments.`);
    for (const part of email.attachments) {
      if (part.size > MAX_ATTACHMENT_BYTES) return refuse("eml", `The email's attachment “${part.filename}” is ${formatMegabytes(part.size)}; each file can be at most ${formatMegabytes(MAX_ATTACHMENT_BYTES)}.`);
      // Kept whatever its type, so a real reply can always be logged; a type we do not
      // recognise is stored as bare bytes and can only ever be downloaded.
      const kind = classifyAttachment(part.filename, part.contentType);
      files.push({ filename: part.filename, contentType: kind.ok ? kind.contentType : UNKNOWN_CONTENT_TYPE, data: new Uint8Array(part.content) });
    }
    const html = email.html && email.html.length <= MAX_HTML_CHARS ? email.html : null;
    message = {
      fromName: clip(email.fromName && stripNul(email.fromName), 200),
      fromAddress: clip(email.fromAddress && stripNul(email.fromAddress), 320),
      toAddress: clip(email.to && stripNul(email.to), 2000),
      subject: clip(email.subject && stripNul(email.subject), 300),
      sentAt: { instant: email.date, date: receiptDate(email.date), hasTime: true },
      bodyText: stripNul(email.text).replace(/\r\n?/g, "\n"),
      bodyHtml: html && stripNul(html),
    };
  }

  const problem = sentAtProblem(message.sentAt, { now: now(), requestSentAt: request.sentAt });
  if (problem) return refuse(dateField, data.source === "eml" ? `The email's date: ${problem}` : problem);

  for (const a of data.attachments) files.push({ filename: a.filename, contentType: a.contentType, data: new Uint8Array(await a.file.arrayBuffer()) });
  const stored = files.map((f) => ({ ...f, size: f.data.length, sha256: crypto.createHash("sha256").update(f.data).digest("hex") }));

  // Up to 50 MB of bytes goes over the wire inside the transaction: more than Prisma's 5 s default.
  const messageId = await db.$transaction(
    async (tx) => {
      const created = await tx.message.create({
        data: {
          workspaceId: actor.workspaceId,
          requestId: request.id,
          direction: data.direction,
          fromName: message.fromName,
          fromAddress: message.fromAddress,
          toAddress: message.toAddress,
          subject: message.subject,
          sentAt: message.sentAt.instant,
          bodyText: message.bodyText,
          // Sanitised again here, so nothing reaches the column unsanitised whatever the source.
          bodyHtml: message.bodyHtml ? sanitiseEmailHtml(message.bodyHtml) : null,
        },
        select: { id: true },
      });
      for (const f of stored) {
        await tx.attachment.create({
          data: { workspaceId: actor.workspaceId, messageId: created.id, filename: f.filename, contentType: f.contentType, size: f.size, sha256: f.sha256, data: f.data },
          select: { id: true },
        });
      }
      await recordAudit(
        {
          workspaceId: actor.workspaceId,
          userId: actor.userId,
          action: "message.add",
          entity: "Message",
          entityId: created.id,
          data: { requestId: request.id, direction: data.direction, source: data.source, attachments: stored.map((f) => ({ filename: f.filename, size: f.size, sha256: f.sha256 })) },
        },
        tx,
      );
      return created.id;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return { ok: true, messageId };
}
