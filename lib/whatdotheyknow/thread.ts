// A WhatDoTheyKnow request as this app sees it: its messages in and out, and the timeline
// entries WhatDoTheyKnow's classifications make certain. Pure.
import type { EventKind } from "@/lib/deadlines/schemas";
import type { Law, RequestStatus } from "@/lib/generated/prisma";
import { receiptDate } from "@/lib/deadlines";
import type { PageMessage, WdtkRequest } from "@/lib/whatdotheyknow/parse";
import { reviewResultFor, wdtkStateFacts } from "@/lib/whatdotheyknow/states";

export interface ThreadMessage {
  direction: "incoming" | "outgoing";
  /** Stable across fetches: "<host>/incoming/<id>" or "<host>/outgoing/<id>". */
  sourceKey: string;
  sentAt: string;
  fromName: string | null;
  text: string;
  externalUrl: string;
  externalAttachments: Array<{ filename: string; url: string }>;
  /** How the requester classified the request after this message (the event's calculated state). */
  state: string | null;
}

export interface ThreadEvent {
  kind: EventKind;
  /** The instant (ISO) and its UK date. */
  at: string;
  on: string;
  sourceKey: string | null;
  result?: RequestStatus | null;
}

export interface Thread {
  url: string;
  urlTitle: string;
  title: string;
  body: { name: string; urlName: string; shortName: string | null };
  law: Law;
  sentAt: string | null;
  /** WhatDoTheyKnow's status now (calculated: "awaiting classification" while a reply is undescribed). */
  state: string;
  prominence: string;
  messages: ThreadMessage[];
  events: ThreadEvent[];
}

/** law_used is "foi" or "eir" (app/models/legislation.rb); Scottish requests are "foi" too, so FOISA cannot be told apart. */
function lawFor(lawUsed: string | undefined): Law {
  return lawUsed === "eir" ? "eir" : "foia";
}

function messageText(text: string): string {
  return text.trim() || "(no text on WhatDoTheyKnow's page)";
}

/** The request's thread from its JSON and its page (messages not on the page keep an empty text). */
export function buildThread(request: WdtkRequest, page: Map<string, PageMessage>, baseUrl: string): Thread {
  const base = baseUrl.replace(/\/+$/, "");
  const host = new URL(base).host;
  const url = `${base}/request/${request.url_title}`;
  const requester = request.user?.name ?? request.user_name ?? null;
  const messages: ThreadMessage[] = [];
  const events: ThreadEvent[] = [];
  let sentAt: string | null = null;
  // Our timeline's own view while replaying WhatDoTheyKnow's: a follow-up is a clarification only after one was asked for.
  let waitingClarification = false;
  let inReview = false;

  const ordered = [...request.info_request_events].sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id - b.id));
  for (const event of ordered) {
    const state = event.calculated_state ?? event.described_state ?? null;
    const at = new Date(event.created_at).toISOString();
    const push = (kind: EventKind, sourceKey: string | null, result?: RequestStatus | null) => events.push({ kind, at, on: receiptDate(new Date(at)), sourceKey, result });
    if (event.incoming_message_id != null && event.event_type === "response") {
      const anchor = `incoming-${event.incoming_message_id}`;
      const onPage = page.get(anchor);
      const sourceKey = `${host}/incoming/${event.incoming_message_id}`;
      messages.push({
        direction: "incoming",
        sourceKey,
        sentAt: onPage?.sentAt ? new Date(onPage.sentAt).toISOString() : at,
        fromName: onPage?.fromName ?? request.public_body.name,
        text: messageText(onPage?.text ?? ""),
        externalUrl: `${url}#${anchor}`,
        externalAttachments: onPage?.attachments ?? [],
        state,
      });
      const facts = wdtkStateFacts(state);
      if (inReview && reviewResultFor(state)) {
        push("internal_review_answered", sourceKey, reviewResultFor(state));
        inReview = false;
      } else if (facts?.responseEvent) {
        push(facts.responseEvent, sourceKey);
        if (facts.responseEvent === "clarification_requested") waitingClarification = true;
      }
      continue;
    }
    if (event.outgoing_message_id != null && ["sent", "resent", "followup_sent", "followup_resent"].includes(event.event_type)) {
      const anchor = `outgoing-${event.outgoing_message_id}`;
      const onPage = page.get(anchor);
      const sourceKey = `${host}/outgoing/${event.outgoing_message_id}`;
      // A message resent is the same message: kept once.
      if (!messages.some((m) => m.sourceKey === sourceKey)) {
        messages.push({
          direction: "outgoing",
          sourceKey,
          sentAt: at,
          fromName: onPage?.fromName ?? requester,
          text: messageText(onPage?.text ?? ""),
          externalUrl: `${url}#${anchor}`,
          externalAttachments: [],
          state,
        });
      }
      if (event.event_type === "sent" && !sentAt) {
        sentAt = at;
        push("sent", sourceKey);
      } else if (event.event_type === "followup_sent" && state === "internal_review" && !inReview) {
        push("internal_review_requested", sourceKey);
        inReview = true;
        waitingClarification = false;
      } else if (event.event_type === "followup_sent" && state === "waiting_response" && waitingClarification) {
        push("clarification_sent", sourceKey);
        waitingClarification = false;
      }
      continue;
    }
    if (event.event_type === "status_update" && event.described_state === "user_withdrawn") push("withdrawn", null);
  }
  const current = request.awaiting_description ? "waiting_classification" : request.described_state;
  return {
    url,
    urlTitle: request.url_title,
    title: request.title,
    body: { name: request.public_body.name, urlName: request.public_body.url_name, shortName: request.public_body.short_name ?? null },
    law: lawFor(request.law_used),
    sentAt,
    state: current,
    prominence: request.prominence ?? "normal",
    messages,
    events,
  };
}
