// Reading a WhatDoTheyKnow request: its JSON and its page. Pure (text in, data out).
//
// The JSON at /request/<url_title>.json is InfoRequest#json_for_api(true) (app/models/info_request.rb
// in github.com/mysociety/alaveteli): id, url_title, title, created_at, updated_at, described_state,
// display_status, awaiting_description, prominence, law_used, tags, user (or user_name),
// public_body (PublicBody#json_for_api: id, url_name, name, short_name, ...), and
// info_request_events, each InfoRequestEvent#json_for_api(false): id, event_type, created_at,
// described_state, calculated_state, last_described_at, incoming_message_id,
// outgoing_message_id, comment_id (and display_status on messages). The JSON has no message
// text: that is on the request's page, where each message is a
// <div class="incoming correspondence ..." id="incoming-<id>"> (or "outgoing ... id="outgoing-<id>")
// with its date in a <time datetime> and, for replies, the attachments' download links
// /request/<url_title>/response/<incoming_message_id>/attach/<part>/<file name>
// (request/_incoming_correspondence, _outgoing_correspondence and _attachments.html.erb;
// routes in config/routes.rb).
import { z } from "zod";
import { htmlToText } from "@/lib/whatdotheyknow/addresses";

const stamp = z.string().min(10);
const idNumber = z.number().int().nonnegative();

export const wdtkEventSchema = z.object({
  id: idNumber,
  event_type: z.string(),
  created_at: stamp,
  described_state: z.string().nullable().optional(),
  calculated_state: z.string().nullable().optional(),
  incoming_message_id: idNumber.nullable().optional(),
  outgoing_message_id: idNumber.nullable().optional(),
  display_status: z.string().nullable().optional(),
});
export type WdtkEvent = z.infer<typeof wdtkEventSchema>;

export const wdtkRequestSchema = z.object({
  id: idNumber,
  url_title: z.string().min(1),
  title: z.string(),
  created_at: stamp,
  updated_at: stamp,
  described_state: z.string(),
  display_status: z.string().optional(),
  awaiting_description: z.boolean().optional(),
  prominence: z.string().optional(),
  law_used: z.string().optional(),
  user: z.object({ name: z.string().nullable().optional(), url_name: z.string().nullable().optional() }).nullable().optional(),
  user_name: z.string().nullable().optional(),
  public_body: z.object({ id: idNumber, url_name: z.string(), name: z.string(), short_name: z.string().nullable().optional() }),
  info_request_events: z.array(wdtkEventSchema),
});
export type WdtkRequest = z.infer<typeof wdtkRequestSchema>;

export class WdtkFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WdtkFormatError";
  }
}

/** The request's JSON, checked; a malformed document is refused with what was wrong. */
export function parseRequestJson(text: string): WdtkRequest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new WdtkFormatError(`WhatDoTheyKnow did not send JSON (${(error as Error).message}).`);
  }
  const parsed = wdtkRequestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WdtkFormatError(`WhatDoTheyKnow's request JSON is not in the expected shape (${issue?.path.join(".") || "document"}: ${issue?.message ?? "invalid"}).`);
  }
  return parsed.data;
}

export interface PageMessage {
  fromName: string | null;
  /** From the message's <time datetime> (the date the site shows). */
  sentAt: string | null;
  text: string;
  attachments: Array<{ filename: string; url: string }>;
}

/** HTML to text keeping its lines (paragraphs and <br>). */
function htmlToLines(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>\s*/gi, "\n\n")
    .split("\n")
    .map((line) => htmlToText(line))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The messages on a request's page, by "incoming-<id>" / "outgoing-<id>". */
export function parseRequestPage(html: string, origin: string): Map<string, PageMessage> {
  const messages = new Map<string, PageMessage>();
  const starts = [...html.matchAll(/<div class="(incoming|outgoing) correspondence[^"]*"[^>]*id="((?:incoming|outgoing)-\d+)"/g)];
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].index : html.length;
    const block = html.slice(start.index, end);
    const author = /class="correspondence__header__author[^"]*">([\s\S]*?)<\/span>/.exec(block);
    const time = /<time[^>]*datetime="([^"]+)"/.exec(block);
    const attachments: PageMessage["attachments"] = [];
    for (const li of block.matchAll(/<li class="attachment"[^>]*>([\s\S]*?)<\/li>/g)) {
      const href = /href="([^"]*\/response\/\d+\/attach\/\d+[^"]*)"/.exec(li[1]);
      const name = /class="attachment__name">([\s\S]*?)<\/p>/.exec(li[1]);
      if (!href) continue;
      const url = href[1].replace(/&amp;/g, "&");
      attachments.push({ filename: name ? htmlToText(name[1]) : decodeURIComponent(url.split("/").pop() ?? "attachment"), url: url.startsWith("/") ? `${origin}${url}` : url });
    }
    const textStart = block.indexOf('class="correspondence_text"');
    let body = textStart >= 0 ? block.slice(block.indexOf(">", textStart) + 1) : "";
    body = body.split(/<p class="event_actions"/)[0];
    // The attachments list is not part of the message's words.
    body = body.replace(/<div class="attachments">[\s\S]*?<\/ul>[\s\S]*?<\/div>/, "");
    messages.set(start[2], {
      fromName: author ? htmlToText(author[1]).replace(/,$/, "").trim() || null : null,
      sentAt: time ? time[1] : null,
      text: htmlToLines(body),
      attachments,
    });
  });
  return messages;
}
