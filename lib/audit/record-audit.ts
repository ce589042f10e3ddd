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
