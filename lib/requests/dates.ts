import { TZDate } from "@date-fns/tz";

// Postgres DATE columns come back from Prisma as midnight UTC; these keep the
// YYYY-MM-DD strings lib/deadlines uses and those Dates in step.
export function toDbDate(iso: string | null | undefined): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

export function fromDbDate(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** A date and optional time as typed in the UK ("2021-08-02", "14:30") to the instant it names. */
export function londonInstant(date: string, time?: string | null): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = (time || "12:00").split(":").map(Number) as [number, number];
  return new TZDate(y, m - 1, d, hh, mm, 0, "Europe/London");
}
