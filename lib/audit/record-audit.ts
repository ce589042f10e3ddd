import "server-only";
import type { Prisma } from "@/lib/generated/prisma";
import { db } from "@/lib/db/client";
import type { AuditAction } from "@/lib/audit/actions";

type Writer = Pick<Prisma.TransactionClient, "auditLog">;

export interface AuditEntry {
  workspaceId?: string | null;
  userId?: string | null;
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  data?: Prisma.InputJsonValue;
}

/** Records who did what; pass the transaction client so the entry commits with the change. */
export async function recordAudit(entry: AuditEntry, writer: Writer = db): Promise<void> {
  await writer.auditLog.create({ data: entry });
}

/**
 * For a person's own settings that reach into every workspace they belong to (the calendar
 * feed shows all their workspaces' due dates; an unsubscribe stops mail about all of them):
 * one entry in each of those workspaces' logs, so each workspace's owners see it.
 */
export async function recordAuditForPerson(userId: string, entry: Omit<AuditEntry, "workspaceId" | "userId">, tx: Prisma.TransactionClient): Promise<void> {
  const memberships = await tx.membership.findMany({ where: { userId }, select: { workspaceId: true } });
  if (memberships.length === 0) return;
  await tx.auditLog.createMany({ data: memberships.map((m) => ({ ...entry, workspaceId: m.workspaceId, userId })) });
}
