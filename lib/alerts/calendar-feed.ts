import "server-only";
import { formatUkDate, OWN_DEADLINE_LABELS, type OwnDeadlineKind } from "@/lib/deadlines";
import { db } from "@/lib/db/client";
import { CLOCK_RUNNING } from "@/lib/requests/status";
import { fromDbDate, toDbDate } from "@/lib/requests/dates";
import { todayInLondon } from "@/lib/requests/queries";
import { now } from "@/lib/time";
import { addDays } from "./dates";
import { buildCalendar, type IcalEvent } from "./ical";
import { hashCalendarToken } from "./settings";
import { appUrl } from "./secrets";

// A feed is for a calendar, not an archive: a cap keeps a huge workspace's feed usable.
const MAX_EVENTS = 5_000;
/** Due dates further back than this are left out: the requests page lists what is long overdue. */
export const FEED_LOOKBACK_DAYS = 90;

/**
 * The person's calendar: every due date and internal review date of their workspaces' open
 * requests, each request's next own deadline (review, complaint, appeal, fee) and a decision
 * notice's date for the body's steps, from FEED_LOOKBACK_DAYS ago onwards. The token is the credential (no session), so only its hash is looked up; a
 * revoked or unknown token gives null (a 404). UIDs are stable per request and kind so
 * calendars update an event in place when its date moves, and drop it when it closes.
 */
export async function calendarFeedFor(token: unknown): Promise<string | null> {
  if (typeof token !== "string" || token.length < 20 || token.length > 200) return null;
  const settings = await db.alertSettings.findUnique({ where: { calendarTokenHash: hashCalendarToken(token) }, select: { userId: true } });
  if (!settings) return null;
  const memberships = await db.membership.findMany({ where: { userId: settings.userId }, select: { workspaceId: true } });
  const workspaceIds = memberships.map((m) => m.workspaceId);
  // Long-overdue dates would fill the cap (sorted oldest first) and push out the coming ones.
  const since = toDbDate(addDays(todayInLondon(), -FEED_LOOKBACK_DAYS))!;
  const requests = await db.foiRequest.findMany({
    where: {
      workspaceId: { in: workspaceIds },
      deletedAt: null,
      OR: [
        { status: { in: CLOCK_RUNNING }, dueOn: { gte: since } },
        { status: "internal_review", reviewDueOn: { gte: since } },
        // The campaign's own next deadline, and a decision notice's date for the body's steps.
        { ownDeadlineOn: { gte: since } },
        { complianceDueOn: { gte: since } },
      ],
    },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: MAX_EVENTS,
    select: {
      id: true,
      title: true,
      status: true,
      dueOn: true,
      reviewDueOn: true,
      ownDeadlineOn: true,
      ownDeadlineKind: true,
      complianceDueOn: true,
      updatedAt: true,
      body: { select: { name: true } },
    },
  });
  const events: IcalEvent[] = [];
  for (const r of requests) {
    const url = appUrl(`/requests/${r.id}`);
    // Seconds since 2020 only grow, so a later change always has a higher SEQUENCE.
    const sequence = Math.max(0, Math.floor((r.updatedAt.getTime() - Date.UTC(2020, 0, 1)) / 1000));
    const dueOn = fromDbDate(r.dueOn);
    if (dueOn && CLOCK_RUNNING.includes(r.status)) {
      events.push({
        uid: `${r.id}-due@foi-tracker`,
        date: dueOn,
        summary: `FOI due: ${r.body.name} (${r.title})`,
        description: `Response due ${formatUkDate(dueOn)} from ${r.body.name}.\n${url}`,
        url,
        sequence,
      });
    }
    const reviewDueOn = fromDbDate(r.reviewDueOn);
    if (reviewDueOn && r.status === "internal_review") {
      events.push({
        uid: `${r.id}-review@foi-tracker`,
        date: reviewDueOn,
        summary: `FOI internal review due: ${r.body.name} (${r.title})`,
        description: `Internal review due ${formatUkDate(reviewDueOn)} from ${r.body.name}.\n${url}`,
        url,
        sequence,
      });
    }
    const ownOn = fromDbDate(r.ownDeadlineOn);
    const ownKind = r.ownDeadlineKind as OwnDeadlineKind | null;
    if (ownOn && ownKind && ownKind in OWN_DEADLINE_LABELS && r.status !== "withdrawn") {
      events.push({
        uid: `${r.id}-own@foi-tracker`,
        date: ownOn,
        summary: `Your FOI deadline: ${OWN_DEADLINE_LABELS[ownKind]} (${r.body.name})`,
        description: `${OWN_DEADLINE_LABELS[ownKind]} by ${formatUkDate(ownOn)}: ${r.body.name} (${r.title}).\n${url}`,
        url,
        sequence,
      });
    }
    const complianceOn = fromDbDate(r.complianceDueOn);
    if (complianceOn && r.status !== "withdrawn") {
      events.push({
        uid: `${r.id}-steps@foi-tracker`,
        date: complianceOn,
        summary: `Decision notice steps due: ${r.body.name} (${r.title})`,
        description: `The decision notice gives ${r.body.name} until ${formatUkDate(complianceOn)} to take its steps.\n${url}`,
        url,
        sequence,
      });
    }
  }
  return buildCalendar({ name: "FOI Tracker due dates", events, now: now() });
}
