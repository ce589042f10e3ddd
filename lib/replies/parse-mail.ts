import "server-only";
import crypto from "node:crypto";
import { simpleParser, type AddressObject, type HeaderValue, type ParsedMail } from "mailparser";
import { now } from "@/lib/time";
import type { BounceReport, IncomingAttachment, IncomingReply } from "@/lib/replies/types";
import { bareMessageId, messageIdsIn } from "@/lib/replies/tokens";

// A raw email (RFC 5322, as an IMAP server or an SMTP client hands it over) to what the reply
// pipeline files. Never throws on a malformed message: whatever can be read is kept, so a
// body's reply is never lost because its MIME is broken.

function addresses(value: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value);
}

function headerText(value: HeaderValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(String).join(" ");
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && "value" in value && typeof value.value === "string") return value.value;
  return String(value);
}

/** Auto-Submitted (RFC 3834), and the headers Exchange and other servers add to their automatic answers. */
function isAutomatic(mail: ParsedMail): boolean {
  const auto = headerText(mail.headers.get("auto-submitted"))?.trim().toLowerCase();
  if (auto && auto !== "no") return true;
  if (mail.headers.has("x-autoreply") || mail.headers.has("x-autorespond") || mail.headers.has("x-autoresponder")) return true;
  const precedence = headerText(mail.headers.get("precedence"))?.trim().toLowerCase();
  return precedence === "auto_reply" || precedence === "bulk" || precedence === "junk";
}

const BOUNCE_SENDER = /^(mailer-daemon|postmaster|mail-daemon|mailer|bounces?)@/i;
const BOUNCE_SUBJECT = /^(undeliverable|undelivered mail returned to sender|delivery status notification \(failure\)|mail delivery (failed|failure|system)|returned mail|delivery failure|failure notice|non[- ]?delivery)/i;
const ENHANCED_STATUS = /\b([45]\.\d{1,3}\.\d{1,3})\b/;

/** The fields of a message/delivery-status part ("Final-Recipient: rfc822; a@b"). */
function statusFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.replace(/\r\n?/g, "\n").replace(/\n[ \t]+/g, " ").split("\n")) {
    const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (m && !fields.has(m[1]!.toLowerCase())) fields.set(m[1]!.toLowerCase(), m[2]!.trim());
  }
  return fields;
}

/**
 * A delivery status notification about a message that failed (a delay is not a failure): the
 * original Message-ID, the refused address and the server's words, from the report's
 * message/delivery-status part when there is one (Postfix, Exchange), else from its text.
 */
function bounceOf(mail: ParsedMail, raw: string): BounceReport | undefined {
  const contentType = headerText(mail.headers.get("content-type")) ?? "";
  const report = /multipart\/report/i.test(raw.slice(0, 20_000)) || /report-type\s*=\s*"?delivery-status/i.test(contentType);
  const from = addresses(mail.from)[0]?.address ?? "";
  const looksLike = report || BOUNCE_SENDER.test(from) || BOUNCE_SUBJECT.test(mail.subject ?? "");
  if (!looksLike) return undefined;
  const statusPart = mail.attachments.find((a) => /message\/(global-)?delivery-status/i.test(a.contentType));
  const text = mail.text ?? "";
  // mailparser shows a message/delivery-status part inline in the text as often as it keeps it apart.
  const fields = statusFields(statusPart ? statusPart.content.toString("utf8") : text);
  const action = fields.get("action")?.toLowerCase();
  if (action && action !== "failed") return undefined;
  if (!statusPart && !ENHANCED_STATUS.test(text) && !/\b(could not be delivered|wasn't delivered|was not delivered|undeliverable|delivery has failed|permanent(ly)? (error|fail))/i.test(text)) return undefined;
  const original = mail.attachments.find((a) => /message\/rfc822|text\/rfc822-headers|message\/global-headers/i.test(a.contentType));
  const originalId = original ? /^message-id:\s*(<[^>\r\n]+>)/im.exec(original.content.toString("utf8"))?.[1] : /^\s*message-id:\s*(<[^>\r\n]+>)/im.exec(text)?.[1];
  const recipient = (fields.get("final-recipient") ?? fields.get("original-recipient"))?.replace(/^[a-z0-9-]+;\s*/i, "") ?? /<([^<>\s]+@[^<>\s]+)>/.exec(text)?.[1];
  const diagnostic = fields.get("diagnostic-code")?.replace(/^smtp;\s*/i, "");
  const status = fields.get("status");
  const textReason = text.split("\n").map((l) => l.trim()).find((l) => ENHANCED_STATUS.test(l) || /\b(user unknown|mailbox unavailable|does not exist|couldn't be found|no such user|recipient.*rejected)\b/i.test(l));
  const reason = (diagnostic ?? textReason ?? (status ? `Status ${status}` : "The receiving mail server gave no reason.")).slice(0, 900);
  return { ...(originalId ? { originalMessageId: bareMessageId(originalId) } : {}), ...(recipient ? { recipient: recipient.trim() } : {}), reason };
}

/** Parts of a delivery report that are the report itself, not something the body sent. */
const REPORT_PARTS = /^(message\/(global-)?delivery-status|text\/rfc822-headers|message\/global-headers|message\/rfc822)$/i;

/** The words of an HTML email, for one that has no text part (Outlook often sends HTML only). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(head|style|script|title)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote|table)\s*>/gi, "\n\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/gi, " ")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&(lt|gt|quot|apos|pound|amp);/gi, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", pound: "£", amp: "&" })[e.toLowerCase()] ?? "")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The body after the headers, as it is: for a message whose MIME structure could not be read. */
function rawBody(raw: Buffer): string {
  const text = raw.subarray(0, 2_000_000).toString("utf8");
  const end = text.search(/\r?\n\r?\n/);
  return end >= 0 ? text.slice(end).trim() : "";
}

/** Reads one raw message for the pipeline; `receivedAt` stands in for a missing or impossible Date header. */
export async function parseIncomingMail(raw: Buffer, source: "imap" | "smtp", receivedAt: Date = now()): Promise<IncomingReply> {
  const contentHash = crypto.createHash("sha256").update(raw).digest("hex");
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { keepCidLinks: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true, maxHtmlLengthToParse: 2_000_000 });
  } catch {
    // Not parseable at all: kept as text, so a person can still read it.
    return { source, sourceKey: `sha256:${contentHash}`, contentHash, sentAt: receivedAt, text: raw.toString("latin1").slice(0, 200_000) };
  }
  const from = addresses(mail.from)[0];
  const messageId = mail.messageId ? bareMessageId(mail.messageId) : "";
  const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : receivedAt;
  const references = messageIdsIn(Array.isArray(mail.references) ? mail.references : [mail.references]);
  const bounce = bounceOf(mail, raw.subarray(0, 20_000).toString("latin1"));
  const attachments: IncomingAttachment[] = mail.attachments
    .filter((a) => !(bounce && REPORT_PARTS.test(a.contentType)))
    .map((a, i) => ({ filename: a.filename ?? `attachment-${i + 1}`, contentType: a.contentType || "application/octet-stream", data: a.content }));
  const to = addresses(mail.to).map((a) => a.address).filter(Boolean).join(", ");
  return {
    source,
    sourceKey: messageId && messageId.length <= 900 ? messageId : `sha256:${contentHash}`,
    contentHash,
    ...(from?.name ? { fromName: from.name.trim() } : {}),
    ...(from?.address ? { fromAddress: from.address.trim() } : {}),
    ...(to ? { toAddress: to } : {}),
    ...(mail.subject ? { subject: mail.subject.replace(/\s+/g, " ").trim() } : {}),
    sentAt: date,
    text: mail.text?.trim() ? mail.text : typeof mail.html === "string" && mail.html.trim() ? htmlToText(mail.html) : mail.attachments.length === 0 ? rawBody(raw) : "",
    ...(typeof mail.html === "string" && mail.html.trim() ? { html: mail.html } : {}),
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    ...(references.length ? { references: references.map((r) => `<${r}>`) } : {}),
    autoSubmitted: isAutomatic(mail),
    attachments,
    ...(bounce ? { bounce } : {}),
  };
}
