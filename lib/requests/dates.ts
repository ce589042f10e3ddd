// Postgres DATE columns come back from Prisma as midnight UTC; these keep the
// YYYY-MM-DD strings lib/deadlines uses and those Dates in step.
export function toDbDate(iso: string | null | undefined): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

export function fromDbDate(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}
