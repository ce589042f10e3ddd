import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { db, Prisma } from "@/lib/db/client";
import { newRowId } from "@/lib/db/row-id";
import { NotFoundError } from "@/lib/auth/errors";
import { now } from "@/lib/time";
import { classifyAttachment, cleanFilename, MAX_ATTACHMENT_BYTES, UNKNOWN_CONTENT_TYPE } from "@/lib/messages/attachment-types";
import { MAX_BODY_TEXT_CHARS } from "@/lib/messages/schemas";
import { sanitiseEmailHtml } from "@/lib/messages/sanitise-html";
import { receiptDate } from "@/lib/deadlines/receipt-date";
import { arrivalAlert } from "@/lib/replies/alerts";
import { matchReply, type MatchedBy } from "@/lib/replies/match";
import { foiTokens, messageIdsIn } from "@/lib/replies/tokens";
import { suggestEvent } from "@/lib/replies/suggest-event";
import { readSuggestion, type Suggestion } from "@/lib/replies/suggestion";
import type { IncomingReply } from "@/lib/replies/types";

export type FileReplyResult = { messageId: string; requestId: string | null; created: boolean; suggestion: Suggestion | null };

/** Above this the formatted version is not kept (the text is the record), as for uploaded .eml files. */
const MAX_HTML_CHARS = 1_000_000;
/** An email with more parts than this is not correspondence; the rest are listed, not kept. */
const MAX_ATTACHMENTS = 50;

const replySchema = z.object({
  source: z.enum(["imap", "smtp", "whatdotheyknow"]),
  sourceKey: z.string().trim().min(1).max(1000),
  requestId: z.string().min(1).optional(),
  sentAt: z.date(),
  text: z.string(),
});

const clip = (value: string | undefined | null, max: number) => {
  const cleaned = value?.replace(/\u0000/g, "").trim();
  return cleaned ? Array.from(cleaned).slice(0, max).join("") : null;
};

interface PreparedFile {
  filename: string;
  contentType: string;
  data: Uint8Array<ArrayBuffer>;
  size: number;
  sha256: string;
}

/** The files kept with the message, and a line for each one left out (too big, too many), so a person knows. */
function prepareAttachments(reply: IncomingReply): { files: PreparedFile[]; leftOut: string[] } {
  const files: PreparedFile[] = [];
  const leftOut: string[] = [];
  for (const [i, a] of (reply.attachments ?? []).entries()) {
    const filename = cleanFilename(a.filename, `attachment-${i + 1}`);
    if (files.length >= MAX_ATTACHMENTS) {
      leftOut.push(`“${filename}” was not kept: a message keeps at most ${MAX_ATTACHMENTS} attachments.`);
      continue;
    }
    if (a.data.length > MAX_ATTACHMENT_BYTES) {
      leftOut.push(`“${filename}” (${(a.data.length / 1024 / 1024).toFixed(1)} MB) was not kept: each file can be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
      continue;
    }
    // Kept whatever its type (as with an uploaded .eml): a type we do not recognise is stored as
    // bare bytes and can only ever be downloaded.
    const kind = classifyAttachment(filename, a.contentType);
    const data = new Uint8Array(a.data.byteLength);
    data.set(a.data);
    files.push({ filename, contentType: kind.ok ? kind.contentType : UNKNOWN_CONTENT_TYPE, data, size: data.length, sha256: crypto.createHash("sha256").update(data).digest("hex") });
  }
  return { files, leftOut };
}

/** The letter of this workspace a delivery failure report is about, found by its Message-ID. */
async function bouncedLetter(tx: Pick<Prisma.TransactionClient, "delivery">, workspaceId: string, reply: IncomingReply) {
  const ids = messageIdsIn([reply.bounce?.originalMessageId, reply.inReplyTo, ...(reply.references ?? [])]);
  const byId = ids.length
    ? await tx.delivery.findFirst({
        where: { workspaceId, messageId: { in: ids.map((id) => `<${id}>`) }, requestId: { not: null }, request: { deletedAt: null } },
        select: { id: true, requestId: true },
      })
    : null;
  // Some servers quote only the headers they like: this workspace's token in the returned
  // subject and the address that refused it name the letter just as surely.
  const tokens = foiTokens(reply.subject);
  const recipient = reply.bounce?.recipient?.trim();
  const byToken =
    !byId && tokens.length === 1 && recipient
      ? await tx.delivery.findFirst({
          where: { workspaceId, toAddress: { equals: recipient, mode: "insensitive" }, request: { workspaceId, reference: tokens[0], deletedAt: null } },
          orderBy: { createdAt: "desc" },
          select: { id: true, requestId: true },
        })
      : null;
  const delivery = byId ?? byToken;
  return delivery?.requestId ? { deliveryId: delivery.id, requestId: delivery.requestId } : null;
}

/** A date the message can be filed under: its own, unless it is missing or in the future (a sender's clock). */
function trustworthyDate(sentAt: Date): Date {
  const at = now();
  if (Number.isNaN(sentAt.getTime()) || sentAt.getTime() > at.getTime() + 60 * 60_000) return at;
  return sentAt;
}

/**
 * Files one incoming message: stores it once (a second call with the same workspace, source
 * and sourceKey, even at the same moment, stores nothing and returns the first), with its
 * sanitised HTML and its attachments within the limits; matches it to a request of this
 * workspace (unless the source already knows the request, which must be this workspace's);
 * and suggests what it means, for a person to confirm (none for an auto-reply or a bounce).
 * The writes commit together, in one transaction. It records no timeline event and never changes a clock.
 */
export async function fileReply(workspaceId: string, reply: IncomingReply): Promise<FileReplyResult> {
  replySchema.parse(reply);
  const sentAt = trustworthyDate(reply.sentAt);
  const { files, leftOut } = prepareAttachments(reply);
  let text = reply.text.replace(/\u0000/g, "").replace(/\r\n?/g, "\n");
  if (text.length > MAX_BODY_TEXT_CHARS) text = `${text.slice(0, MAX_BODY_TEXT_CHARS - 200)}\n\n[The rest of this message was not kept: it was longer than ${MAX_BODY_TEXT_CHARS.toLocaleString("en-GB")} characters.]`;
  if (leftOut.length) text = `${text}\n\n${leftOut.map((l) => `[${l}]`).join("\n")}`;
  const html = reply.html && reply.html.length <= MAX_HTML_CHARS ? sanitiseEmailHtml(reply.html.replace(/\u0000/g, "")) || null : null;
  const contentHash =
    reply.contentHash ?? crypto.createHash("sha256").update([reply.fromAddress ?? "", reply.subject ?? "", reply.sentAt.toISOString?.() ?? "", reply.text].join("\n")).digest("hex");

  const key = { workspaceId_source_sourceKey: { workspaceId, source: reply.source, sourceKey: reply.sourceKey } };
  const firstFiling = async (): Promise<FileReplyResult> => {
    const first = await db.message.findUniqueOrThrow({ where: key, select: { id: true, requestId: true, suggestion: true } });
    return { messageId: first.id, requestId: first.requestId, created: false, suggestion: readSuggestion(first.suggestion) };
  };
  // Reads first, outside the transaction: matching looks only at committed letters and requests.
  if (await db.message.findUnique({ where: key, select: { id: true } })) return firstFiling();

  let requestId: string | null = null;
  let matchedBy: MatchedBy | "source" | null = null;
  const bounced = reply.bounce ? await bouncedLetter(db, workspaceId, reply) : null;
  if (bounced) {
    [requestId, matchedBy] = [bounced.requestId, "in_reply_to"];
  } else if (reply.requestId) {
    const known = await db.foiRequest.findFirst({ where: { id: reply.requestId, workspaceId, deletedAt: null }, select: { id: true } });
    if (!known) throw new NotFoundError("That request is not in this workspace.");
    [requestId, matchedBy] = [known.id, "source"];
  } else {
    const match = await matchReply(db, workspaceId, reply);
    if (match.requestId !== null) [requestId, matchedBy] = [match.requestId, match.matchedBy];
  }
  const law = requestId ? ((await db.foiRequest.findUnique({ where: { id: requestId }, select: { law: true } }))?.law ?? "foia") : "foia";
  const suggestion = reply.autoSubmitted || reply.bounce ? null : suggestEvent({ subject: reply.subject, text: reply.text, law, sentAt });

  const id = newRowId("m");
  const on = receiptDate(sentAt);
  // The writes, in one transaction of a few statements (no round trips in between). ON CONFLICT
  // DO NOTHING: a second filing of the same message at this moment waits for the first to
  // commit, then inserts nothing; what follows the insert only happens if this message's row
  // exists (its attachments refer to it, the alert checks for it).
  const writes: Prisma.PrismaPromise<unknown>[] = [
    db.message.createMany({
      data: [
        {
          id,
          workspaceId,
          requestId,
          direction: "incoming",
          fromName: clip(reply.fromName, 200),
          fromAddress: clip(reply.fromAddress, 320),
          toAddress: clip(reply.toAddress, 2000),
          subject: clip(reply.subject, 300),
          sentAt,
          bodyText: text,
          bodyHtml: html,
          source: reply.source,
          sourceKey: reply.sourceKey,
          contentHash,
          externalUrl: clip(reply.externalUrl, 2000),
          externalAttachments: reply.externalAttachments?.length ? reply.externalAttachments.slice(0, 100) : Prisma.DbNull,
          matchedBy,
          suggestion: suggestion ?? Prisma.DbNull,
          review: suggestion ? "pending" : "none",
        },
      ],
      skipDuplicates: true,
    }),
  ];
  if (files.length) {
    writes.push(db.attachment.createMany({ data: files.map((f) => ({ workspaceId, messageId: id, filename: f.filename, contentType: f.contentType, size: f.size, sha256: f.sha256, data: f.data })) }));
  }
  if (bounced) {
    // Our letter did not arrive: the outbox row says so, with the server's reason, and a
    // person sees it on the batch page ("Send again" once the address is fixed).
    writes.push(
      db.delivery.updateMany({
        where: { id: bounced.deliveryId, state: { in: ["sent", "unconfirmed", "sending"] } },
        data: { state: "failed", lastError: `Came back undelivered: ${(reply.bounce?.reason ?? "no reason given").slice(0, 900)}` },
      }),
    );
  }
  if (requestId && (bounced || !reply.autoSubmitted)) writes.push(arrivalAlert({ workspaceId, requestId, kind: bounced ? "letter_bounced" : "reply_received", on, messageId: id }));
  try {
    const [inserted] = (await db.$transaction(writes)) as [{ count: number }];
    if (inserted.count === 0) return firstFiling();
  } catch (error) {
    // The same message filed at this moment by another worker: its attachments referred to a
    // row that was never inserted, so this transaction rolled back; the first one stands.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") return firstFiling();
    throw error;
  }
  return { messageId: id, requestId, created: true, suggestion };
}
