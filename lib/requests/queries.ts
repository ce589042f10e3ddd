import "server-only";
import { addWorkingDays, receiptDate, workingDaysStatus, type WorkingDayCalendar, type WorkingDaysStatus } from "@/lib/deadlines";
import { sqlRows } from "@/lib/db/sql";
import { requireRole, type Actor } from "@/lib/auth/access";
import { calendarFor } from "@/lib/holidays/calendars";
import { now } from "@/lib/time";
import { CLOCK_RUNNING } from "@/lib/requests/status";
import type { Law, RequestStatus } from "@/lib/generated/prisma";
import { requestFiltersSchema, type RequestFilters } from "@/lib/requests/schemas";

export const DUE_SOON_WORKING_DAYS = 10;
const LIST_LIMIT = 50;
/** The dashboard shows the first few of each list, with a link to all of them: it must not grow with the table. */
export const DASHBOARD_ROWS = 10;
/** Up to this many bodies the list filters by a choice of bodies; beyond, by a typed name (a page must not grow with the directory). */
export const BODY_CHOICES_LIMIT = 100;

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

function toDueRow(calendars: Map<Law, WorkingDayCalendar>, today: string, r: DueRowFacts): DueRow {
  const calendar = calendars.get(r.law)!;
  const clock = workingDaysStatus(r.dueOn, today, calendar);
  return { id: r.id, title: r.title, bodyName: r.bodyName, status: r.status, due: r.dueOn, workingDays: clock.workingDays, clock };
}

interface DueRowFacts {
  id: string;
  title: string;
  law: Law;
  status: RequestStatus;
  dueOn: string;
  bodyName: string;
}

// The statuses of CLOCK_RUNNING written out, so the planner can use the partial index of running
// requests by due date (the request_status_counts migration).
const RUNNING_SQL = `r.status IN ('awaiting_response', 'extended')`;

/** A due-date range: each bound a placeholder ($n) or absent (that end open). */
interface DueRange {
  from?: string;
  before?: string;
  through?: string;
}

/** `column` within the range, as conditions to AND on: only the bounds given, so a prepared statement's plan never depends on whether a bound is there. */
function dueRangeSql(column: string, range: DueRange): string {
  return [range.from && `${column} >= ${range.from}::date`, range.before && `${column} < ${range.before}::date`, range.through && `${column} <= ${range.through}::date`]
    .filter(Boolean)
    .map((condition) => ` AND ${condition}`)
    .join("");
}

/**
 * Running requests due in the range, earliest first, the first `limit`: the text of one
 * statement, with the placeholders given (the dashboard asks for two such lists and two counts
 * in a single statement).
 */
function runningDueRowsSql(workspace: string, range: DueRange, limit: number): string {
  return `SELECT r.id, r.title, r.law::text AS law, r.status::text AS status, to_char(r."dueOn", 'YYYY-MM-DD') AS "dueOn", b.name AS "bodyName"
     FROM "FoiRequest" r JOIN "PublicBody" b ON b.id = r."bodyId"
     WHERE r."workspaceId" = ${workspace} AND r."deletedAt" IS NULL AND ${RUNNING_SQL}${dueRangeSql(`r."dueOn"`, range)}
     ORDER BY r."dueOn", r.title
     LIMIT ${limit}`;
}

/**
 * How many running requests are due in the range, from the per-date summary the database keeps
 * in step with every change (RunningDueCount): one row per due date, however many requests.
 */
function runningDueCountSql(workspace: string, range: DueRange): string {
  return `SELECT COALESCE(sum(c.count), 0)::int FROM "RunningDueCount" c WHERE c."workspaceId" = ${workspace}${dueRangeSql(`c."dueOn"`, range)}`;
}

/**
 * How many requests the workspace has in each status (deleted ones left out), from the
 * summary the database keeps in step with every change (RequestStatusCount): a few rows,
 * however many requests there are.
 */
export async function countByStatus(workspaceId: string): Promise<Map<RequestStatus, number>> {
  const rows = await sqlRows<{ status: RequestStatus; count: number }>(
    `SELECT status::text AS status, count FROM "RequestStatusCount" WHERE "workspaceId" = $1 AND count > 0`,
    [workspaceId],
  );
  return new Map(rows.map((r) => [r.status, r.count]));
}

async function countRunningDue(workspaceId: string, bounds: { from?: string | null; before?: string | null; through?: string | null }): Promise<number> {
  const params: unknown[] = [workspaceId];
  const range: DueRange = {};
  for (const end of ["from", "before", "through"] as const) {
    const value = bounds[end];
    if (value) range[end] = `$${params.push(value)}`;
  }
  const [row] = await sqlRows<{ n: number }>(`SELECT (${runningDueCountSql("$1", range)}) AS n`, params);
  return row?.n ?? 0;
}

/** The last day of the dashboard's "due soon" window: DUE_SOON_WORKING_DAYS working days after today (England and Wales calendar). */
async function dueSoonHorizon(today: string): Promise<string> {
  return addWorkingDays(await calendarFor("foia"), today, DUE_SOON_WORKING_DAYS);
}

/** Everything the dashboard shows, for one workspace, as of today. */
export async function getDashboard(actor: Actor) {
  await requireRole(actor, "viewer");
  const today = todayInLondon();
  // The England and Wales calendar decides "the next 10 working days" for the list (dueSoonHorizon);
  // each request is counted in its own law's calendar (FOISA: Scottish holidays only).
  const calendars = new Map<Law, WorkingDayCalendar>();
  const horizon = await dueSoonHorizon(today);
  // One statement, one round trip: the counts by status, the two counts and the first rows of both lists.
  const [row] = await sqlRows<{ counts: Array<{ status: RequestStatus; count: number }>; overdueCount: number; dueSoonCount: number; overdue: DueRowFacts[]; dueSoon: DueRowFacts[] }>(
    `SELECT
       (SELECT COALESCE(json_agg(json_build_object('status', c.status, 'count', c.count)), '[]'::json) FROM "RequestStatusCount" c WHERE c."workspaceId" = $1 AND c.count > 0) AS counts,
       (${runningDueCountSql("$1", { before: "$2" })}) AS "overdueCount",
       (${runningDueCountSql("$1", { from: "$2", through: "$3" })}) AS "dueSoonCount",
       (SELECT COALESCE(json_agg(x ORDER BY x."dueOn", x.title), '[]'::json) FROM (${runningDueRowsSql("$1", { before: "$2" }, DASHBOARD_ROWS)}) x) AS overdue,
       (SELECT COALESCE(json_agg(x ORDER BY x."dueOn", x.title), '[]'::json) FROM (${runningDueRowsSql("$1", { from: "$2", through: "$3" }, DASHBOARD_ROWS)}) x) AS "dueSoon"`,
    [actor.workspaceId, today, horizon],
    { prepared: true },
  );
  const { overdueCount, dueSoonCount, overdue, dueSoon } = row!;
  const counts = new Map(row!.counts.map((c) => [c.status, c.count]));
  for (const r of [...dueSoon, ...overdue]) if (!calendars.has(r.law)) calendars.set(r.law, await calendarFor(r.law));
  const byStatus = [...counts].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count);
  return {
    today,
    horizon,
    total: byStatus.reduce((sum, s) => sum + s.count, 0),
    overdueCount,
    dueSoonCount,
    byStatus,
    dueSoon: dueSoon.map((r) => toDueRow(calendars, today, r)),
    overdue: overdue.map((r) => toDueRow(calendars, today, r)),
  };
}

export interface RequestListRow {
  id: string;
  title: string;
  status: RequestStatus;
  law: Law;
  /** YYYY-MM-DD */
  dueOn: string | null;
  sentAt: Date | null;
  authorityRef: string | null;
  body: { id: string; name: string };
  /** Incoming messages whose suggested meaning nobody has confirmed or dismissed yet. */
  repliesToConfirm: number;
  clock: WorkingDaysStatus | null;
}

const LIST_ORDER: Record<RequestFilters["sort"], string> = {
  due: `r."dueOn" ASC NULLS LAST, r."createdAt" DESC`,
  "-due": `r."dueOn" DESC NULLS LAST, r."createdAt" DESC`,
  created: `r."createdAt" DESC`,
};

/** The requests list: filtered and sorted as the URL says, a page at a time. */
export async function listRequests(actor: Actor, rawFilters: Partial<Record<keyof RequestFilters, unknown>> = {}) {
  await requireRole(actor, "viewer");
  const filters = requestFiltersSchema.parse(rawFilters);
  const listToday = todayInLondon();
  // One WHERE for the page and its count; an unused filter is a null parameter.
  // Overdue narrows whatever status was chosen (a chosen status that has no clock finds nothing).
  const where = `r."workspaceId" = $1 AND r."deletedAt" IS NULL
    AND ($2::text IS NULL OR r.status = $2::"RequestStatus") AND ($3::text IS NULL OR r.law = $3::"Law")
    AND ($4::text IS NULL OR r."bodyId" = $4) AND ($5::text IS NULL OR r."batchId" = $5)
    AND (NOT $6::boolean OR (${RUNNING_SQL} AND r."dueOn" < $7::date))
    AND ($8::text IS NULL OR EXISTS (SELECT 1 FROM "PublicBody" nb WHERE nb.id = r."bodyId" AND strpos(lower(nb.name), lower($8)) > 0))
    AND (NOT $9::boolean OR EXISTS (SELECT 1 FROM "Message" m WHERE m."requestId" = r.id AND m.review = 'pending' AND m.direction = 'incoming'))
    AND ($10::date IS NULL OR (${RUNNING_SQL} AND r."dueOn" >= $7::date AND r."dueOn" <= $10::date))`;
  const horizon = filters.dueSoon ? await dueSoonHorizon(listToday) : null;
  const params = [actor.workspaceId, filters.status ?? null, filters.law ?? null, filters.body ?? null, filters.batch ?? null, filters.overdue, listToday, filters.bodyName ?? null, filters.replies, horizon];
  // Without filters (or by status alone) the total comes from the kept counts, not a count of the table.
  const onlyStatus = !filters.law && !filters.body && !filters.bodyName && !filters.batch && !filters.overdue && !filters.dueSoon && !filters.replies;
  // Overdue or due soon alone: from the kept per-date counts.
  const onlyDue = (filters.overdue || filters.dueSoon) && !filters.status && !filters.law && !filters.body && !filters.bodyName && !filters.batch && !filters.replies;
  const total = onlyDue
    ? countRunningDue(actor.workspaceId, { from: filters.dueSoon ? listToday : null, before: filters.overdue ? listToday : null, through: horizon })
    : onlyStatus
    ? countByStatus(actor.workspaceId).then((counts) => (filters.status ? (counts.get(filters.status) ?? 0) : [...counts.values()].reduce((a, b) => a + b, 0)))
    : sqlRows<{ n: number }>(`SELECT count(*)::int AS n FROM "FoiRequest" r WHERE ${where}`, params).then(([row]) => row?.n ?? 0);
  const [totalCount, rows, bodies, batches] = await Promise.all([
    total,
    sqlRows<Omit<RequestListRow, "clock" | "body"> & { bodyId: string; bodyName: string }>(
      `SELECT r.id, r.title, r.status::text AS status, r.law::text AS law, to_char(r."dueOn", 'YYYY-MM-DD') AS "dueOn", r."sentAt", r."authorityRef",
         b.id AS "bodyId", b.name AS "bodyName",
         (SELECT count(*)::int FROM "Message" m WHERE m."requestId" = r.id AND m.review = 'pending' AND m.direction = 'incoming') AS "repliesToConfirm"
       FROM "FoiRequest" r JOIN "PublicBody" b ON b.id = r."bodyId"
       WHERE ${where}
       ORDER BY ${LIST_ORDER[filters.sort]}
       LIMIT ${LIST_LIMIT} OFFSET $11`,
      [...params, (filters.page - 1) * LIST_LIMIT],
    ),
    // Only bodies that have requests, for the filter's choices; one more than the limit tells there are too many.
    sqlRows<{ id: string; name: string }>(
      `SELECT b.id, b.name FROM "PublicBody" b
       WHERE b."workspaceId" = $1 AND EXISTS (SELECT 1 FROM "FoiRequest" r WHERE r."workspaceId" = $1 AND r."bodyId" = b.id AND r."deletedAt" IS NULL)
       ORDER BY b.name
       LIMIT ${BODY_CHOICES_LIMIT + 1}`,
      [actor.workspaceId],
    ),
    sqlRows<{ id: string; name: string }>(`SELECT id, name FROM "Batch" WHERE "workspaceId" = $1 ORDER BY "createdAt" DESC LIMIT 200`, [actor.workspaceId]),
  ]);
  const calendars = new Map<Law, WorkingDayCalendar>();
  for (const law of new Set(rows.map((r) => r.law))) calendars.set(law, await calendarFor(law));
  const withClock: RequestListRow[] = rows.map(({ bodyId, bodyName, ...r }) => ({
    ...r,
    body: { id: bodyId, name: bodyName },
    // Only a running clock can be overdue: an answered request's old due date is history.
    clock: r.dueOn !== null && CLOCK_RUNNING.includes(r.status) ? workingDaysStatus(r.dueOn, listToday, calendars.get(r.law)!) : null,
  }));
  return {
    filters,
    total: totalCount,
    pageCount: Math.max(1, Math.ceil(totalCount / LIST_LIMIT)),
    rows: withClock,
    /** The bodies to choose from, or null when there are too many: the page asks for a name instead. */
    bodies: bodies.length > BODY_CHOICES_LIMIT ? null : bodies,
    batches,
    today: listToday,
    /** The end of the "due soon" window, when that filter is on. */
    horizon,
  };
}
