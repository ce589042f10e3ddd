// A local stand-in for WhatDoTheyKnow: requests in the shapes Alaveteli's own serializers and
// templates produce (github.com/mysociety/alaveteli), served over real HTTP.
//
// - /request/<url_title>.json: InfoRequest#json_for_api(true) (app/models/info_request.rb), with
//   public_body from PublicBody#json_for_api (app/models/public_body.rb), user from
//   User#json_for_api, and info_request_events from InfoRequestEvent#json_for_api(false)
//   (app/models/info_request_event.rb). A hidden request answers 403 with no body and a
//   removed one 404 (ApplicationController#render_hidden, RecordNotFound).
// - /request/<url_title>: the page, with each message as request/_incoming_correspondence,
//   _outgoing_correspondence and _attachments.html.erb render it.
// - /request/<url_title>/response/<id>/attach/<part>/<file name>: an attachment (config/routes.rb).
// - batchPage: the HTML of a sent batch's page as info_request_batch/show.html.erb lists it.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FixtureAttachment {
  part: number;
  filename: string;
  content: string;
}

export interface FixtureEvent {
  id: number;
  type: "sent" | "response" | "followup_sent" | "status_update" | "comment";
  createdAt: string;
  describedState?: string | null;
  calculatedState?: string | null;
  incoming?: { id: number; fromName: string | null; text: string; attachments?: FixtureAttachment[] };
  outgoing?: { id: number; text: string };
}

export interface FixtureRequest {
  id: number;
  urlTitle: string;
  title: string;
  body: { id: number; urlName: string; name: string; shortName: string | null };
  lawUsed: "foi" | "eir";
  describedState: string;
  awaitingDescription: boolean;
  prominence: "normal" | "backpage" | "hidden" | "requester_only";
  userName: string;
  events: FixtureEvent[];
  /** How the server answers instead of the request: hidden (403), removed (404), gone (410), a 429 before the first success, malformed JSON, a dropped connection. */
  behaviour?: "hidden" | "removed" | "gone" | "rate_limited_once" | "malformed" | "network_failure" | "server_error_once";
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const STATUS_LABELS: Record<string, string> = {
  waiting_classification: "Awaiting classification",
  waiting_response: "Awaiting response",
  waiting_clarification: "Waiting clarification",
  not_held: "Information not held",
  rejected: "Refused",
  partially_successful: "Partially successful",
  successful: "Successful",
  internal_review: "Awaiting internal review",
  user_withdrawn: "Withdrawn by the requester",
};

/** InfoRequest#json_for_api(true), field for field. */
export function requestJson(r: FixtureRequest, _origin?: string) {
  const calculated = r.awaitingDescription ? "waiting_classification" : r.describedState;
  return {
    id: r.id,
    url_title: r.urlTitle,
    title: r.title,
    created_at: r.events[0]?.createdAt ?? "2021-09-06T10:00:00.000+01:00",
    updated_at: r.events.at(-1)?.createdAt ?? "2021-09-06T10:00:00.000+01:00",
    described_state: r.describedState,
    display_status: STATUS_LABELS[calculated] ?? calculated,
    awaiting_description: r.awaitingDescription,
    prominence: r.prominence,
    law_used: r.lawUsed,
    tags: [],
    user: { id: 77, url_name: "lxp_revolution", name: r.userName, ban_text: "", about_me: "" },
    public_body: {
      id: r.body.id,
      url_name: r.body.urlName,
      name: r.body.name,
      short_name: r.body.shortName ?? "",
      created_at: "2008-01-01T00:00:00.000+00:00",
      updated_at: "2024-01-01T00:00:00.000+00:00",
      home_page: `https://www.${r.body.urlName}.example.nhs.uk`,
      notes: "",
      publication_scheme: "",
      disclosure_log: "",
      tags: [["nhs", null], ["mental_health_trust", null]],
      info: { requests_count: 10, requests_successful_count: 5, requests_not_held_count: 1, requests_overdue_count: 2, requests_visible_classified_count: 8 },
    },
    info_request_events: r.events.map((e) => ({
      id: e.id,
      event_type: e.type,
      created_at: e.createdAt,
      described_state: e.describedState ?? null,
      calculated_state: e.calculatedState ?? null,
      last_described_at: e.calculatedState ? e.createdAt : null,
      incoming_message_id: e.incoming?.id ?? null,
      outgoing_message_id: e.outgoing?.id ?? null,
      comment_id: null,
      ...(e.incoming || e.outgoing ? { display_status: e.incoming ? (STATUS_LABELS[e.calculatedState ?? ""] ?? "Response") : e.calculatedState === "internal_review" ? "Internal review request" : e.calculatedState === "waiting_response" ? "Clarification" : "Follow up" } : {}),
    })),
  };
}

const ukDate = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const timeTag = (iso: string) => `<time datetime="${iso}" title="${iso}">${ukDate(iso)}</time>`;
const bodyHtml = (text: string) => text.split(/\n\n+/).map((p) => `<p>${esc(p).replace(/\n/g, "<br>")}</p>`).join("\n");

/** The request's page, each message as Alaveteli's partials render it. */
export function requestPage(r: FixtureRequest): string {
  const parts = r.events.map((e) => {
    if (e.incoming) {
      const attachments = e.incoming.attachments ?? [];
      return `<div class="incoming correspondence normal js-collapsible" id="incoming-${e.incoming.id}">
  <div class="correspondence__header">
    <span class="correspondence__header__author js-collapsible-trigger">
      ${e.incoming.fromName ? `${esc(e.incoming.fromName)},` : ""}
      ${esc(r.body.name)}
    </span>
    <a class="correspondence__header__date" href="#incoming-${e.incoming.id}">${timeTag(e.createdAt)}</a>
  </div>
  <div class="correspondence_text">
${
  attachments.length
    ? `  <div class="attachments">
    <div class="attachments__header"><h3>${attachments.length} Attachment${attachments.length === 1 ? "" : "s"}</h3></div>
    <ul class="list-of-attachments">
${attachments
  .map((a) => {
    const path = `/request/${r.urlTitle}/response/${e.incoming!.id}/attach/${a.part}/${encodeURIComponent(a.filename)}`;
    return `      <li class="attachment" id="attachment-${e.incoming!.id * 10 + a.part}">
        <a href="${path}"><img class="attachment__image" alt="Attachment" src="/assets/content_type/icon_pdf_large.png"></a>
        <p class="attachment__name">${esc(a.filename)}</p>
        <p class="attachment__meta">${a.content.length} Bytes <a href="${path}">Download</a></p>
      </li>`;
  })
  .join("\n")}
    </ul>
    <a href="#" class="attachments__show-more" style="display: none;" data-show-all="Show all attachments" data-show-fewer="Show fewer attachments"></a>
  </div>`
    : ""
}
<div id="attachment-${e.incoming.id * 10}">
${bodyHtml(e.incoming.text)}
</div>
  </div>
  <p class="event_actions"></p>
</div>`;
    }
    if (e.outgoing) {
      return `<div class="outgoing correspondence js-collapsible" id="outgoing-${e.outgoing.id}">
    <div class="correspondence__header">
      <span class="correspondence__header__author js-collapsible-trigger">
        ${esc(r.userName)}
      </span>
      <a class="correspondence__header__date" href="#outgoing-${e.outgoing.id}">${timeTag(e.createdAt)}</a>
    </div>
    <div class="correspondence_text">
      <div>${bodyHtml(e.outgoing.text)}</div>
    </div>
    <p class="event_actions"></p>
</div>`;
    }
    return "";
  });
  return `<!DOCTYPE html><html lang="en-GB"><head><title>${esc(r.title)} - a Freedom of Information request to ${esc(r.body.name)}</title></head>
<body><div id="left_column" class="left_column">
${parts.join('\n<div class="ff-print-fix"></div>\n')}
</div></body></html>`;
}

/** WhatDoTheyKnow's batch page (sent), one request_listing_via_event entry per request. */
export function batchPage(title: string, requests: FixtureRequest[], origin: string): string {
  const entries = requests.map((r) => {
    const sent = r.events.find((e) => e.type === "sent")!;
    return `<div class="request_listing">
  <div class="request_left">
    <span class="head">
        <a href="/request/${r.urlTitle}">${esc(r.title)}</a>
    </span>
    <div class="requester">
      Request sent to <a href="${origin}/body/${r.body.urlName}">${esc(r.body.name)}</a> by <a href="${origin}/user/lxp_revolution">${esc(r.userName)}</a> on ${timeTag(sent.createdAt)}.
    </div>
    <p>
      <i class="icon-standalone icon_${r.describedState}"></i>
      <strong>
        ${STATUS_LABELS[r.describedState] ?? r.describedState}
      </strong>
    </p>
    </span>
  </div>
  <div class="request_right"><span class="desc">Dear ${esc(r.body.name)}, ...</span></div>
</div>`;
  });
  return `<!DOCTYPE html><html><body><div class="info_request_batch_intro"><h1>${esc(title)} - a batch request</h1>
Sent to ${requests.length} authorities by <a href="/user/lxp_revolution">LXP Revolution</a> on 6 September 2021.</div>
<div id="left_column" class="left_column"><div class="results_section"><div class="results_block">
${entries.join("\n")}
</div></div></div></body></html>`;
}

const BODY = { id: 901, urlName: "solent_nhs_trust", name: "Solent NHS Trust", shortName: null };
const sentEvent = (id: number, at: string, text = "Dear Solent NHS Trust,\n\nPlease send me the number of Band 7 Lived Experience posts.\n\nYours faithfully,\n\nLXP Revolution"): FixtureEvent => ({
  id,
  type: "sent",
  createdAt: at,
  describedState: "waiting_response",
  calculatedState: "waiting_response",
  outgoing: { id: id + 5000, text },
});

/** The recorded-shape requests the tests read, by url_title. */
export function fixtureRequests(): FixtureRequest[] {
  const base = { body: BODY, lawUsed: "foi" as const, prominence: "normal" as const, userName: "LXP Revolution", awaitingDescription: false };
  return [
    {
      ...base,
      id: 1001,
      urlTitle: "band_7_posts_plain",
      title: "Band 7 posts (plain)",
      describedState: "successful",
      events: [
        sentEvent(1, "2021-09-06T10:00:00.000+01:00"),
        { id: 2, type: "response", createdAt: "2021-09-20T14:05:00.000+01:00", calculatedState: "successful", describedState: null, incoming: { id: 201, fromName: "FOI Team", text: "Dear LXP Revolution,\n\nWe hold 2 Band 7 Lived Experience posts.\n\nRegards,\nFOI Team" } },
        { id: 3, type: "status_update", createdAt: "2021-09-21T09:00:00.000+01:00", describedState: "successful", calculatedState: "successful" },
      ],
    },
    {
      ...base,
      id: 1002,
      urlTitle: "band_7_posts_clarified",
      title: "Band 7 posts (clarified)",
      describedState: "successful",
      events: [
        sentEvent(11, "2021-09-06T10:00:00.000+01:00"),
        { id: 12, type: "response", createdAt: "2021-09-10T11:00:00.000+01:00", calculatedState: "waiting_clarification", incoming: { id: 211, fromName: "FOI Team", text: "Could you clarify which financial year you mean?" } },
        { id: 13, type: "followup_sent", createdAt: "2021-09-13T09:00:00.000+01:00", describedState: "waiting_response", calculatedState: "waiting_response", outgoing: { id: 5013, text: "The financial year 2021/22, please." } },
        {
          id: 14,
          type: "response",
          createdAt: "2021-10-08T16:00:00.000+01:00",
          calculatedState: "waiting_response",
          incoming: { id: 212, fromName: "FOI Team", text: "We are extending the time to respond to 5 November 2021 to consider the public interest in disclosure (section 43)." },
        },
        { id: 15, type: "response", createdAt: "2021-11-04T10:00:00.000+00:00", calculatedState: "successful", incoming: { id: 213, fromName: "FOI Team", text: "Please find our response: we hold 1 post." } },
      ],
    },
    {
      ...base,
      id: 1003,
      urlTitle: "band_7_posts_refused",
      title: "Band 7 posts (refused, reviewed)",
      describedState: "partially_successful",
      events: [
        sentEvent(21, "2021-09-06T10:00:00.000+01:00"),
        { id: 22, type: "response", createdAt: "2021-09-27T12:00:00.000+01:00", calculatedState: "rejected", incoming: { id: 221, fromName: "FOI Team", text: "We refuse this request under section 43(2) (commercial interests)." } },
        { id: 23, type: "followup_sent", createdAt: "2021-09-28T09:00:00.000+01:00", describedState: "internal_review", calculatedState: "internal_review", outgoing: { id: 5023, text: "Please pass this on to the person who conducts Freedom of Information reviews." } },
        { id: 24, type: "response", createdAt: "2021-10-22T15:00:00.000+01:00", calculatedState: "partially_successful", incoming: { id: 222, fromName: "Information Governance", text: "Following the internal review we release part of the information." } },
      ],
    },
    {
      ...base,
      id: 1004,
      urlTitle: "band_7_posts_attachments",
      title: "Band 7 posts (attachments)",
      describedState: "successful",
      awaitingDescription: true,
      events: [
        sentEvent(31, "2021-09-06T10:00:00.000+01:00"),
        {
          id: 32,
          type: "response",
          createdAt: "2021-09-30T10:30:00.000+01:00",
          calculatedState: null,
          incoming: {
            id: 231,
            fromName: "FOI Team",
            text: "Please see the attached response and spreadsheet.",
            attachments: [
              { part: 2, filename: "FOI 21-123 response.pdf", content: "%PDF-1.4 fake" },
              { part: 3, filename: "Posts & roles.xlsx", content: "PK fake" },
            ],
          },
        },
      ],
    },
    { ...base, id: 1005, urlTitle: "band_7_posts_hidden", title: "Hidden", describedState: "waiting_response", events: [sentEvent(41, "2021-09-06T10:00:00.000+01:00")], behaviour: "hidden" },
    { ...base, id: 1006, urlTitle: "band_7_posts_removed", title: "Removed", describedState: "waiting_response", events: [], behaviour: "removed" },
    { ...base, id: 1010, urlTitle: "band_7_posts_gone", title: "Gone", describedState: "waiting_response", events: [], behaviour: "gone" },
    {
      ...base,
      id: 1007,
      urlTitle: "band_7_posts_busy",
      title: "Band 7 posts (busy)",
      describedState: "waiting_response",
      events: [sentEvent(51, "2021-09-06T10:00:00.000+01:00")],
      behaviour: "rate_limited_once",
    },
    {
      ...base,
      id: 1011,
      urlTitle: "band_7_posts_flaky",
      title: "Band 7 posts (flaky)",
      describedState: "waiting_response",
      events: [sentEvent(61, "2021-09-06T10:00:00.000+01:00")],
      behaviour: "server_error_once",
    },
    { ...base, id: 1008, urlTitle: "band_7_posts_malformed", title: "Malformed", describedState: "waiting_response", events: [], behaviour: "malformed" },
    { ...base, id: 1009, urlTitle: "band_7_posts_unreachable", title: "Unreachable", describedState: "waiting_response", events: [], behaviour: "network_failure" },
  ];
}

export interface LoggedRequest {
  path: string;
  at: number;
  userAgent: string | undefined;
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
  status: number;
}

export interface WdtkFixtureServer {
  origin: string;
  requests: Map<string, FixtureRequest>;
  log: LoggedRequest[];
  /** Adds a request (e.g. one per recipient of a batch). */
  add: (request: FixtureRequest) => void;
  /** A new reply on a request: the next fetch sees a new ETag. */
  addReply: (urlTitle: string, reply: { id: number; eventId: number; createdAt: string; text: string; state?: string | null; fromName?: string }) => void;
  close: () => Promise<void>;
}

/** Starts the stand-in site on 127.0.0.1 (port 0: any free port). */
export async function startWdtkFixtureServer(port = 0, initial: FixtureRequest[] = fixtureRequests()): Promise<WdtkFixtureServer> {
  const requests = new Map(initial.map((r) => [r.urlTitle, r]));
  const versions = new Map<string, number>();
  const answered = new Map<string, number>();
  const log: LoggedRequest[] = [];
  let origin = "";

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", origin);
    const entry: LoggedRequest = {
      path: url.pathname,
      at: Date.now(),
      userAgent: req.headers["user-agent"],
      ifNoneMatch: req.headers["if-none-match"] as string | undefined,
      ifModifiedSince: req.headers["if-modified-since"] as string | undefined,
      status: 200,
    };
    log.push(entry);
    const send = (status: number, type: string | null, body: string, headers: Record<string, string> = {}) => {
      entry.status = status;
      res.writeHead(status, { ...(type ? { "content-type": type } : {}), ...headers });
      res.end(body);
    };
    const attach = /^\/request\/([^/]+)\/response\/(\d+)\/attach\/(\d+)\//.exec(url.pathname);
    const match = /^\/request\/([^/.]+)(\.json)?$/.exec(url.pathname);
    const urlTitle = attach?.[1] ?? match?.[1];
    const r = urlTitle ? requests.get(urlTitle) : undefined;
    if (!r) return send(404, "text/html", "<h1>Not found</h1>");
    const count = (answered.get(url.pathname) ?? 0) + 1;
    answered.set(url.pathname, count);
    switch (r.behaviour) {
      case "hidden":
        return send(403, null, "");
      case "removed":
        return send(404, "text/html", "<h1>Not found</h1>");
      case "gone":
        return send(410, "text/html", "<h1>Gone</h1>");
      case "network_failure":
        entry.status = 0;
        req.socket.destroy();
        return;
      case "rate_limited_once":
        if (count === 1) return send(429, "text/plain", "Too many requests", { "retry-after": "1" });
        break;
      case "server_error_once":
        if (count === 1) return send(503, "text/plain", "Service unavailable");
        break;
      case "malformed":
        if (match?.[2]) return send(200, "application/json; charset=utf-8", '{"id": 1008, "url_title": "band_7_posts_malformed", "title": "Malformed", ');
    }
    if (attach) {
      const incoming = r.events.find((e) => e.incoming?.id === Number(attach[2]))?.incoming;
      const a = incoming?.attachments?.find((x) => x.part === Number(attach[3]));
      return a ? send(200, "application/octet-stream", a.content) : send(404, "text/html", "<h1>Not found</h1>");
    }
    const version = versions.get(r.urlTitle) ?? 1;
    const etag = `W/"${r.id}-${version}"`;
    const lastModified = new Date(Date.UTC(2021, 10, 1) + version * 86_400_000).toUTCString();
    if (req.headers["if-none-match"] === etag) return send(304, null, "", { etag });
    if (match?.[2]) return send(200, "application/json; charset=utf-8", JSON.stringify(requestJson(r, origin)), { etag, "last-modified": lastModified });
    return send(200, "text/html; charset=utf-8", requestPage(r), { etag: `W/"page-${r.id}-${version}"` });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    requests,
    log,
    add(request) {
      requests.set(request.urlTitle, request);
    },
    addReply(urlTitle, reply) {
      const r = requests.get(urlTitle);
      if (!r) throw new Error(`No fixture request ${urlTitle}`);
      r.events.push({
        id: reply.eventId,
        type: "response",
        createdAt: reply.createdAt,
        calculatedState: reply.state ?? null,
        incoming: { id: reply.id, fromName: reply.fromName ?? "FOI Team", text: reply.text },
      });
      // A reply nobody has described yet leaves the request "awaiting classification" (InfoRequest#calculate_status).
      r.awaitingDescription = !reply.state;
      if (reply.state) r.describedState = reply.state;
      versions.set(urlTitle, (versions.get(urlTitle) ?? 1) + 1);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
