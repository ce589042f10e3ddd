import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { isoDateSchema } from "@/lib/deadlines";
import type { AlertKind, Law } from "@/lib/generated/prisma";
import { calendarFor } from "@/lib/holidays/calendars";
import { addDays, daysBetween, safeAddWorkingDays } from "./dates";

export const SWEEP_TASK = "alerts-sweep";
/**
 * A sweep never looks back further than this many days (the first ever sweep, or a catch-up
 * after a long outage), so installing the app or restarting it does not raise stale history.
 */
export const FIRST_RUN_LOOKBACK_DAYS = 14;
/**
 * Campaigners often log a request, or an event, after the day it happened, and an event can
 * move a due date to a day already swept. Alerts that say "this is late" (overdue, very
 * overdue, review overdue, waiting for you) are still raised if their day fell up to this many
 * days before the sweep window; the unique (request, kind, cycle) keeps them once. "Due soon"
 * and "due today" are never raised late: by then "overdue" is the true alert.
 */
export const LATE_ENTRY_DAYS = 30;
const LAWS: Law[] = ["foia", "eir", "foisa"];
const MAX_DUE_SOON_DAYS = 10;

export interface RaisedAlert {
  requestId: string;
  kind: AlertKind;
  cycle: string;
  dueOn: string;
  /** The day the alert first became true: before today when a catch-up raised it late. */
  expectedOn: string | null;
  bodyName: string;
  workspaceId: string;
}

export interface SweepResult {
  /** The days this sweep covered: (last finished sweep day, today], at most FIRST_RUN_LOOKBACK_DAYS. */
  days: string[];
  /** Alerts raised now (in a dry run: those that would be). */
  raised: RaisedAlert[];
  /** Notifications created (in a dry run: that would be). */
  notifications: number;
}

/**
 * For each law and each "due soon" setting N (1..10), the due dates whose "N working days
 * before" falls in (after, upTo]. The mapping is monotonic, so each set is one date range;
 * computing it here lets the SQL use the index on dueOn instead of working-day arithmetic.
 */
async function dueSoonRanges(after: string, upTo: string) {
  const rows: { law: Law; n: number; from: string; to: string }[] = [];
  // Each due date's warning day, so a late-raised "due soon" can say when it should have come.
  const exact: { law: Law; n: number; due: string; warn: string }[] = [];
  for (const law of LAWS) {
    const calendar = await calendarFor(law);
    for (let n = 1; n <= MAX_DUE_SOON_DAYS; n++) {
      let from: string | null = null;
      let to: string | null = null;
      // N working days are at most ~3N+20 calendar days (Christmas), so this bound is generous.
      for (let x = addDays(after, 1); x <= addDays(upTo, 3 * n + 21); x = addDays(x, 1)) {
        const warnOn = safeAddWorkingDays(calendar, x, -n);
        if (warnOn !== null && warnOn > after && warnOn <= upTo) {
          from ??= x;
          to = x;
          exact.push({ law, n, due: x, warn: warnOn });
        }
      }
      if (from && to) rows.push({ law, n, from, to });
    }
  }
  return { rows, exact };
}

/**
 * The requests that have an alert due in (after, upTo], as one SELECT per kind. Each kind
 * reads through the index on its stored date (kept current by unsafeRecomputeClock), so a
 * changed due date moves a pending alert by construction. Dates are the alert's own:
 * due_today on dueOn; overdue the day after dueOn; very_overdue the day after the 40th
 * working day (or after an extended date beyond it), matching describeClock; reviews the day
 * after their dates; waiting kinds from the day after the body asked (or the first sweep after
 * an entry recorded late; the "late" kinds look back LATE_ENTRY_DAYS).
 */
async function candidatesSql(after: string, upTo: string, changedSince: Date | null): Promise<Prisma.Sql> {
  const { rows: ranges, exact } = await dueSoonRanges(after, upTo);
  const L = Prisma.sql`${after}::date`;
  const D = Prisma.sql`${upTo}::date`;
  const W = Prisma.sql`${addDays(after, -LATE_ENTRY_DAYS)}::date`;
  // Before the window, only requests changed since the last sweep can have a "late" alert
  // that sweep did not see (logged late, or a date moved back): the index on updatedAt
  // finds those few, instead of re-reading LATE_ENTRY_DAYS of due dates every day.
  const changed = changedSince ? Prisma.sql`r."updatedAt" >= ${changedSince}` : Prisma.sql`TRUE`;
  const late = (column: string) => {
    const c = Prisma.raw(`r."${column}"`);
    return Prisma.sql`((${c} >= ${L} AND ${c} < ${D}) OR (${c} >= ${W} AND ${c} < ${L} AND ${changed}))`;
  };
  // Running: waiting for the response, or asked for a clarification that did not stop the clock
  // (asked for after the due date, or not reasonably required: FOIA s1(3), EIR reg 9(2)), which
  // leaves no waitingSince.
  const running = Prisma.sql`(r.status IN ('awaiting_response', 'extended') OR (r.status::text = 'awaiting_clarification' AND r."waitingSince" IS NULL)) AND r."deletedAt" IS NULL AND r."receivedOn" IS NOT NULL`;
  // status::text: a filter, not an index condition (ANDing the status index would read every
  // request in that status; the date index alone is far narrower).
  const review = Prisma.sql`r.status::text = 'internal_review' AND r."deletedAt" IS NULL AND r."reviewRequestedOn" IS NOT NULL`;
  // One SELECT per kind, keyed by kind: a new alert kind fails to compile until it has one.
  // Each raises only what is still true today, so a catch-up after days off raises the most
  // advanced state of each clock (not "due today" beside "overdue"); expectedOn says the day
  // the alert first became true.
  const perKind = {
    due_soon:
      ranges.length === 0
        ? null
        : Prisma.sql`
    SELECT r.id AS "requestId", r."workspaceId", 'due_soon'::"AlertKind" AS kind, r."receivedOn" AS cycle, r."dueOn" AS "dueOn", exact.warn AS "expectedOn"
    FROM "FoiRequest" r
    JOIN ws ON ws."workspaceId" = r."workspaceId"
    JOIN unnest(${ranges.map((r) => r.law)}::text[], ${ranges.map((r) => r.n)}::int[], ${ranges.map((r) => r.from)}::date[], ${ranges.map((r) => r.to)}::date[])
      AS soon(law, n, dfrom, dto) ON soon.law = r.law::text AND soon.n = ws.n AND r."dueOn" BETWEEN soon.dfrom AND soon.dto
    LEFT JOIN unnest(${exact.map((e) => e.law)}::text[], ${exact.map((e) => e.n)}::int[], ${exact.map((e) => e.due)}::date[], ${exact.map((e) => e.warn)}::date[])
      AS exact(law, n, due, warn) ON exact.law = r.law::text AND exact.n = ws.n AND exact.due = r."dueOn"
    WHERE r."dueOn" BETWEEN ${ranges.map((r) => r.from).sort()[0]}::date AND ${ranges.map((r) => r.to).sort().at(-1)}::date
      AND r."dueOn" > ${D} AND ${running}`,
    // The day the response is due (workingDaysStatus: "due_today"): only true on that day.
    due_today: Prisma.sql`
      SELECT r.id, r."workspaceId", 'due_today'::"AlertKind", r."receivedOn", r."dueOn", r."dueOn"
      FROM "FoiRequest" r WHERE r."dueOn" = ${D} AND ${running}`,
    // From the day after (workingDaysStatus: "overdue"), until the request is very overdue.
    overdue: Prisma.sql`
      SELECT r.id, r."workspaceId", 'overdue'::"AlertKind", r."receivedOn", r."dueOn", r."dueOn" + 1
      FROM "FoiRequest" r WHERE ${late("dueOn")} AND GREATEST(r."veryOverdueOn", r."dueOn") >= ${D} AND ${running}`,
    very_overdue: Prisma.sql`
      SELECT r.id, r."workspaceId", 'very_overdue'::"AlertKind", r."receivedOn", GREATEST(r."veryOverdueOn", r."dueOn"), GREATEST(r."veryOverdueOn", r."dueOn") + 1
      FROM "FoiRequest" r
      WHERE ((${late("veryOverdueOn")} AND r."veryOverdueOn" >= r."dueOn")
          OR (${late("dueOn")} AND r."dueOn" > r."veryOverdueOn"))
        AND ${running}`,
    review_overdue: Prisma.sql`
      SELECT r.id, r."workspaceId", 'review_overdue'::"AlertKind", r."reviewRequestedOn", r."reviewDueOn", r."reviewDueOn" + 1
      FROM "FoiRequest" r WHERE ${late("reviewDueOn")} AND (r."reviewVeryOverdueOn" IS NULL OR r."reviewVeryOverdueOn" >= ${D}) AND ${review}`,
    review_very_overdue: Prisma.sql`
      SELECT r.id, r."workspaceId", 'review_very_overdue'::"AlertKind", r."reviewRequestedOn", r."reviewVeryOverdueOn", r."reviewVeryOverdueOn" + 1
      FROM "FoiRequest" r WHERE ${late("reviewVeryOverdueOn")} AND ${review}`,
    clarification_waiting: Prisma.sql`
      SELECT r.id, r."workspaceId", 'clarification_waiting'::"AlertKind", r."waitingSince", r."waitingSince", r."waitingSince" + 1
      FROM "FoiRequest" r WHERE ${late("waitingSince")} AND r.status::text = 'awaiting_clarification' AND r."deletedAt" IS NULL`,
    fee_waiting: Prisma.sql`
      SELECT r.id, r."workspaceId", 'fee_waiting'::"AlertKind", r."waitingSince", r."waitingSince", r."waitingSince" + 1
      FROM "FoiRequest" r WHERE ${late("waitingSince")} AND r.status::text = 'awaiting_fee' AND r."deletedAt" IS NULL`,
    // Raised when the mail arrives (lib/replies/alerts.ts), never by the sweep.
    reply_received: null,
    letter_bounced: null,
    // The campaign's own next deadline (lib/deadlines ownDeadlines), from its warning day while
    // the deadline has not passed; cycle = the deadline, so each new deadline alerts once.
    own_deadline_soon: Prisma.sql`
      SELECT r.id, r."workspaceId", 'own_deadline_soon'::"AlertKind", r."ownDeadlineOn", r."ownDeadlineOn", r."ownDeadlineWarnOn"
      FROM "FoiRequest" r
      WHERE ((r."ownDeadlineWarnOn" > ${L} AND r."ownDeadlineWarnOn" <= ${D}) OR (r."ownDeadlineWarnOn" >= ${W} AND r."ownDeadlineWarnOn" <= ${L} AND ${changed}))
        AND r."ownDeadlineOn" >= ${D} AND r.status::text <> 'withdrawn' AND r."deletedAt" IS NULL`,
    // The day after the date a decision notice set for the body's steps (FOIA s50(4), s54; FOISA s53).
    compliance_missed: Prisma.sql`
      SELECT r.id, r."workspaceId", 'compliance_missed'::"AlertKind", r."complianceDueOn", r."complianceDueOn", r."complianceDueOn" + 1
      FROM "FoiRequest" r WHERE ${late("complianceDueOn")} AND r.status::text <> 'withdrawn' AND r."deletedAt" IS NULL`,
  } satisfies Record<AlertKind, Prisma.Sql | null>;
  const selects = Object.values(perKind).filter((sql): sql is Prisma.Sql => sql !== null);
  return Prisma.sql`
    WITH ws AS (
      -- "Due soon" is raised as early as the member who wants the most warning asked for.
      SELECT m."workspaceId", MAX(COALESCE(s."dueSoonDays", 3))::int AS n
      FROM "Membership" m LEFT JOIN "AlertSettings" s ON s."userId" = m."userId"
      GROUP BY m."workspaceId"
    ),
    candidates ("requestId", "workspaceId", kind, cycle, "dueOn", "expectedOn") AS (
      ${Prisma.join(selects, " UNION ALL ")}
    )`;
}

/**
 * The kinds the sweep's SQL would raise for one request over (after, upTo], whether or not
 * already raised: for the test that the SQL agrees with workingDaysStatus.
 */
export async function sweepCandidateKinds(requestId: string, after: string, upTo: string, changedSince: Date | null = null): Promise<AlertKind[]> {
  const candidates = await candidatesSql(after, upTo, changedSince);
  const rows = await db.$queryRaw<{ kind: AlertKind }[]>`${candidates} SELECT DISTINCT kind::text AS kind FROM candidates WHERE "requestId" = ${requestId} ORDER BY 1`;
  return rows.map((r) => r.kind);
}

interface RaisedRow {
  requestId: string;
  kind: AlertKind;
  cycle: string;
  dueOn: string;
  expectedOn: string | null;
  bodyName: string;
  workspaceId: string;
  notifications: number;
}

/** The last day a sweep finished before `today`, or null if none ever did. */
async function lastSweptBefore(today: string): Promise<{ day: string; startedAt: Date } | null> {
  const rows = await db.$queryRaw<{ day: string; startedAt: Date }[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, "startedAt" FROM "ScheduledRun"
    WHERE task = ${SWEEP_TASK} AND "finishedAt" IS NOT NULL AND day < ${today}::date
    ORDER BY day DESC LIMIT 1`;
  return rows[0] ?? null;
}

/**
 * A change committed while the last sweep ran may carry an updatedAt from just before it
 * started (the timestamp is taken before the commit): an hour's margin covers any such write.
 */
const CHANGE_MARGIN_MS = 60 * 60_000;

/**
 * Raises every alert due in (last finished sweep, today] exactly once: the INSERT's
 * ON CONFLICT on (request, kind, cycle) is what stops a re-run or a second worker, not a
 * check beforehand. Notifications go to every member (unless they turned the kind off) for
 * the alerts this run actually inserted, in the same statement and transaction, which also
 * records the days as swept. A dry run computes the same set and writes nothing.
 */
export async function runAlertSweep(options: { today: string; dryRun?: boolean }): Promise<SweepResult> {
  const today = isoDateSchema.parse(options.today);
  const previous = await lastSweptBefore(today);
  const last = previous?.day ?? null;
  const changedSince = previous ? new Date(previous.startedAt.getTime() - CHANGE_MARGIN_MS) : null;
  // Catch-up is bounded: after a long outage (or a run with an old --now) "due soon" and
  // "due today" for long-gone days would be noise; the late kinds still look back further.
  const earliest = addDays(today, -FIRST_RUN_LOOKBACK_DAYS);
  const after = last !== null && last > earliest ? last : earliest;
  const days = daysBetween(after, today);
  const candidates = await candidatesSql(after, today, changedSince);

  if (options.dryRun) {
    const rows = await db.$queryRaw<RaisedRow[]>`
      ${candidates},
      fresh AS (
        SELECT DISTINCT c.* FROM candidates c
        WHERE NOT EXISTS (SELECT 1 FROM "Alert" a WHERE a."requestId" = c."requestId" AND a.kind = c.kind AND a.cycle = c.cycle)
      )
      SELECT f."requestId", f.kind::text AS kind, to_char(f.cycle, 'YYYY-MM-DD') AS cycle, to_char(f."dueOn", 'YYYY-MM-DD') AS "dueOn", to_char(f."expectedOn", 'YYYY-MM-DD') AS "expectedOn",
        b.name AS "bodyName", f."workspaceId",
        (SELECT COUNT(*) FROM "Membership" m LEFT JOIN "AlertPreference" p ON p."userId" = m."userId" AND p.kind = f.kind
          WHERE m."workspaceId" = f."workspaceId" AND (p.delivery IS NULL OR p.delivery <> 'off'))::int AS notifications
      FROM fresh f JOIN "FoiRequest" r ON r.id = f."requestId" JOIN "PublicBody" b ON b.id = r."bodyId"
      ORDER BY f."dueOn", b.name, f.kind`;
    return { days, raised: rows.map(toRaised), notifications: rows.reduce((sum, r) => sum + r.notifications, 0) };
  }

  return db.$transaction(
    async (tx) => {
      // A day's alerts are a few thousand rows at most: starting parallel workers costs more than it saves.
      await tx.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`;
      // Safe not to wait for the disk: if a crash loses this commit, it loses the ScheduledRun
      // rows with it, so the next tick sweeps the same days again (idempotent by the constraint).
      await tx.$executeRaw`SET LOCAL synchronous_commit = off`;
      const rows = await tx.$queryRaw<RaisedRow[]>`
        ${candidates},
        inserted AS (
          INSERT INTO "Alert" (id, "workspaceId", "requestId", kind, cycle, "dueOn", "raisedOn", "expectedOn")
          SELECT gen_random_uuid()::text, c."workspaceId", c."requestId", c.kind, c.cycle, c."dueOn", ${today}::date, c."expectedOn"
          FROM candidates c
          -- A fixed order, so two concurrent sweeps wait on each other instead of deadlocking.
          ORDER BY c."requestId", c.kind, c.cycle
          ON CONFLICT ("requestId", kind, cycle) DO NOTHING
          RETURNING id, "workspaceId", "requestId", kind, cycle, "dueOn", "expectedOn"
        ),
        notified AS (
          -- "In the app only" notifications are born digested: the digest scan never reads them,
          -- and switching the kind to email later does not mail this backlog.
          INSERT INTO "Notification" (id, "alertId", "userId", "workspaceId", "digestedAt")
          SELECT gen_random_uuid()::text, i.id, m."userId", i."workspaceId", CASE WHEN p.delivery = 'app' THEN CURRENT_TIMESTAMP END
          FROM inserted i
          JOIN "Membership" m ON m."workspaceId" = i."workspaceId"
          LEFT JOIN "AlertPreference" p ON p."userId" = m."userId" AND p.kind = i.kind
          WHERE p.delivery IS NULL OR p.delivery <> 'off'
          ON CONFLICT ("alertId", "userId") DO NOTHING
          RETURNING 1
        )
        SELECT i."requestId", i.kind::text AS kind, to_char(i.cycle, 'YYYY-MM-DD') AS cycle, to_char(i."dueOn", 'YYYY-MM-DD') AS "dueOn", to_char(i."expectedOn", 'YYYY-MM-DD') AS "expectedOn",
          b.name AS "bodyName", i."workspaceId", (SELECT COUNT(*) FROM notified)::int AS notifications
        FROM inserted i JOIN "FoiRequest" r ON r.id = i."requestId" JOIN "PublicBody" b ON b.id = r."bodyId"
        ORDER BY i."dueOn", b.name, i.kind`;
      await tx.$executeRaw`
        INSERT INTO "ScheduledRun" (task, day, "startedAt", "finishedAt")
        SELECT ${SWEEP_TASK}, d::date, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM unnest(${days}::text[]) AS d
        ON CONFLICT (task, day) DO UPDATE SET "finishedAt" = COALESCE("ScheduledRun"."finishedAt", EXCLUDED."finishedAt")`;
      return { days, raised: rows.map(toRaised), notifications: rows[0]?.notifications ?? 0 };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

function toRaised(row: RaisedRow): RaisedAlert {
  return { requestId: row.requestId, kind: row.kind, cycle: row.cycle, dueOn: row.dueOn, expectedOn: row.expectedOn, bodyName: row.bodyName, workspaceId: row.workspaceId };
}

/** EXPLAIN of the sweep's read for a window (for the benchmark: it must use the date indexes). */
export async function explainSweep(after: string, upTo: string, changedSince: Date | null = null): Promise<string[]> {
  const candidates = await candidatesSql(after, upTo, changedSince);
  const rows = await db.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN (ANALYZE, COSTS OFF) ${candidates} SELECT COUNT(*) FROM candidates`;
  return rows.map((r) => r["QUERY PLAN"]);
}
