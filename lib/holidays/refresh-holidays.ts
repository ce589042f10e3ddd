import "server-only";
import { diffHolidayData, parseGovUkHolidays, type HolidayDataDiff } from "@/lib/deadlines";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, Prisma } from "@/lib/db/client";
import type { RequestStatus } from "@/lib/generated/prisma";
import { unsafeRecomputeClock } from "@/lib/requests/unsafe-recompute-clock";
import { fromDbDate } from "@/lib/requests/dates";
import { loadHolidayData, loadShippedHolidayData, NEWEST_FIRST } from "./calendars";
import { fetchGovUkHolidays, HolidayRefreshError, type FetchHolidaysOptions } from "./fetch-gov-uk-holidays";
import { mergeHolidayData } from "./merge-holiday-data";

export { DEFAULT_HOLIDAYS_URL, HolidayRefreshError } from "./fetch-gov-uk-holidays";

export const HOLIDAYS_REFRESH_ACTION = "holidays.refresh";

/**
 * Requests whose stored dates can still matter: the body's clock (or a pause in it), an
 * internal review or an ICO complaint. Drafts have no clock; answered, refused and
 * withdrawn requests keep the dates they were closed with.
 */
export const OPEN_STATUSES: readonly RequestStatus[] = [
  "awaiting_response",
  "awaiting_clarification",
  "awaiting_fee",
  "extended",
  "internal_review",
  "ico_complaint",
];

export interface RefreshHolidayDataOptions extends FetchHolidaysOptions {
  url: string;
  /** Fetch, merge and diff, but write nothing. */
  dryRun?: boolean;
}

export interface DueDateChange {
  requestId: string;
  workspaceId: string;
  from: string | null;
  to: string | null;
}

export interface HolidayRefreshSummary {
  /** True when this run stored new holiday data. */
  changed: boolean;
  dryRun: boolean;
  /** True when this run finished recomputing for data an earlier, interrupted run stored. */
  resumed: boolean;
  holidayDataId: string | null;
  added: string[];
  removed: string[];
  requestsRecomputed: number;
  dueDatesChanged: DueDateChange[];
}

/**
 * Refreshes the bank holiday data from GOV.UK (DESIGN.md "The statutory clock"): fetch,
 * validate, merge with what we hold, and when a date changed store the new version and
 * recompute every open request's stored dates, logging the change per workspace.
 *
 * Idempotent through the database: a run that finds nothing new writes nothing, and the
 * system-level audit row, written last, marks a version whose clocks are all recomputed;
 * a version stored without it (a crash mid-way) is finished by the next run.
 */
export async function refreshHolidayData(options: RefreshHolidayDataOptions): Promise<HolidayRefreshSummary> {
  const { url, dryRun = false } = options;
  const incoming = await fetchGovUkHolidays(url, options);

  if (dryRun) {
    const current = await loadHolidayData();
    const diff = diffHolidayData(current.data, mergeHolidayData(parseGovUkHolidays(current.data), incoming));
    return { ...unchanged(true), changed: diff.changed, ...addedAndRemoved(diff) };
  }

  return withRefreshLock(async () => {
    // Read under the lock, so two workers cannot both store the same version.
    const current = await loadHolidayData();
    const merged = mergeHolidayData(parseGovUkHolidays(current.data), incoming);
    const diff = diffHolidayData(current.data, merged);
    if (diff.changed) {
      // Committed on its own before any clock is recomputed: unsafeRecomputeClock reads the
      // newest row through calendarFor, which must already see this one.
      const row = await db.holidayData.create({
        data: { json: merged as unknown as Prisma.InputJsonValue, source: url },
        select: { id: true },
      });
      return { ...(await recomputeOpenClocks(row.id, url, diff, false)), changed: true };
    }
    if (current.version !== "shipped" && !(await isFullyRecomputed(current.version))) {
      const previous = await dataBefore(current.version);
      const stored = await db.holidayData.findUniqueOrThrow({ where: { id: current.version }, select: { source: true } });
      return recomputeOpenClocks(current.version, stored.source, diffHolidayData(previous, current.data), true);
    }
    return unchanged(false);
  });
}

function unchanged(dryRun: boolean): HolidayRefreshSummary {
  return { changed: false, dryRun, resumed: false, holidayDataId: null, added: [], removed: [], requestsRecomputed: 0, dueDatesChanged: [] };
}

function addedAndRemoved(diff: HolidayDataDiff): { added: string[]; removed: string[] } {
  const added = new Set<string>();
  const removed = new Set<string>();
  for (const division of Object.values(diff.divisions)) {
    division.added.forEach((d) => added.add(d));
    division.removed.forEach((d) => removed.add(d));
  }
  return { added: [...added].sort(), removed: [...removed].sort() };
}

/**
 * One refresh at a time across every process on the database: a transaction-scoped
 * advisory lock held on its own connection while the work runs on others (the work's
 * writes must commit as they go, so that unsafeRecomputeClock sees the new data).
 */
async function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('foi-tracker:holidays-refresh')) AS locked`;
      if (!row?.locked) throw new HolidayRefreshError("Another holiday data refresh is running; try again later", "busy");
      return work();
    },
    { maxWait: 10_000, timeout: 30 * 60_000 },
  );
}

async function isFullyRecomputed(holidayDataId: string): Promise<boolean> {
  const marker = await db.auditLog.findFirst({
    where: { workspaceId: null, action: HOLIDAYS_REFRESH_ACTION, entity: "HolidayData", entityId: holidayDataId },
    select: { id: true },
  });
  return marker !== null;
}

async function dataBefore(holidayDataId: string): Promise<unknown> {
  const rows = await db.holidayData.findMany({ orderBy: NEWEST_FIRST, select: { id: true }, take: 50 });
  const index = rows.findIndex((r) => r.id === holidayDataId);
  const previous = index >= 0 ? rows[index + 1] : undefined;
  if (!previous) return loadShippedHolidayData();
  return (await db.holidayData.findUniqueOrThrow({ where: { id: previous.id }, select: { json: true } })).json;
}

interface StoredDates {
  id: string;
  workspaceId: string;
  dueOn: Date | null;
  reviewDueOn: Date | null;
}

/** Every open request in every workspace: for system jobs only, never for a member's view. */
async function unsafeListOpenRequestDates(ids?: string[]): Promise<StoredDates[]> {
  return db.foiRequest.findMany({
    where: { deletedAt: null, status: { in: [...OPEN_STATUSES] }, ...(ids ? { id: { in: ids } } : {}) },
    select: { id: true, workspaceId: true, dueOn: true, reviewDueOn: true },
    orderBy: { id: "asc" },
  });
}

function isNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

async function recomputeOpenClocks(holidayDataId: string, source: string, diff: HolidayDataDiff, resumed: boolean): Promise<HolidayRefreshSummary> {
  const before = await unsafeListOpenRequestDates();
  const recomputed: StoredDates[] = [];
  const failures: string[] = [];
  for (const request of before) {
    try {
      await unsafeRecomputeClock(request.id);
      recomputed.push(request);
    } catch (error) {
      // Deleted since we listed it: nothing to recompute.
      if (isNotFound(error)) continue;
      failures.push(`${request.id}: ${(error as Error).message}`);
    }
  }
  if (failures.length > 0) {
    // No completion marker: the next run recomputes again.
    throw new HolidayRefreshError(`Holiday data stored, but ${failures.length} clock(s) could not be recomputed (first: ${failures[0]})`, "data");
  }

  const after = new Map((await unsafeListOpenRequestDates(recomputed.map((r) => r.id))).map((r) => [r.id, r]));
  const dueDatesChanged: DueDateChange[] = [];
  const byWorkspace = new Map<string, { recomputed: number; dueDatesChanged: object[]; reviewDueDatesChanged: object[] }>();
  for (const old of recomputed) {
    const now = after.get(old.id);
    if (!now) continue;
    const entry = byWorkspace.get(old.workspaceId) ?? { recomputed: 0, dueDatesChanged: [], reviewDueDatesChanged: [] };
    byWorkspace.set(old.workspaceId, entry);
    entry.recomputed++;
    const [fromDue, toDue] = [fromDbDate(old.dueOn), fromDbDate(now.dueOn)];
    if (fromDue !== toDue) {
      dueDatesChanged.push({ requestId: old.id, workspaceId: old.workspaceId, from: fromDue, to: toDue });
      entry.dueDatesChanged.push({ requestId: old.id, from: fromDue, to: toDue });
    }
    const [fromReview, toReview] = [fromDbDate(old.reviewDueOn), fromDbDate(now.reviewDueOn)];
    if (fromReview !== toReview) entry.reviewDueDatesChanged.push({ requestId: old.id, from: fromReview, to: toReview });
  }

  const { added, removed } = addedAndRemoved(diff);
  const common = { holidayDataId, source, added, removed, ...(resumed ? { resumed } : {}) };
  await db.$transaction(async (tx) => {
    for (const [workspaceId, entry] of byWorkspace) {
      await recordAudit(
        {
          workspaceId,
          action: HOLIDAYS_REFRESH_ACTION,
          entity: "HolidayData",
          entityId: holidayDataId,
          data: { ...common, requestsRecomputed: entry.recomputed, dueDatesChanged: entry.dueDatesChanged, reviewDueDatesChanged: entry.reviewDueDatesChanged } as Prisma.InputJsonValue,
        },
        tx,
      );
    }
    // Written last: the mark that this version's clocks are all recomputed.
    await recordAudit(
      {
        workspaceId: null,
        action: HOLIDAYS_REFRESH_ACTION,
        entity: "HolidayData",
        entityId: holidayDataId,
        data: {
          ...common,
          divisions: diff.divisions,
          requestsRecomputed: recomputed.length,
          dueDatesChanged: dueDatesChanged.length,
          workspaces: byWorkspace.size,
        } as unknown as Prisma.InputJsonValue,
      },
      tx,
    );
  });

  return { changed: false, dryRun: false, resumed, holidayDataId, added, removed, requestsRecomputed: recomputed.length, dueDatesChanged };
}
