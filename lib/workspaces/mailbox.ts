import "server-only";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record-audit";

/** The campaign's mailbox, where public bodies' replies to its letters go (Reply-To). */
export async function getWorkspaceMailbox(actor: Actor): Promise<string | null> {
  await requireRole(actor, "viewer");
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { mailbox: true } });
  return workspace.mailbox;
}

/** Owners only: it decides where every trust's answer lands. */
export async function setWorkspaceMailbox(actor: Actor, input: { mailbox: string | null }): Promise<void> {
  await requireRole(actor, "owner");
  await db.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { mailbox: true } });
    await tx.workspace.update({ where: { id: actor.workspaceId }, data: { mailbox: input.mailbox } });
    await recordAudit(
      { workspaceId: actor.workspaceId, userId: actor.userId, action: "workspace.mailbox", entity: "Workspace", entityId: actor.workspaceId, data: { from: before.mailbox, to: input.mailbox } },
      tx,
    );
  });
}
