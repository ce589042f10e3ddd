import "server-only";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Outcome } from "@/lib/generated/prisma";
import { findRequestOrThrow } from "@/lib/outcomes/queries";
import { setOutcomeSchema, type SetOutcomeInput } from "@/lib/outcomes/schemas";

export interface SetOutcomeResult {
  from: Outcome | null;
  to: Outcome | null;
  changed: boolean;
}

/** Records (or, with "none", clears) what a request says about one body in the directory. */
export async function setOutcome(actor: Actor, input: SetOutcomeInput): Promise<SetOutcomeResult> {
  await requireRole(actor, "editor");
  const data = setOutcomeSchema.parse(input);
  return db.$transaction(async (tx) => {
    // Both ids come from a form: each is looked up together with the workspace.
    const request = await findRequestOrThrow(actor.workspaceId, data.requestId, tx);
    const body = await tx.publicBody.findFirst({ where: { id: data.bodyId, workspaceId: actor.workspaceId }, select: { id: true } });
    if (!body) throw new NotFoundError("That trust is not in this workspace's directory.");
    const where = { requestId_bodyId: { requestId: request.id, bodyId: body.id } };
    const existing = await tx.bodyOutcome.findUnique({ where, select: { outcome: true, note: true } });
    const from = existing?.outcome ?? null;
    const to = data.outcome === "none" ? null : data.outcome;
    const noteChanged = to !== null && data.note !== undefined && data.note !== (existing?.note ?? null);
    if (from === to && !noteChanged) return { from, to, changed: false };

    if (to === null) {
      await tx.bodyOutcome.delete({ where });
    } else {
      await tx.bodyOutcome.upsert({
        where,
        create: { workspaceId: actor.workspaceId, requestId: request.id, bodyId: body.id, outcome: to, note: data.note ?? null },
        update: { outcome: to, ...(data.note !== undefined ? { note: data.note } : {}) },
      });
    }
    await recordAudit(
      {
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        action: to === null ? "outcome.clear" : "outcome.set",
        entity: "BodyOutcome",
        entityId: body.id,
        data: { requestId: request.id, bodyId: body.id, from, to, ...(noteChanged ? { noteChanged: true } : {}) },
      },
      tx,
    );
    return { from, to, changed: true };
  });
}
