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

/** Everything the dashboard shows, for one workspace, as of today. */
export async function getDashboard(actor: Actor) {
  await requireRole(actor, "viewer");
  const today = todayInLondon();
  // The UK-wide calendar decides "the next 10 working days" for the list; each request is
  // counted in its own law's calendar (FOISA: Scottish holidays only), built only if used.
  const calendars = new Map<Law, WorkingDayCalendar>([["foia", await calendarFor("foia")]]);
  const calendar = calendars.get("foia")!;
  const horizon = addWorkingDays(calendar, today, DUE_SOON_WORKING_DAYS);
  const base = { workspaceId: actor.workspaceId, deletedAt: null };
  const running = { ...base, status: { in: CLOCK_RUNNING } };
  const select = { id: true, title: true, law: true, status: true, dueOn: true, body: { select: { name: true } } } as const;
  const [byStatus, overdueCount, dueSoon, overdue, total] = await Promise.all([
    db.foiRequest.groupBy({ by: ["status"], where: base, _count: true }),
    db.foiRequest.count({ where: { ...running, dueOn: { lt: toDbDate(today)! } } }),
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
    db.foiRequest.count({ where: base }),
  ]);
  for (const r of [...dueSoon, ...overdue]) if (!calendars.has(r.law)) calendars.set(r.law, await calendarFor(r.law));
  return {
    today,
    horizon,
    total,
    overdueCount,
    byStatus: byStatus.map((g) => ({ status: g.status, count: g._count })).sort((a, b) => b.count - a.count),
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
  if (filters.replies) where.messages = { some: { review: "pending", direction: "incoming" } };
  const orderBy: Prisma.FoiRequestOrderByWithRelationInput[] =
    filters.sort === "created"
      ? [{ createdAt: "desc" }]
      : [{ dueOn: { sort: filters.sort === "-due" ? "desc" : "asc", nulls: "last" } }, { createdAt: "desc" }];
  const [total, rows, bodies, batches] = await Promise.all([
    db.foiRequest.count({ where }),
    db.foiRequest.findMany({
      where,
      orderBy,
      skip: (filters.page - 1) * LIST_LIMIT,
      take: LIST_LIMIT,
      select: {
        id: true,
        title: true,
        status: true,
        law: true,
        dueOn: true,
        sentAt: true,
        authorityRef: true,
        body: { select: { id: true, name: true } },
        _count: { select: { messages: { where: { review: "pending", direction: "incoming" } } } },
      },
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
  return { filters, total, pageCount: Math.max(1, Math.ceil(total / LIST_LIMIT)), rows: withClock, bodies, batches, today: listToday };
}
