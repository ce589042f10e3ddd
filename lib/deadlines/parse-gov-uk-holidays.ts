import { govUkHolidaysSchema, type GovUkHolidays } from "./schemas";

export class InvalidHolidayDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidHolidayDataError";
  }
}

/**
 * Validates GOV.UK bank-holidays JSON (the source of truth for working days, DESIGN.md).
 * Throws InvalidHolidayDataError naming the first bad field, so a broken refresh is
 * rejected before it can move any stored due date.
 */
export function parseGovUkHolidays(data: unknown): GovUkHolidays {
  const result = govUkHolidaysSchema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const first = issues[0];
  const where = first.path.length > 0 ? first.path.map(String).join(".") : "(root)";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
  throw new InvalidHolidayDataError(`Invalid GOV.UK bank holiday data at ${where}: ${first.message}${more}`);
}
