import "server-only";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { londonInstant } from "@/lib/requests/dates";
import { updateRequestSchema, updateSentRequestSchema } from "@/lib/requests/schemas";
import { checkRequestFields, requestColumns, type RequestWriteResult } from "@/lib/requests/create-request";
import { markSent } from "@/lib/requests/mark-sent";

/**
 * A draft can change everything (and becomes sent when a date is given); a sent request
 * keeps its letter, body and law as sent, and only its reference and web address change.
 */
export async function updateRequest(actor: Actor, input: unknown): Promise<RequestWriteResult> {
  await requireRole(actor, "editor");
  const requestId = typeof input === "object" && input && "requestId" in input ? String((input as { requestId: unknown }).requestId) : "";
  const current = await db.foiRequest.findFirst({ where: { id: requestId, workspaceId: actor.workspaceId, deletedAt: null }, select: { id: true, status: true, channel: true } });
  if (!current) throw new NotFoundError("That request is not in this workspace.");

  if (current.status !== "draft") {
    const parsed = updateSentRequestSchema.safeParse(input);
    if (!parsed.success) return { ok: false, fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
    const sentErrors = checkRequestFields({ channel: current.channel, externalUrl: parsed.data.externalUrl });
    if (Object.keys(sentErrors).length > 0) return { ok: false, fieldErrors: sentErrors };
    await db.$transaction(async (tx) => {
      await tx.foiRequest.update({ where: { id: current.id }, data: { externalUrl: parsed.data.externalUrl ?? null, authorityRef: parsed.data.authorityRef ?? null } });
      await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "request.update", entity: "FoiRequest", entityId: current.id, data: { fields: ["externalUrl", "authorityRef"] } }, tx);
    });
    return { ok: true, requestId: current.id };
  }

  const parsed = updateRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  const data = parsed.data;
  const fieldErrors = checkRequestFields(data);
  const body = await db.publicBody.findFirst({ where: { id: data.bodyId, workspaceId: actor.workspaceId }, select: { id: true } });
  if (!body) fieldErrors.bodyId = ["Choose a body from this workspace's directory."];
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const sentAt = data.sentDate ? londonInstant(data.sentDate, data.sentTime) : null;
  await db.$transaction(async (tx) => {
    // Guarded by status: a concurrent "mark as sent" wins and this edit changes nothing.
    const changed = await tx.foiRequest.updateMany({ where: { id: current.id, status: "draft", deletedAt: null }, data: requestColumns(data) });
    if (changed.count === 0) throw new NotFoundError("This request was sent meanwhile: its letter can no longer change.");
    // The update above holds the row, so the draft is still a draft here.
    if (sentAt) await markSent([{ requestId: current.id, workspaceId: actor.workspaceId, sentAt, message: null, createdById: actor.userId }], tx);
    await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: sentAt ? "request.send" : "request.update", entity: "FoiRequest", entityId: current.id }, tx);
  });
  return { ok: true, requestId: current.id };
}
