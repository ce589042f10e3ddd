import { TZDate } from "@date-fns/tz";
import { dayNumberFromParts, formatIsoDate, isIsoDate } from "./iso-date";

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

function londonDate(ms: number, input: string): string {
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid timestamp ${JSON.stringify(input)}`);
  const london = new TZDate(ms, LONDON);
  return formatIsoDate(dayNumberFromParts(london.getFullYear(), london.getMonth() + 1, london.getDate()));
}
