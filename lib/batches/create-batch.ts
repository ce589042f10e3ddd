import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { now } from "@/lib/time";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { newRowId } from "@/lib/db/row-id";
import type { Outcome } from "@/lib/generated/prisma";
import { BatchValidationError } from "@/lib/batches/errors";
import { startBatchSchema, type StartBatchInput } from "@/lib/batches/schemas";
import { suggestTemplate } from "@/lib/batches/suggested-templates";

/**
 * NHS England counted the two trusts that applied and then withdrew among the 31 that did not
 * apply; "did not apply" follows its count, so the one click gives the campaign's 31.
 */
export const OUTCOME_GROUPS: Readonly<Record<Outcome, readonly Outcome[]>> = {
  did_not_apply: ["did_not_apply", "applied_withdrew"],
  applied_withdrew: ["applied_withdrew"],
  funded: ["funded"],
  applied_unsuccessful: ["applied_unsuccessful"],
};

/**
 * Creates a DRAFT batch: its recipients (in the parent's outcome list or the directory's name
 * order) and a suggested letter. Nothing is sent and no request exists until sendBatch.
 */
export async function startBatch(actor: Actor, input: StartBatchInput | unknown): Promise<{ id: string }> {
  await requireRole(actor, "editor");
  const parsed = startBatchSchema.safeParse(input);
  if (!parsed.success) throw new BatchValidationError(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, "Choose who the batch goes to.");
  const source = parsed.data;

  let parentId: string | null = null;
  let parentIsNhsEngland = false;
  let outcome: Outcome | null = null;
  let bodyIds: string[];
  if ("parentId" in source) {
    const parent = await db.foiRequest.findFirst({
      where: { id: source.parentId, workspaceId: actor.workspaceId, deletedAt: null },
      select: { id: true, body: { select: { key: true } } },
    });
    if (!parent) throw new NotFoundError("That request is not in this workspace.");
    parentId = parent.id;
    parentIsNhsEngland = parent.body.key === "nhs-england";
    outcome = source.outcome;
    const rows = await db.bodyOutcome.findMany({
      where: { requestId: parent.id, workspaceId: actor.workspaceId, outcome: { in: [...OUTCOME_GROUPS[source.outcome]] } },
      orderBy: { body: { name: "asc" } },
      select: { bodyId: true },
    });
    bodyIds = rows.map((r) => r.bodyId);
    if (bodyIds.length === 0) throw new BatchValidationError({ outcome: ["No body has this outcome in that request."] }, "No body has this outcome in that request.");
  } else {
    const wanted = [...new Set(source.bodyIds)];
    const bodies = await db.publicBody.findMany({
      where: { id: { in: wanted }, workspaceId: actor.workspaceId },
      orderBy: { name: "asc" },
      select: { id: true },
    });
    // Another workspace's body (or a made-up id) is not found, never silently dropped.
    if (bodies.length !== wanted.length) throw new NotFoundError("One of the chosen bodies is not in this workspace's directory.");
    bodyIds = bodies.map((b) => b.id);
  }

  const suggestion = suggestTemplate({ parentIsNhsEngland, outcome, count: bodyIds.length });
  const id = await db.$transaction(async (tx) => {
    const batch = await tx.batch.create({
      data: {
        workspaceId: actor.workspaceId,
        name: suggestion.name,
        parentId,
        law: "foia",
        channel: "email",
        titleTemplate: suggestion.titleTemplate,
        template: suggestion.template,
        createdById: actor.userId,
        createdAt: now(),
      },
      select: { id: true },
    });
    // One statement for every recipient (1,000 bodies: one round trip, not a query per row).
    await tx.$executeRaw`
      INSERT INTO "BatchRecipient" (id, "workspaceId", "batchId", "bodyId", position)
      SELECT u.id, ${actor.workspaceId}, ${batch.id}, u.body_id, (u.ord - 1)::int
      FROM unnest(${bodyIds.map(() => newRowId("r"))}::text[], ${bodyIds}::text[]) WITH ORDINALITY AS u(id, body_id, ord)`;
    await recordAudit(
      { workspaceId: actor.workspaceId, userId: actor.userId, action: "batch.create", entity: "Batch", entityId: batch.id, data: { parentId, outcome, recipients: bodyIds.length } },
      tx,
    );
    return batch.id;
  });
  return { id };
}
