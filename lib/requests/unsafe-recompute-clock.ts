import "server-only";
import { computeClock, type ClockEvent } from "@/lib/deadlines";
import { db, type Prisma } from "@/lib/db/client";
import { calendarFor } from "@/lib/holidays/calendars";
import { toDbDate } from "@/lib/requests/dates";

/**
 * Recomputes a request's clock from its timeline and stores the dates the dashboard
 * indexes on. Called after every event (inside its transaction) and whenever the holiday
 * data changes. Unscoped: callers have already checked the request belongs to the actor.
 */
export async function unsafeRecomputeClock(requestId: string, client: Pick<Prisma.TransactionClient, "foiRequest"> = db): Promise<void> {
  const request = await client.foiRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      law: true,
      workspace: { select: { receiptConvention: true } },
      events: { orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }], select: { kind: true, occurredAt: true, newDueOn: true } },
    },
  });
  const events: ClockEvent[] = request.events.map((e) => ({
    kind: e.kind,
    at: e.occurredAt.toISOString(),
    ...(e.newDueOn ? { newDueDate: e.newDueOn.toISOString().slice(0, 10) } : {}),
  }));
  const clock = computeClock(events, {
    law: request.law,
    convention: request.workspace.receiptConvention === "next_working_day" ? "next-working-day" : "calendar",
    calendar: await calendarFor(request.law),
  });
  const openReview = clock.review && !clock.review.answered && !clock.review.withdrawn ? clock.review : null;
  await client.foiRequest.update({
    where: { id: requestId },
    data: {
      receivedOn: toDbDate(clock.received),
      dueOn: toDbDate(clock.extendedDue ?? clock.due),
      veryOverdueOn: toDbDate(clock.veryOverdue),
      reviewDueOn: toDbDate(openReview ? openReview.due : null),
      reviewRequestedOn: toDbDate(openReview ? openReview.requested : null),
      reviewVeryOverdueOn: toDbDate(openReview ? openReview.veryOverdue : null),
      waitingSince: toDbDate(clock.waitingFor ? (clock.pauses.findLast((p) => p.to === null)?.from ?? null) : null),
      answeredOn: toDbDate(clock.answeredOn),
      clockProjected: clock.projected,
    },
  });
}
