import { InvalidHolidayDataError, parseGovUkHolidays, type GovUkHolidays } from "@/lib/deadlines";

export const DEFAULT_HOLIDAYS_URL = "https://www.gov.uk/bank-holidays.json";
const DEFAULT_TIMEOUT_MS = 15_000;
// GOV.UK's file is about 20 kB; anything this large is not it.
const MAX_BYTES = 5_000_000;

export type HolidayRefreshFailure = "network" | "data" | "busy";

export class HolidayRefreshError extends Error {
  constructor(
    message: string,
    readonly failure: HolidayRefreshFailure,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "HolidayRefreshError";
  }
}

export interface FetchHolidaysOptions {
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND: "host not found (no network or DNS?)",
  EAI_AGAIN: "host lookup failed (no network or DNS?)",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENETUNREACH: "network unreachable",
};

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  if (cause?.code) return NETWORK_CODES[cause.code] ? `${NETWORK_CODES[cause.code]}, ${cause.code}` : cause.code;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Downloads and validates GOV.UK's bank-holidays.json. The timeout covers the whole
 * exchange (connect, headers and body), so a server that never answers cannot hang the
 * worker; a malformed document is rejected before anything is stored.
 */
export async function fetchGovUkHolidays(url: string, options: FetchHolidaysOptions = {}): Promise<GovUkHolidays> {
  const { fetchImpl = fetch, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(url);
  } catch {
    throw new HolidayRefreshError(`Holiday data URL ${JSON.stringify(url)} is not a URL`, "data");
  }
  if (parsedUrl.protocol !== "https:" && parsedUrl.protocol !== "http:") {
    throw new HolidayRefreshError(`Holiday data URL ${url} must be http(s)`, "data");
  }

  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = new HolidayRefreshError(`No answer from ${url} within ${timeoutMs / 1000} s`, "network");
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  let text: string;
  try {
    text = await Promise.race([
      (async () => {
        const response = await fetchImpl(url, { signal: controller.signal, headers: { accept: "application/json" } });
        if (!response.ok) {
          await response.body?.cancel().catch(() => {});
          throw new HolidayRefreshError(`${url} answered HTTP ${response.status}`, "network");
        }
        const length = Number(response.headers.get("content-length") ?? 0);
        if (length > MAX_BYTES) throw new HolidayRefreshError(`${url} sent ${length} bytes: too large to be bank holiday data`, "data");
        return response.text();
      })(),
      timedOut,
    ]);
  } catch (error) {
    if (error instanceof HolidayRefreshError) throw error;
    if (controller.signal.aborted && controller.signal.reason instanceof HolidayRefreshError) throw controller.signal.reason;
    throw new HolidayRefreshError(`Could not fetch ${url}: ${reason(error)}`, "network", { cause: error });
  } finally {
    clearTimeout(timer);
    timedOut.catch(() => {});
  }
  if (text.length > MAX_BYTES) throw new HolidayRefreshError(`${url} sent ${text.length} characters: too large to be bank holiday data`, "data");

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HolidayRefreshError(`${url} did not send JSON: ${(error as Error).message}`, "data", { cause: error });
  }
  try {
    return parseGovUkHolidays(json);
  } catch (error) {
    if (error instanceof InvalidHolidayDataError) throw new HolidayRefreshError(`${url}: ${error.message}`, "data", { cause: error });
    throw error;
  }
}
