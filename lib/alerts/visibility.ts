import "server-only";
import type { Prisma } from "@/lib/db/client";
import { userRecordThisRequest } from "@/lib/auth/access";
import type { Law } from "@/lib/generated/prisma";
import { calendarFor } from "@/lib/holidays/calendars";
import { toDbDate } from "@/lib/requests/dates";
import { safeAddWorkingDays } from "./dates";
import { DEFAULT_DUE_SOON_DAYS } from "./schemas";

const LAWS: Law[] = ["foia", "eir", "foisa"];

/**
 * "Due soon" is raised once per request, as early as the workspace member with the most
 * warning wants it; each person sees it only once the due date is within their own number
 * of working days. This filter hides it until then (other kinds are always visible).
 */
export async function visibleNotificationsWhere(userId: string, today: string): Promise<Prisma.NotificationWhereInput> {
  const limits = await dueSoonLimits(userId, today);
  const dueSoonVisible: Prisma.NotificationWhereInput[] = [];
  for (const law of LAWS) {
    const limit = limits[law];
    if (limit) dueSoonVisible.push({ alert: { request: { law }, dueOn: { lte: toDbDate(limit)! } } });
  }
  return { OR: [{ alert: { kind: { not: "due_soon" } } }, ...dueSoonVisible] };
}

/** Per law, the last due date whose "due soon" this person sees today (null: none). */
export async function dueSoonLimits(userId: string, today: string): Promise<Record<Law, string | null>> {
  // The header's unread count asks on every page: read with the person's own row, once a render.
  const n = (await userRecordThisRequest(userId))?.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  const limits = {} as Record<Law, string | null>;
  for (const law of LAWS) limits[law] = safeAddWorkingDays(await calendarFor(law), today, n);
  return limits;
}
