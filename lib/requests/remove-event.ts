import "server-only";
import { receiptDate } from "@/lib/deadlines";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { replayTimeline } from "@/lib/requests/timeline";
import { unsafeRecomputeClock } from "@/lib/requests/unsafe-recompute-clock";
import { TIMELINE_ORDER } from "@/lib/requests/stored-clock";

export type RemoveEventResult = { ok: true; requestId: string } | { ok: false; message: string };

/**
 * Takes back a timeline entry recorded by mistake. The rest of the timeline must still make
 * sense without it (a review answer cannot stay once its request is gone); the status and
 * the clock follow, and the audit log keeps what was removed.
 */
export async function removeEvent(actor: Actor, eventId: string): Promise<RemoveEventResult> {
  await requireRole(actor, "editor");
  const event = await db.requestEvent.findFirst({
    where: { id: eventId, workspaceId: actor.workspaceId, request: { deletedAt: null } },
    select: { id: true, kind: true, occurredAt: true, note: true, requestId: true, request: { select: { law: true } } },
  });
  if (!event) throw new NotFoundError("That timeline entry is not in this workspace.");
  if (event.kind === "sent") return { ok: false, message: "The sending starts the clock and cannot be taken back. Delete the request instead." };
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "FoiRequest" WHERE id = ${event.requestId} FOR UPDATE`;
    const rest = await tx.requestEvent.findMany({
      where: { requestId: event.requestId, id: { not: event.id } },
      orderBy: TIMELINE_ORDER,
      select: { kind: true, occurredAt: true, result: true },
    });
    const replay = replayTimeline(
      rest.map((e) => ({ kind: e.kind, at: e.occurredAt.toISOString(), result: e.result })),
      { law: event.request.law },
    );
    if (!replay.ok) return { ok: false as const, message: `Without this entry the timeline would not make sense (${replay.reason}) Remove the later entries first.` };
    await tx.requestEvent.delete({ where: { id: event.id } });
    await tx.foiRequest.update({ where: { id: event.requestId }, data: { status: replay.status } });
    await unsafeRecomputeClock(event.requestId, tx);
    await recordAudit(
      {
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        action: "request.event_remove",
        entity: "FoiRequest",
        entityId: event.requestId,
        data: { kind: event.kind, date: receiptDate(event.occurredAt), note: event.note, status: replay.status },
      },
      tx,
    );
    return { ok: true as const, requestId: event.requestId };
  });
}
