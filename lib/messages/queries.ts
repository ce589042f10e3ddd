import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole, type Actor } from "@/lib/auth/access";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";

/** A request's correspondence, oldest first, with its attachments' descriptions (not their bytes). */
export async function listMessages(actor: Actor, requestId: string) {
  await requireRole(actor, "viewer");
  return db.message.findMany({
    where: { requestId, workspaceId: actor.workspaceId, request: { deletedAt: null } },
    orderBy: [{ sentAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      direction: true,
      fromName: true,
      fromAddress: true,
      toAddress: true,
      subject: true,
      sentAt: true,
      bodyText: true,
      bodyHtml: true,
      externalUrl: true,
      externalAttachments: true,
      attachments: { orderBy: { createdAt: "asc" }, select: { id: true, filename: true, contentType: true, size: true } },
    },
  });
}

export interface AttachmentDownload {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Uint8Array;
}

/** One attachment with its bytes, if it belongs to the actor's workspace and its request is not deleted. */
export async function getAttachmentForDownload(actor: Actor, attachmentId: string): Promise<AttachmentDownload> {
  await requireRole(actor, "viewer");
  const attachment = await db.attachment.findFirst({
    where: { id: attachmentId, workspaceId: actor.workspaceId, message: { workspaceId: actor.workspaceId, OR: [{ requestId: null }, { request: { deletedAt: null } }] } },
    select: { id: true, filename: true, contentType: true, size: true, sha256: true, data: true },
  });
  if (!attachment) throw new NotFoundError("That file is not in this workspace.");
  await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "attachment.download", entity: "Attachment", entityId: attachment.id, data: { filename: attachment.filename } });
  return attachment;
}

/**
 * For the download route, which has a user but no workspace (a link works whichever
 * workspace is current): finds which workspace the attachment is in, then goes through
 * the same scoped read as that workspace's member. Not a member, or no such file: both
 * NotFoundError, so an id from elsewhere tells nothing.
 */
export async function getAttachmentForUserDownload(userId: string, attachmentId: string): Promise<AttachmentDownload> {
  const owner = await unsafeFindAttachmentWorkspace(attachmentId);
  if (!owner) throw new NotFoundError("That file does not exist.");
  try {
    return await getAttachmentForDownload({ userId, workspaceId: owner.workspaceId }, attachmentId);
  } catch (error) {
    if (error instanceof ForbiddenError) throw new NotFoundError("That file does not exist.");
    throw error;
  }
}

/** Unscoped on purpose: only which workspace to check membership of, never the file. */
async function unsafeFindAttachmentWorkspace(attachmentId: string) {
  return db.attachment.findUnique({ where: { id: attachmentId }, select: { workspaceId: true } });
}
