import "server-only";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { now } from "@/lib/time";

export const RESTORE_DAYS = 30;

const restoreCutoff = () => new Date(now().getTime() - RESTORE_DAYS * 86_400_000);

/** Hides a request from every list; an owner can restore it for 30 days. */
export async function deleteRequest(actor: Actor, requestId: string): Promise<void> {
  await requireRole(actor, "editor");
  await db.$transaction(async (tx) => {
    const changed = await tx.foiRequest.updateMany({
      where: { id: requestId, workspaceId: actor.workspaceId, deletedAt: null },
      data: { deletedAt: now(), deletedById: actor.userId },
    });
    if (changed.count === 0) throw new NotFoundError("That request is not in this workspace.");
    await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "request.delete", entity: "FoiRequest", entityId: requestId }, tx);
  });
}

export async function restoreRequest(actor: Actor, requestId: string): Promise<void> {
  await requireRole(actor, "owner");
  await db.$transaction(async (tx) => {
    const changed = await tx.foiRequest.updateMany({
      where: { id: requestId, workspaceId: actor.workspaceId, deletedAt: { gte: restoreCutoff() } },
      data: { deletedAt: null, deletedById: null },
    });
    if (changed.count === 0) throw new NotFoundError(`That request cannot be restored: it was not deleted, or was deleted more than ${RESTORE_DAYS} days ago.`);
    await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "request.restore", entity: "FoiRequest", entityId: requestId }, tx);
  });
}

/** Requests an owner can still restore, most recently deleted first. */
export async function listDeletedRequests(actor: Actor) {
  await requireRole(actor, "owner");
  return db.foiRequest.findMany({
    where: { workspaceId: actor.workspaceId, deletedAt: { gte: restoreCutoff() } },
    orderBy: { deletedAt: "desc" },
    take: 100,
    select: { id: true, title: true, deletedAt: true, body: { select: { name: true } } },
  });
}
