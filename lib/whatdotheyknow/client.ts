import "server-only";
import { contactAddress, siteBaseUrl } from "@/lib/whatdotheyknow/config";
import { parseRequestJson, parseRequestPage, WdtkFormatError } from "@/lib/whatdotheyknow/parse";
import { buildThread, type Thread } from "@/lib/whatdotheyknow/thread";

// The app's one way to read WhatDoTheyKnow (or another Alaveteli site). Polite by design: a
// User-Agent that names the app and whom to contact, at most one request a second to a host
// (from this process: a worker and the web app each keep their own pace), conditional
// requests (ETag / If-Modified-Since) so an unchanged request costs the site a 304, and
// backoff on 429 and 5xx answers. Every failure is a WdtkError whose message a person can
// act on; callers change nothing when one is thrown.

export type WdtkFailure = "network" | "removed" | "hidden" | "rate_limited" | "server" | "malformed";

export class WdtkError extends Error {
  constructor(
    message: string,
    readonly failure: WdtkFailure,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "WdtkError";
  }
}

export interface ClientOptions {
  /** Least time between two requests to one host (1 s). */
  minIntervalMs?: number;
  /** Tries after a 429 or 5xx before giving up (3). */
  maxRetries?: number;
  /** First wait after a 429 or 5xx without Retry-After, doubled each time (2 s). */
  retryBaseMs?: number;
  /** Longest wait a Retry-After may ask for (60 s). */
  maxRetryMs?: number;
  /** The whole exchange, per try (20 s). */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export interface Conditional {
  etag?: string | null;
  lastModified?: string | null;
}

const DEFAULTS = { minIntervalMs: 1_000, maxRetries: 3, retryBaseMs: 2_000, maxRetryMs: 60_000, timeoutMs: 20_000 };
// A request's JSON and page are a few hundred kilobytes at most; anything far larger is not one.
const MAX_BYTES = 10_000_000;

export function userAgent(): string {
  return `FOI-Tracker/0.1 (a campaign's FOI request tracker; contact ${contactAddress()})`;
}

const nextSlot = new Map<string, number>();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for this host's next free slot; the slot is taken synchronously, so concurrent callers queue. */
async function pace(host: string, minIntervalMs: number): Promise<void> {
  const now = Date.now();
  const slot = Math.max(now, nextSlot.get(host) ?? 0);
  nextSlot.set(host, slot + minIntervalMs);
  if (slot > now) await sleep(slot - now);
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function retryAfterMs(header: string | null, fallback: number, max: number): number {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.min(max, Math.max(0, seconds * 1000));
    const at = Date.parse(header);
    if (Number.isFinite(at)) return Math.min(max, Math.max(0, at - Date.now()));
  }
  return Math.min(max, fallback);
}

export type Fetched = { status: "ok"; text: string; etag: string | null; lastModified: string | null } | { status: "not_modified" };

/** One GET, paced, retried on 429 and 5xx; 403/404/410 and network failures are WdtkErrors. */
export async function getFromSite(url: string, accept: string, conditional: Conditional = {}, options: ClientOptions = {}): Promise<Fetched> {
  const o = { ...DEFAULTS, ...options };
  const fetchImpl = options.fetchImpl ?? fetch;
  const host = new URL(url).host;
  for (let attempt = 0; ; attempt++) {
    await pace(host, o.minIntervalMs);
    const headers: Record<string, string> = { accept, "user-agent": userAgent() };
    if (conditional.etag) headers["if-none-match"] = conditional.etag;
    if (conditional.lastModified) headers["if-modified-since"] = conditional.lastModified;
    let response: Response;
    let text = "";
    try {
      response = await fetchImpl(url, { headers, redirect: "follow", signal: AbortSignal.timeout(o.timeoutMs) });
      if (response.ok) {
        const length = Number(response.headers.get("content-length") ?? 0);
        if (length > MAX_BYTES) throw new WdtkError(`${url} sent ${length} bytes: too large to be a request.`, "malformed");
        text = await response.text();
      } else {
        await response.body?.cancel().catch(() => {});
      }
    } catch (error) {
      if (error instanceof WdtkError) throw error;
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new WdtkError(
        timedOut ? `No answer from ${host} within ${o.timeoutMs / 1000} s. Nothing was changed; try again later.` : `Could not reach ${host} (${networkReason(error)}). Nothing was changed; try again later.`,
        "network",
        { cause: error },
      );
    }
    if (response.status === 304) return { status: "not_modified" };
    if (response.ok) return { status: "ok", text, etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified") };
    if (response.status === 403) throw new WdtkError(`${url} is hidden on ${host} (the site's moderators or the requester hid it).`, "hidden");
    if (response.status === 404 || response.status === 410) throw new WdtkError(`${url} is not on ${host} any more (${response.status === 410 ? "gone" : "not found"}): it was removed, or the address is wrong.`, "removed");
    const busy = response.status === 429;
    if ((busy || response.status >= 500) && attempt < o.maxRetries) {
      await sleep(retryAfterMs(response.headers.get("retry-after"), o.retryBaseMs * 2 ** attempt, o.maxRetryMs));
      continue;
    }
    throw new WdtkError(
      busy ? `${host} asked us to slow down (HTTP 429) ${attempt + 1} times. Nothing was changed; it is tried again on the next check.` : `${host} answered HTTP ${response.status}. Nothing was changed; try again later.`,
      busy ? "rate_limited" : "server",
    );
  }
}

export type ThreadFetch = { status: "ok"; thread: Thread; etag: string | null; lastModified: string | null } | { status: "not_modified" };

/**
 * A request's thread: its JSON (conditionally: unchanged since the stored ETag or date, and
 * nothing more is fetched), then its page for the messages' words and attachments.
 */
export async function fetchThread(url: string, conditional: Conditional = {}, options: ClientOptions = {}, baseUrl = siteBaseUrl()): Promise<ThreadFetch> {
  const json = await getFromSite(`${url}.json`, "application/json", conditional, options);
  if (json.status === "not_modified") return json;
  let request;
  try {
    request = parseRequestJson(json.text);
  } catch (error) {
    if (error instanceof WdtkFormatError) throw new WdtkError(`${url}: ${error.message} Nothing was changed.`, "malformed", { cause: error });
    throw error;
  }
  if (request.prominence === "hidden" || request.prominence === "requester_only") {
    throw new WdtkError(`${url} is hidden on ${new URL(url).host} (the site's moderators or the requester hid it).`, "hidden");
  }
  const page = await getFromSite(url, "text/html", {}, options);
  const messages = page.status === "ok" ? parseRequestPage(page.text, new URL(baseUrl).origin) : new Map();
  return { status: "ok", thread: buildThread(request, messages, baseUrl), etag: json.etag, lastModified: json.lastModified };
}
