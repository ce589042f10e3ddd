import "server-only";
import { describeClock } from "@/lib/deadlines";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { calendarFor } from "@/lib/holidays/calendars";
import { todayInLondon } from "@/lib/requests/queries";
import { nextStep } from "@/lib/requests/next-step";
import { chasedAfter } from "@/lib/requests/chased";
import { isUnderTheAct } from "@/lib/bodies/foi-status";
import { refusalGround } from "@/lib/letters/exemptions";
import { clockFromTimeline, REQUEST_FIELDS_SELECT, STORED_EVENT_SELECT, TIMELINE_ORDER } from "@/lib/requests/stored-clock";

/** One request with its timeline, correspondence and its clock as of today. */
export async function getRequest(actor: Actor, requestId: string) {
  await requireRole(actor, "viewer");
  const request = await db.foiRequest.findFirst({
    where: { id: requestId, workspaceId: actor.workspaceId, deletedAt: null },
    select: {
      ...REQUEST_FIELDS_SELECT,
      body: { select: { id: true, name: true, foiStatus: true, foiStatusSource: true } },
      batch: { select: { id: true, name: true } },
      workspace: { select: { name: true, receiptConvention: true } },
      events: { orderBy: TIMELINE_ORDER, select: { ...STORED_EVENT_SELECT, id: true, note: true, result: true } },
      _count: { select: { outcomes: true } },
    },
  });
  if (!request) throw new NotFoundError("That request is not in this workspace.");
  const today = todayInLondon();
  const clock = clockFromTimeline(
    { law: request.law, receiptConvention: request.workspace.receiptConvention, calendar: await calendarFor(request.law), events: request.events },
    today,
  );
  const underTheAct = isUnderTheAct(request.body);
  const context = {
    underTheAct,
    chasedOn: chasedAfter(request.events, clock.extendedDue ?? clock.due, today),
    refusalGround: refusalGround(request.events.flatMap((e) => e.exemptions), request.law),
  };
  return { ...request, clock, underTheAct, summary: describeClock(clock, today), nextStep: nextStep(request.status, clock, context), today };
}
