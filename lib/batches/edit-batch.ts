import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { BatchStateError, BatchValidationError } from "@/lib/batches/errors";
import { batchDetailsSchema, recipientEditSchema } from "@/lib/batches/schemas";
import { templateFieldErrors } from "@/lib/batches/readiness";

const SENT_MESSAGE = "This batch has been sent: its letters can no longer change.";

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  return z.flattenError(error).fieldErrors as Record<string, string[]>;
}

/**
 * Locks a draft batch of the actor's workspace for the rest of the transaction, so an edit and
 * a send never interleave (the send would otherwise miss a removed recipient or a new letter).
 */
export async function lockDraftBatch(tx: Prisma.TransactionClient, workspaceId: string, batchId: string): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ state: string }>>`SELECT state::text AS state FROM "Batch" WHERE id = ${batchId} AND "workspaceId" = ${workspaceId} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError("That batch is not in this workspace.");
  if (rows[0]!.state !== "draft") throw new BatchStateError(SENT_MESSAGE);
}

/** Letters are plain text; a NUL cannot be stored and other control characters only confuse mail clients. */
function cleanLetter(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}

/** Saves name, title, letter, law and channel. An unknown merge field is refused next to its field. Draft only. */
export async function updateBatchDetails(actor: Actor, batchId: string, input: unknown): Promise<void> {
  await requireRole(actor, "editor");
  const parsed = batchDetailsSchema.safeParse(input);
  if (!parsed.success) throw new BatchValidationError(fieldErrorsOf(parsed.error));
  const data = { ...parsed.data, template: cleanLetter(parsed.data.template), titleTemplate: cleanLetter(parsed.data.titleTemplate) };
  const templateErrors = templateFieldErrors(data);
  if (Object.keys(templateErrors).length > 0) throw new BatchValidationError(templateErrors, "Check the merge fields marked below.");
  await db.$transaction(async (tx) => {
    await lockDraftBatch(tx, actor.workspaceId, batchId);
    await tx.batch.update({ where: { id: batchId }, data });
    await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "batch.update", entity: "Batch", entityId: batchId, data: { channel: data.channel, law: data.law } }, tx);
  });
}

/** One recipient's own letter (null: back to the template's) and channel (null: the batch's). Draft only. */
export async function updateRecipient(actor: Actor, batchId: string, recipientId: string, input: unknown): Promise<void> {
  await requireRole(actor, "editor");
  const parsed = recipientEditSchema.safeParse(input);
  if (!parsed.success) throw new BatchValidationError(fieldErrorsOf(parsed.error));
  const data: Prisma.BatchRecipientUpdateInput = {};
  if (parsed.data.letter !== undefined) data.letter = parsed.data.letter === null ? null : cleanLetter(parsed.data.letter);
  if (parsed.data.channel !== undefined) data.channel = parsed.data.channel;
  await db.$transaction(async (tx) => {
    await lockDraftBatch(tx, actor.workspaceId, batchId);
    const changed = await tx.batchRecipient.updateMany({ where: { id: recipientId, batchId, workspaceId: actor.workspaceId }, data: data as Prisma.BatchRecipientUpdateManyMutationInput });
    if (changed.count === 0) throw new NotFoundError("That recipient is not in this batch.");
    await recordAudit(
      { workspaceId: actor.workspaceId, userId: actor.userId, action: "batch.recipient.update", entity: "BatchRecipient", entityId: recipientId, data: { letterEdited: data.letter !== undefined && data.letter !== null, channel: parsed.data.channel ?? null } },
      tx,
    );
  });
}

export async function removeRecipient(actor: Actor, batchId: string, recipientId: string): Promise<void> {
  await requireRole(actor, "editor");
  await db.$transaction(async (tx) => {
    await lockDraftBatch(tx, actor.workspaceId, batchId);
    const removed = await tx.batchRecipient.deleteMany({ where: { id: recipientId, batchId, workspaceId: actor.workspaceId } });
    if (removed.count === 0) throw new NotFoundError("That recipient is not in this batch.");
    await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "batch.recipient.remove", entity: "BatchRecipient", entityId: recipientId, data: { batchId } }, tx);
  });
}

/** Deletes a draft batch (no request was created from it yet). */
export async function deleteDraftBatch(actor: Actor, batchId: string): Promise<void> {
  await requireRole(actor, "editor");
  await db.$transaction(async (tx) => {
    await lockDraftBatch(tx, actor.workspaceId, batchId);
    await tx.batch.delete({ where: { id: batchId } });
    await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "batch.delete", entity: "Batch", entityId: batchId }, tx);
  });
}
