// WhatDoTheyKnow request addresses, and what a person pastes back after sending a batch there.
// Pure: no I/O; the site's address is a parameter.
//
// Alaveteli (github.com/mysociety/alaveteli, config/routes.rb) serves a request at
// /request/:url_title, with suffixes such as /details, /new, .json and #incoming-123 anchors;
// url_title is the title made into lower-case words joined by "_" (at most 32 characters),
// with "_2", "_3"... added when titles repeat (app/models/info_request/sluggable.rb). So the
// 31 requests of one batch share a title and their addresses rarely name the body: the body
// comes from the pasted line, or from the batch page, whose every entry reads "Request sent to
// <a href=".../body/<url_name>">Body name</a> by ... on <time datetime="...">"
// (app/views/info_request_batch/show.html.erb, request/_request_listing_via_event.html.erb,
// ApplicationHelper#event_description).

export interface RequestAddress {
  /** The address on the configured site: `<origin>/request/<url_title>`. */
  url: string;
  urlTitle: string;
}

export interface PastedAddress extends RequestAddress {
  /** The body named beside the address (on the same line) or on the batch page. */
  bodyName: string | null;
  /** The body's url_name on the site, when the batch page linked to it. */
  bodyUrlName: string | null;
  /** The date the batch page gives (YYYY-MM-DD), or one typed on the line. */
  sentOn: string | null;
  /** What was pasted for it, to show back. */
  line: string;
}

/** The origins a pasted address may be on: the configured site, and both spellings of WhatDoTheyKnow's. */
function allowedHosts(baseUrl: string): Set<string> {
  const host = new URL(baseUrl).host.toLowerCase();
  const hosts = new Set([host]);
  if (host === "www.whatdotheyknow.com" || host === "whatdotheyknow.com") {
    hosts.add("www.whatdotheyknow.com");
    hosts.add("whatdotheyknow.com");
  }
  return hosts;
}

const URL_TITLE = /^[A-Za-z0-9_-]{1,200}$/;

/** A request's address on the site (any page of it), as its canonical address; null when it is not one. */
export function parseRequestAddress(raw: string, baseUrl: string): RequestAddress | null {
  let text = raw.trim();
  if (!/^[a-z]+:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!allowedHosts(baseUrl).has(url.host.toLowerCase())) return null;
  const match = /^\/request\/([^/.?#]+)/.exec(url.pathname);
  if (!match || !URL_TITLE.test(match[1])) return null;
  const urlTitle = match[1];
  return { url: `${baseUrl.replace(/\/+$/, "")}/request/${urlTitle}`, urlTitle };
}

/** A request's url_title from its address (on any Alaveteli site); null when it is not a request address. */
export function urlTitleOf(url: string): string | null {
  const match = /\/request\/([A-Za-z0-9_-]{1,200})(?:[/.?#]|$)/.exec(url);
  return match ? match[1] : null;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** HTML text to plain text: tags dropped, entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === "#") {
        const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
      }
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, " ")
    .trim();
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const pad = (n: number) => String(n).padStart(2, "0");

/** A date written on a pasted line (2021-09-06, 06/09/2021 or 6 September 2021), as YYYY-MM-DD. */
export function findDate(text: string): { iso: string; found: string } | null {
  let m = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (m) return { iso: `${m[1]}-${m[2]}-${m[3]}`, found: m[0] };
  m = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(text);
  if (m) return { iso: `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`, found: m[0] };
  m = new RegExp(`\\b(\\d{1,2}) (${MONTHS.join("|")}) (\\d{4})\\b`, "i").exec(text);
  if (m) return { iso: `${m[3]}-${pad(MONTHS.indexOf(m[2].toLowerCase()) + 1)}-${pad(Number(m[1]))}`, found: m[0] };
  return null;
}

/** Looks like the HTML source of an Alaveteli batch (or list) page rather than lines of addresses. */
function isBatchPageHtml(text: string): boolean {
  return /class="request_listing"/.test(text);
}

function fromBatchPage(html: string, baseUrl: string): PastedAddress[] {
  const found: PastedAddress[] = [];
  for (const block of html.split(/<div class="request_listing">/).slice(1)) {
    const link = /<a href="([^"]*\/request\/[^"]+)"[^>]*>([\s\S]*?)<\/a>/.exec(block);
    if (!link) continue;
    const href = link[1].startsWith("/") ? `${baseUrl}${link[1]}` : link[1];
    const address = parseRequestAddress(href.replace(/&amp;/g, "&"), baseUrl);
    if (!address) continue;
    const body = /<a href="[^"]*\/body\/([^"/?#]+)"[^>]*>([\s\S]*?)<\/a>/.exec(block);
    const time = /<time[^>]*datetime="([^"]+)"/.exec(block);
    found.push({
      ...address,
      bodyName: body ? htmlToText(body[2]) || null : null,
      bodyUrlName: body ? decodeURIComponent(body[1]) : null,
      // The site writes the time in its own zone (Europe/London for WhatDoTheyKnow): its date is the UK date.
      sentOn: time ? time[1].slice(0, 10) : null,
      line: htmlToText(`${link[2]} ${body ? `(${body[2]})` : ""}`),
    });
  }
  return found;
}

// An address anywhere in a line, with or without https://.
const ADDRESS_IN_TEXT = /(?:https?:\/\/)?[A-Za-z0-9.-]+(?::\d+)?\/request\/[A-Za-z0-9_-]+[^\s,;|)>"']*/g;

function fromLines(text: string, baseUrl: string): { addresses: PastedAddress[]; notAddresses: string[] } {
  const addresses: PastedAddress[] = [];
  const notAddresses: string[] = [];
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim();
    if (!line) continue;
    const candidates = line.match(ADDRESS_IN_TEXT) ?? [];
    const parsed = candidates.map((c) => ({ c, address: parseRequestAddress(c, baseUrl) }));
    const good = parsed.filter((p): p is { c: string; address: RequestAddress } => p.address !== null);
    if (good.length === 0) {
      notAddresses.push(line);
      continue;
    }
    let rest = line;
    for (const { c } of parsed) rest = rest.replace(c, " ");
    const date = findDate(rest);
    if (date) rest = rest.replace(date.found, " ");
    // What is left is the body's name, between separators a spreadsheet or a list adds.
    const name = rest
      .replace(/[\t|;]+/g, " ")
      .replace(/^[\s,:\-\u2013\u2014*\u2022]+|[\s,:\-\u2013\u2014]+$/g, "")
      .replace(/\s+/g, " ")
      .trim();
    for (const { address } of good) {
      addresses.push({ ...address, bodyName: good.length === 1 && name ? name : null, bodyUrlName: null, sentOn: date?.iso ?? null, line });
    }
  }
  return { addresses, notAddresses };
}

export interface PastedAddresses {
  addresses: PastedAddress[];
  /** Lines with text but no address on the site (shown back, so nothing is dropped silently). */
  notAddresses: string[];
}

/**
 * The request addresses in what was pasted: lines with one address each (the body's name and the
 * date it was sent may be on the same line), or the HTML source of the site's batch page. The same
 * address twice counts once.
 */
export function extractPastedAddresses(text: string, baseUrl: string): PastedAddresses {
  const base = baseUrl.replace(/\/+$/, "");
  const result = isBatchPageHtml(text) ? { addresses: fromBatchPage(text, base), notAddresses: [] } : fromLines(text, base);
  const seen = new Map<string, PastedAddress>();
  for (const address of result.addresses) {
    const earlier = seen.get(address.url);
    if (!earlier) seen.set(address.url, address);
    else if (!earlier.bodyName && address.bodyName) seen.set(address.url, { ...address });
  }
  return { addresses: [...seen.values()], notAddresses: result.notAddresses };
}

/** The words of an address's url_title, without the "_2" a repeated title gets. */
export function urlTitleWords(urlTitle: string): string[] {
  return urlTitle
    .toLowerCase()
    .replace(/_\d+$/, "")
    .split(/[_-]+/)
    .filter(Boolean);
}
