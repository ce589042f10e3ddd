import "server-only";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";

/** A request's correspondence, oldest first, with its attachments' descriptions (not their bytes). */
export async function listMessages(actor: Actor, requestId: string) {
  await requireRole(actor, "viewer");
  return db.message.findMany({
    where: { requestId, workspaceId: actor.workspaceId, request: { deletedAt: null } },
    orderBy: { sentAt: "asc" },
    select: {
      id: true,
      direction: true,
      fromName: true,
      fromAddress: true,
      subject: true,
      sentAt: true,
      bodyText: true,
      bodyHtml: true,
      attachments: { select: { id: true, filename: true, contentType: true, size: true } },
    },
  });
}
