import "server-only";
import { simpleParser, type AddressObject } from "mailparser";
import { sanitiseEmailHtml } from "@/lib/messages/sanitise-html";
import { cleanFilename, extensionForType } from "@/lib/messages/attachment-types";

export interface ParsedAttachment {
  filename: string;
  /** As the email declared it; lib/messages/attachment-types decides what is stored. */
  contentType: string;
  size: number;
  content: Buffer;
  /** An inline part (an image in a signature); kept as an attachment all the same. */
  inline: boolean;
}

export interface ParsedEmail {
  fromName: string | null;
  fromAddress: string | null;
  to: string | null;
  subject: string | null;
  date: Date | null;
  text: string;
  /** Already sanitised; null when the email had no HTML part. */
  html: string | null;
  attachments: ParsedAttachment[];
}

/** The file is not an email; the message says so in the user's words. */
export class EmlParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmlParseError";
  }
}

const IDENTIFYING_HEADERS = ["from", "to", "subject", "date", "message-id"];

function firstAddress(value: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value)[0];
}

function addressList(value: AddressObject | AddressObject[] | undefined): string | null {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const text = list.map((a) => a.text).filter(Boolean).join(", ");
  return text || null;
}

/** Reads an .eml file (RFC 5322) into what a message stores; the HTML comes back sanitised. */
export async function parseEml(buffer: Buffer): Promise<ParsedEmail> {
  if (buffer.length === 0) throw new EmlParseError("The file is empty.");
  // A NUL in the headers means a binary file (a PDF, a .msg from Outlook) renamed .eml.
  const head = buffer.subarray(0, Math.min(buffer.length, 8192));
  const headerEnd = head.indexOf("\n\n") >= 0 ? head.indexOf("\n\n") : head.indexOf("\r\n\r\n");
  if (head.subarray(0, headerEnd >= 0 ? headerEnd : head.length).includes(0)) {
    throw new EmlParseError("This is not an email file (.eml). Outlook's .msg files are not supported: open the email and use “Save as” .eml, or paste its text.");
  }
  let parsed;
  try {
    // keepCidLinks: leave inline images as attachments rather than inflating the HTML
    // with data: URLs that the sanitiser would drop anyway.
    parsed = await simpleParser(buffer, { keepCidLinks: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  } catch {
    throw new EmlParseError("This file could not be read as an email (.eml). Check it opens in your mail program, or paste its text.");
  }
  if (!IDENTIFYING_HEADERS.some((h) => parsed.headers.has(h))) {
    throw new EmlParseError("This file has no email headers (From, To, Subject, Date), so it is not an .eml file. Paste its text instead.");
  }
  const from = firstAddress(parsed.from);
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null;
  const html = typeof parsed.html === "string" && parsed.html.trim() !== "" ? sanitiseEmailHtml(parsed.html) : null;
  return {
    fromName: from?.name?.trim() || null,
    fromAddress: from?.address?.trim() || null,
    to: addressList(parsed.to),
    subject: parsed.subject?.trim() || null,
    date,
    // mailparser derives text from the HTML when there is no text part.
    text: parsed.text ?? "",
    html: html && html.trim() !== "" ? html : null,
    attachments: parsed.attachments.map((a, i) => ({
      filename: cleanFilename(a.filename ?? "", `attachment-${i + 1}${extensionForType(a.contentType)}`),
      contentType: a.contentType || "application/octet-stream",
      size: a.content.length,
      content: a.content,
      inline: a.contentDisposition === "inline" || Boolean(a.related),
    })),
  };
}
