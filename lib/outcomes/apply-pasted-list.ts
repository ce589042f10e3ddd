import "server-only";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { findRequestOrThrow } from "@/lib/outcomes/queries";
import { applyOutcomesSchema, type ApplyOutcomesInput } from "@/lib/outcomes/schemas";

export interface ApplyOutcomesResult {
  created: number;
  changed: number;
  unchanged: number;
}

/**
 * Gives every confirmed body the same outcome for a request (the second step of pasting a
 * list from a response). All or nothing: one body that is not in the workspace's
 * directory and nothing is saved.
 */
export async function applyOutcomes(actor: Actor, input: ApplyOutcomesInput): Promise<ApplyOutcomesResult> {
  await requireRole(actor, "editor");
  const { requestId, outcome, bodyIds } = applyOutcomesSchema.parse(input);
  return db.$transaction(async (tx) => {
    const request = await findRequestOrThrow(actor.workspaceId, requestId, tx);
    const found = await tx.publicBody.count({ where: { id: { in: bodyIds }, workspaceId: actor.workspaceId } });
    if (found !== bodyIds.length) throw new NotFoundError("One or more of those trusts is not in this workspace's directory, so nothing was saved.");

    const existing = await tx.bodyOutcome.findMany({ where: { requestId: request.id, bodyId: { in: bodyIds } }, select: { bodyId: true, outcome: true } });
    const before = new Map(existing.map((e) => [e.bodyId, e.outcome]));
    const created = bodyIds.filter((id) => !before.has(id));
    const changed = existing.filter((e) => e.outcome !== outcome);
    const unchanged = existing.length - changed.length;

    if (created.length > 0) {
      await tx.bodyOutcome.createMany({ data: created.map((bodyId) => ({ workspaceId: actor.workspaceId, requestId: request.id, bodyId, outcome })) });
    }
    if (changed.length > 0) {
      await tx.bodyOutcome.updateMany({ where: { requestId: request.id, bodyId: { in: changed.map((c) => c.bodyId) } }, data: { outcome } });
    }
    if (created.length + changed.length > 0) {
      await recordAudit(
        {
          workspaceId: actor.workspaceId,
          userId: actor.userId,
          action: "outcome.apply_list",
          entity: "FoiRequest",
          entityId: request.id,
          data: { outcome, created, changed: changed.map((c) => ({ bodyId: c.bodyId, from: c.outcome, to: outcome })), unchanged },
        },
        tx,
      );
    }
    return { created: created.length, changed: changed.length, unchanged };
  });
}
