import { TZDate } from "@date-fns/tz";
import { formatIsoDate, isIsoDate } from "./iso-date";

const LONDON = "Europe/London";
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export interface Receipt {
  /** Europe/London calendar date. */
  date: string;
  /** The instant, for ordering events on the same date; -Infinity for a plain date. */
  ms: number;
}

/** Parses an event time: a plain YYYY-MM-DD, an ISO 8601 timestamp, or a Date. */
export function parseReceipt(timestampOrDate: string | Date): Receipt {
  if (timestampOrDate instanceof Date) {
    const ms = timestampOrDate.getTime();
    return { date: londonDate(ms, String(timestampOrDate)), ms };
  }
  const input = typeof timestampOrDate === "string" ? timestampOrDate.trim() : "";
  if (isIsoDate(input)) return { date: input, ms: -Infinity };
  const m = TIMESTAMP.exec(input);
  const datePart = m ? `${m[1]}-${m[2]}-${m[3]}` : "";
  if (!m || !isIsoDate(datePart) || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) {
    throw new RangeError(
      `Invalid date or timestamp ${JSON.stringify(timestampOrDate)}: expected YYYY-MM-DD or an ISO 8601 timestamp`,
    );
  }
  const fraction = Number(`0.${m[7] ?? "0"}`) * 1000;
  if (!m[8]) {
    // No offset: already London wall-clock time, so its date is the date of receipt.
    const ms = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), fraction, LONDON).getTime();
    return { date: datePart, ms };
  }
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), fraction);
  const ms = utc - offsetMinutes(m[8].toUpperCase()) * 60_000;
  return { date: londonDate(ms, input), ms };
}

/**
 * The date of receipt: the Europe/London calendar date on which something arrived (FOIA
 * s10(1) counts from "the date of receipt"). An email at 23:30 UTC on 31 March in British
 * Summer Time arrives at 00:30 on 1 April. A plain YYYY-MM-DD, or a timestamp without an
 * offset (London wall-clock time), is taken as it stands.
 */
export function receiptDate(timestampOrDate: string | Date): string {
  return parseReceipt(timestampOrDate).date;
}

function offsetMinutes(zone: string): number {
  if (zone === "Z") return 0;
  const digits = zone.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + (digits.length > 2 ? Number(digits.slice(2, 4)) : 0);
  return zone.startsWith("-") ? -minutes : minutes;
}

const DAY_MS = 86_400_000;

/** London's offset from UTC at an instant, in ms, from the time-zone database (through Intl). */
function zoneOffsetMs(ms: number): number {
  return -new TZDate(ms, LONDON).getTimezoneOffset() * 60_000;
}

// Asking Intl costs microseconds and a list page asks for every row, so the offset is kept per
// UTC day: London moves its clocks at most once a day (at 01:00 UTC), so when the offsets at the
// day's first and last instant agree they hold all day; on the two days a year they differ, each
// instant is asked for. Still the time-zone database's answer, never a rule of our own.
const offsetByUtcDay = new Map<number, number | null>();

function londonOffsetMs(ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  let offset = offsetByUtcDay.get(day);
  if (offset === undefined) {
    const first = zoneOffsetMs(day * DAY_MS);
    offset = first === zoneOffsetMs(day * DAY_MS + DAY_MS - 1) ? first : null;
    if (offsetByUtcDay.size >= 20_000) offsetByUtcDay.clear();
    offsetByUtcDay.set(day, offset);
  }
  return offset ?? zoneOffsetMs(ms);
}

function londonDate(ms: number, input: string): string {
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid timestamp ${JSON.stringify(input)}`);
  // Day numbers count days from 1970-01-01, so London's day is the UTC day of its wall-clock time.
  return formatIsoDate(Math.floor((ms + londonOffsetMs(ms)) / DAY_MS));
}
