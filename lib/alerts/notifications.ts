import "server-only";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { formatUkDate, type WorkingDaysStatus } from "@/lib/deadlines";
import { lateNote } from "./dates";
import { db, type Prisma } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import type { AlertKind, Law } from "@/lib/generated/prisma";
import { calendarFor } from "@/lib/holidays/calendars";
import { fromDbDate } from "@/lib/requests/dates";
import { todayInLondon } from "@/lib/requests/queries";
import { now } from "@/lib/time";
import { safeWorkingDaysStatus, workingDaysFrom } from "./dates";
import { ALERT_SEVERITY, alertKindInfo, whatToDo } from "./kinds";
import { listNotificationsSchema } from "./schemas";
import { dueSoonLimits, visibleNotificationsWhere } from "./visibility";

export const NOTIFICATIONS_PAGE_SIZE = 20;

export interface NotificationItem {
  id: string;
  kind: AlertKind;
  label: string;
  whatToDo: string;
  requestId: string;
  requestTitle: string;
  bodyName: string;
  batchName: string | null;
  /** YYYY-MM-DD: the date the alert is about. */
  dueOn: string;
  /** "Tuesday 31 August 2021". */
  dueLabel: string;
  /** Working days from today to dueOn: positive left, negative overdue. */
  workingDays: number;
  /** "3 working days left", "Due today", "Overdue by 4 working days". */
  workingDaysLabel: string;
  /** Where a deadline stands today (null for a milestone, or outside the calendar's years). */
  dueStatus: WorkingDaysStatus | null;
  /** What the date means for this kind: "Response was due". */
  dateMeaning: string;
  /** YYYY-MM-DD and its UK label. */
  raisedOn: string;
  raisedLabel: string;
  /** YYYY-MM-DD: the day the alert first became true (null for alerts raised before this was kept). */
  expectedOn: string | null;
  /** Said when a catch-up raised it after that day; null when it came on time. */
  lateNote: string | null;
  readAt: Date | null;
}


export interface NotificationPage {
  items: NotificationItem[];
  total: number;
  page: number;
  pageCount: number;
}

async function scope(actor: Actor): Promise<Prisma.NotificationWhereInput> {
  await requireRole(actor, "viewer");
  const visible = await visibleNotificationsWhere(actor.userId, todayInLondon());
  // Deleted requests stay out of the list; their alerts come back if an owner restores them.
  return { userId: actor.userId, workspaceId: actor.workspaceId, alert: { request: { deletedAt: null } }, AND: [visible] };
}

export async function listNotifications(actor: Actor, input: { page?: unknown; unread?: boolean } = {}): Promise<NotificationPage> {
  const { page: wanted, unread } = listNotificationsSchema.parse(input);
  const base = await scope(actor);
  const where: Prisma.NotificationWhereInput = unread ? { ...base, readAt: null } : base;
  const total = await db.notification.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE));
  const page = Math.min(wanted, pageCount);
  const ids = await pageOfNotificationIds(actor, Boolean(unread), (page - 1) * NOTIFICATIONS_PAGE_SIZE);
  const found = await db.notification.findMany({
    where: { id: { in: ids }, userId: actor.userId, workspaceId: actor.workspaceId },
    select: {
      id: true,
      readAt: true,
      alert: {
        select: {
          kind: true,
          dueOn: true,
          raisedOn: true,
          expectedOn: true,
          request: { select: { id: true, title: true, law: true, body: { select: { name: true } }, batch: { select: { name: true } } } },
        },
      },
    },
  });
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  const today = todayInLondon();
  const calendars = new Map<Law, Awaited<ReturnType<typeof calendarFor>>>();
  const items: NotificationItem[] = [];
  for (const row of rows) {
    const { alert } = row;
    const law = alert.request.law;
    if (!calendars.has(law)) calendars.set(law, await calendarFor(law));
    const dueOn = fromDbDate(alert.dueOn)!;
    const raisedOn = fromDbDate(alert.raisedOn)!;
    const expectedOn = fromDbDate(alert.expectedOn);
    const days = workingDaysFrom(calendars.get(law)!, today, dueOn);
    const info = alertKindInfo(alert.kind);
    items.push({
      id: row.id,
      kind: alert.kind,
      label: info.label,
      whatToDo: whatToDo(alert.kind, law),
      requestId: alert.request.id,
      requestTitle: alert.request.title,
      bodyName: alert.request.body.name,
      batchName: alert.request.batch?.name ?? null,
      dueOn,
      dueLabel: formatUkDate(dueOn),
      workingDays: days.workingDays,
      workingDaysLabel: days.label,
      dueStatus: info.isDeadline ? safeWorkingDaysStatus(calendars.get(law)!, today, dueOn) : null,
      dateMeaning: info.dateMeaning,
      raisedOn,
      raisedLabel: formatUkDate(raisedOn),
      expectedOn,
      lateNote: lateNote(expectedOn, raisedOn),
      readAt: row.readAt,
    });
  }
  return { items, total, page, pageCount };
}

/**
 * One page of the person's visible notifications in reading order: by the date each alert is
 * about, latest first, then the most urgent first (ALERT_SEVERITY), then the latest raised.
 * The same rows as scope(): own notifications, this workspace, request not deleted, and
 * "due soon" only within the person's own number of working days.
 */
async function pageOfNotificationIds(actor: Actor, unreadOnly: boolean, offset: number): Promise<string[]> {
  const limits = await dueSoonLimits(actor.userId, todayInLondon());
  // Most urgent first: the kinds in falling severity, compared by their place in this list.
  const byUrgency = (Object.keys(ALERT_SEVERITY) as AlertKind[]).sort((a, b) => ALERT_SEVERITY[b] - ALERT_SEVERITY[a]);
  // One flat statement with plain parameters (no nested fragments); a null limit hides that law's "due soon".
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT n.id
    FROM "Notification" n
    JOIN "Alert" a ON a.id = n."alertId"
    JOIN "FoiRequest" r ON r.id = a."requestId"
    WHERE n."userId" = ${actor.userId} AND n."workspaceId" = ${actor.workspaceId} AND r."deletedAt" IS NULL
      AND (a.kind::text <> 'due_soon'
        OR (r.law::text = 'foia' AND a."dueOn" <= ${limits.foia}::date)
        OR (r.law::text = 'eir' AND a."dueOn" <= ${limits.eir}::date)
        OR (r.law::text = 'foisa' AND a."dueOn" <= ${limits.foisa}::date))
      AND (NOT ${unreadOnly}::boolean OR n."readAt" IS NULL)
    ORDER BY a."dueOn" DESC, array_position(${byUrgency}::text[], a.kind::text), a."raisedOn" DESC, n."createdAt" DESC, n.id
    OFFSET ${offset} LIMIT ${NOTIFICATIONS_PAGE_SIZE}`;
  return rows.map((row) => row.id);
}

/** The header's badge counts this far and shows "99+" beyond: it need not count 5,000 unread on every page. */
export const UNREAD_BADGE_LIMIT = 100;

/**
 * The header's number on every page: the same rows as scope() and pageOfNotificationIds,
 * unread, counted in one flat statement (lib/db/sql.ts); with `upTo`, counting stops there.
 */
export async function unreadCount(actor: Actor, options: { upTo?: number } = {}): Promise<number> {
  await requireRole(actor, "viewer");
  const limits = await dueSoonLimits(actor.userId, todayInLondon());
  // In the text, not a parameter: the statement is prepared, and its plan must not depend on it.
  const limit = options.upTo !== undefined && Number.isSafeInteger(options.upTo) && options.upTo > 0 ? String(options.upTo) : "ALL";
  const [row] = await sqlRows<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1
     FROM "Notification" n
     JOIN "Alert" a ON a.id = n."alertId"
     JOIN "FoiRequest" r ON r.id = a."requestId"
     WHERE n."userId" = $1 AND n."workspaceId" = $2 AND n."readAt" IS NULL AND r."deletedAt" IS NULL
       AND (a.kind::text <> 'due_soon'
         OR (r.law::text = 'foia' AND a."dueOn" <= $3::date)
         OR (r.law::text = 'eir' AND a."dueOn" <= $4::date)
         OR (r.law::text = 'foisa' AND a."dueOn" <= $5::date))
     LIMIT ${limit}) counted`,
    [actor.userId, actor.workspaceId, limits.foia, limits.eir, limits.foisa],
    { prepared: true },
  );
  return row?.n ?? 0;
}

/** Marks one of the actor's own notifications read; anyone else's id is not found. */
export async function markRead(actor: Actor, notificationId: unknown): Promise<void> {
  await requireRole(actor, "viewer");
  if (typeof notificationId !== "string" || notificationId.length === 0 || notificationId.length > 100) throw new NotFoundError("That notification does not exist.");
  const found = await db.notification.findFirst({ where: { id: notificationId, userId: actor.userId, workspaceId: actor.workspaceId }, select: { id: true, readAt: true } });
  if (!found) throw new NotFoundError("That notification does not exist.");
  if (!found.readAt) await db.notification.update({ where: { id: found.id }, data: { readAt: now() } });
}

export async function markAllRead(actor: Actor): Promise<number> {
  // Only what the person can see: a "due soon" still hidden by their own setting stays unread.
  const where = await scope(actor);
  const result = await db.notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: now() } });
  return result.count;
}
