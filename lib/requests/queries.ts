import "server-only";
import { addWorkingDays, receiptDate, workingDaysStatus, type WorkingDayCalendar, type WorkingDaysStatus } from "@/lib/deadlines";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { calendarFor } from "@/lib/holidays/calendars";
import { now } from "@/lib/time";
import { fromDbDate, toDbDate } from "@/lib/requests/dates";
import { CLOCK_RUNNING } from "@/lib/requests/status";
import type { Law, Prisma, RequestStatus } from "@/lib/generated/prisma";
import { requestFiltersSchema, type RequestFilters } from "@/lib/requests/schemas";

export const DUE_SOON_WORKING_DAYS = 10;
const LIST_LIMIT = 50;

/** Today as the Europe/London calendar date, the day the statutory clock counts in. */
export function todayInLondon(): string {
  return receiptDate(now());
}

export interface DueRow {
  id: string;
  title: string;
  bodyName: string;
  status: RequestStatus;
  due: string;
  /** Working days left (positive), 0 on the due date, or overdue (negative). */
  workingDays: number;
  clock: WorkingDaysStatus;
}

function toDueRow(
  calendars: Map<Law, WorkingDayCalendar>,
  today: string,
  r: { id: string; title: string; law: Law; status: RequestStatus; dueOn: Date | null; body: { name: string } },
): DueRow {
  const calendar = calendars.get(r.law)!;
  const due = fromDbDate(r.dueOn)!;
  const clock = workingDaysStatus(due, today, calendar);
  return { id: r.id, title: r.title, bodyName: r.body.name, status: r.status, due, workingDays: clock.workingDays, clock };
}

/**
 * How many requests the workspace has in each status (deleted ones left out), from the
 * summary the database keeps in step with every change (RequestStatusCount): a few rows,
 * however many requests there are.
 */
export async function countByStatus(workspaceId: string): Promise<Map<RequestStatus, number>> {
  const rows = await db.requestStatusCount.findMany({ where: { workspaceId, count: { gt: 0 } }, select: { status: true, count: true } });
  return new Map(rows.map((r) => [r.status, r.count]));
}

/**
 * Requests whose clock runs and whose due date has passed. Read through the partial index of
 * running requests by due date (see the request_status_counts migration): the statuses are
 * written out so the planner can match its predicate.
 */
async function countOverdue(workspaceId: string, today: string): Promise<number> {
  const rows = await db.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM "FoiRequest"
    WHERE "workspaceId" = ${workspaceId} AND "deletedAt" IS NULL AND status IN ('awaiting_response', 'extended') AND "dueOn" < ${today}::date`;
  return rows[0]?.n ?? 0;
}

/** Everything the dashboard shows, for one workspace, as of today. */
export async function getDashboard(actor: Actor) {
  await requireRole(actor, "viewer");
  const today = todayInLondon();
  // The UK-wide calendar decides "the next 10 working days" for the list; each request is
  // counted in its own law's calendar (FOISA: Scottish holidays only), built only if used.
  const calendars = new Map<Law, WorkingDayCalendar>([["foia", await calendarFor("foia")]]);
  const calendar = calendars.get("foia")!;
  const horizon = addWorkingDays(calendar, today, DUE_SOON_WORKING_DAYS);
  const running = { workspaceId: actor.workspaceId, deletedAt: null, status: { in: CLOCK_RUNNING } };
  const select = { id: true, title: true, law: true, status: true, dueOn: true, body: { select: { name: true } } } as const;
  const [counts, overdueCount, dueSoon, overdue] = await Promise.all([
    countByStatus(actor.workspaceId),
    countOverdue(actor.workspaceId, today),
    db.foiRequest.findMany({
      where: { ...running, dueOn: { gte: toDbDate(today)!, lte: toDbDate(horizon)! } },
      orderBy: [{ dueOn: "asc" }, { title: "asc" }],
      take: LIST_LIMIT,
      select,
    }),
    db.foiRequest.findMany({
      where: { ...running, dueOn: { lt: toDbDate(today)! } },
      orderBy: [{ dueOn: "asc" }, { title: "asc" }],
      take: LIST_LIMIT,
      select,
    }),
  ]);
  for (const r of [...dueSoon, ...overdue]) if (!calendars.has(r.law)) calendars.set(r.law, await calendarFor(r.law));
  const byStatus = [...counts].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count);
  return {
    today,
    horizon,
    total: byStatus.reduce((sum, s) => sum + s.count, 0),
    overdueCount,
    byStatus,
    dueSoon: dueSoon.map((r) => toDueRow(calendars, today, r)),
    overdue: overdue.map((r) => toDueRow(calendars, today, r)),
  };
}

/** The requests list: filtered and sorted as the URL says, a page at a time. */
export async function listRequests(actor: Actor, rawFilters: Partial<Record<keyof RequestFilters, unknown>> = {}) {
  await requireRole(actor, "viewer");
  const filters = requestFiltersSchema.parse(rawFilters);
  const today = toDbDate(todayInLondon())!;
  const where: Prisma.FoiRequestWhereInput = { workspaceId: actor.workspaceId, deletedAt: null };
  if (filters.status) where.status = filters.status;
  if (filters.law) where.law = filters.law;
  if (filters.body) where.bodyId = filters.body;
  if (filters.batch) where.batchId = filters.batch;
  // Overdue narrows whatever status was chosen (a chosen status that has no clock finds nothing).
  if (filters.overdue) where.AND = [{ status: { in: CLOCK_RUNNING } }, { dueOn: { lt: today } }];
  const orderBy: Prisma.FoiRequestOrderByWithRelationInput[] =
    filters.sort === "created"
      ? [{ createdAt: "desc" }]
      : [{ dueOn: { sort: filters.sort === "-due" ? "desc" : "asc", nulls: "last" } }, { createdAt: "desc" }];
  // Without filters (or by status alone) the total comes from the kept counts, not a count of the table.
  const onlyStatus = !filters.law && !filters.body && !filters.batch && !filters.overdue;
  const total = onlyStatus
    ? countByStatus(actor.workspaceId).then((counts) => (filters.status ? (counts.get(filters.status) ?? 0) : [...counts.values()].reduce((a, b) => a + b, 0)))
    : db.foiRequest.count({ where });
  const [totalCount, rows, bodies, batches] = await Promise.all([
    total,
    db.foiRequest.findMany({
      where,
      orderBy,
      skip: (filters.page - 1) * LIST_LIMIT,
      take: LIST_LIMIT,
      select: { id: true, title: true, status: true, law: true, dueOn: true, sentAt: true, authorityRef: true, body: { select: { id: true, name: true } } },
    }),
    // Only bodies that have requests, for the filter's choices.
    db.publicBody.findMany({
      where: { workspaceId: actor.workspaceId, requests: { some: { deletedAt: null } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.batch.findMany({ where: { workspaceId: actor.workspaceId }, orderBy: { createdAt: "desc" }, take: 200, select: { id: true, name: true } }),
  ]);
  const calendars = new Map<Law, WorkingDayCalendar>();
  for (const law of new Set(rows.map((r) => r.law))) calendars.set(law, await calendarFor(law));
  const listToday = todayInLondon();
  const withClock = rows.map((r) => {
    const dueOn = fromDbDate(r.dueOn);
    // Only a running clock can be overdue: an answered request's old due date is history.
    const clock = dueOn !== null && CLOCK_RUNNING.includes(r.status) ? workingDaysStatus(dueOn, listToday, calendars.get(r.law)!) : null;
    return { ...r, clock };
  });
  return { filters, total: totalCount, pageCount: Math.max(1, Math.ceil(totalCount / LIST_LIMIT)), rows: withClock, bodies, batches, today: listToday };
}
