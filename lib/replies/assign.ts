import "server-only";
import { z } from "zod";
import { db, Prisma } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { createRequest, type RequestWriteResult } from "@/lib/requests/create-request";
import { suggestEvent } from "@/lib/replies/suggest-event";

const GONE = "This message has already been filed or discarded. Reload the page to see the inbox as it is.";

export const assignReplySchema = z.object({
  messageId: z.string().min(1),
  requestId: z.string({ message: "Choose the request this message belongs to." }).min(1, "Choose the request this message belongs to."),
});

type Tx = Prisma.TransactionClient;

/** Files one unmatched message on a request of the same workspace, in the caller's transaction; its suggestion is read again under that request's law. */
async function fileOn(tx: Tx, actor: Actor, messageId: string, requestId: string): Promise<void> {
  const request = await tx.foiRequest.findFirst({ where: { id: requestId, workspaceId: actor.workspaceId, deletedAt: null }, select: { id: true, law: true } });
  if (!request) throw new InvalidError({ requestId: ["Choose one of this workspace's requests."] });
  const message = await tx.message.findFirst({
    where: { id: messageId, workspaceId: actor.workspaceId, direction: "incoming", requestId: null, review: { in: ["none", "pending"] } },
    select: { id: true, subject: true, bodyText: true, sentAt: true, source: true, sourceKey: true, review: true, suggestion: true },
  });
  if (!message) {
    const exists = await tx.message.count({ where: { id: messageId, workspaceId: actor.workspaceId } });
    throw exists ? new ConflictError(GONE) : new NotFoundError("That message is not in this workspace.");
  }
  // An auto-reply was filed with no suggestion (review "none" and no suggestion): it stays so.
  const wasRead = message.review === "pending" || message.suggestion !== null;
  const suggestion = wasRead ? suggestEvent({ subject: message.subject, text: message.bodyText, law: request.law, sentAt: message.sentAt }) : null;
  const updated = await tx.message.updateMany({
    where: { id: message.id, workspaceId: actor.workspaceId, requestId: null, review: message.review },
    data: { requestId: request.id, matchedBy: "person", suggestion: suggestion ?? Prisma.DbNull, review: suggestion ? "pending" : "none" },
  });
  if (updated.count === 0) throw new ConflictError(GONE);
  await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "reply.assign", entity: "Message", entityId: message.id, data: { requestId: request.id } }, tx);
}

/** A person files an unmatched message on one of this workspace's requests. */
export async function assignReply(actor: Actor, input: unknown): Promise<{ requestId: string }> {
  await requireRole(actor, "editor");
  const { messageId, requestId } = assignReplySchema.parse(input);
  await db.$transaction((tx) => fileOn(tx, actor, messageId, requestId));
  return { requestId };
}

/**
 * A person starts a new request for an unmatched message (a request sent outside the app, say):
 * the request is logged as the request form logs it, and the message filed on it, together or
 * not at all.
 */
export async function startRequestFromReply(actor: Actor, messageId: string, input: unknown): Promise<RequestWriteResult> {
  await requireRole(actor, "editor");
  const waiting = await db.message.findFirst({ where: { id: messageId, workspaceId: actor.workspaceId, requestId: null, direction: "incoming" }, select: { id: true } });
  if (!waiting) throw new NotFoundError("That message is not in this workspace's inbox.");
  return createRequest(actor, input, (tx, requestId) => fileOn(tx, actor, messageId, requestId));
}

/**
 * Spam, a newsletter, a message for nobody: it leaves the inbox but is kept (set aside, not
 * deleted), so reading the mailbox again never brings it back.
 */
export async function discardReply(actor: Actor, messageId: string): Promise<void> {
  await requireRole(actor, "editor");
  await db.$transaction(async (tx) => {
    const updated = await tx.message.updateMany({
      where: { id: messageId, workspaceId: actor.workspaceId, direction: "incoming", requestId: null, review: { in: ["none", "pending"] } },
      data: { review: "dismissed" },
    });
    if (updated.count === 0) {
      const exists = await tx.message.count({ where: { id: messageId, workspaceId: actor.workspaceId } });
      if (!exists) throw new NotFoundError("That message is not in this workspace.");
      throw new ConflictError(GONE);
    }
    await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "reply.discard", entity: "Message", entityId: messageId }, tx);
  });
}
