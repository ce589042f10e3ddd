import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole, type Actor } from "@/lib/auth/access";
import { outcomeLabels } from "@/lib/bodies/schemas";
import { toCsv } from "@/lib/csv/to-csv";
import { fileSlug } from "@/lib/findings/exports";
import { batchChannelLabels, type BatchChannel } from "@/lib/batches/schemas";
import { loadRecipientRows } from "@/lib/batches/get-batch";

const HEADER = [
  "Body",
  "FOI reference",
  "Outcome in the original request",
  "Channel",
  "FOI email",
  "Status",
  "Progress",
  "Sent on",
  "Due on",
  "Working days left",
  "Working days overdue",
  "Email state",
  "Email error",
  "WhatDoTheyKnow address",
] as const;

/** The batch's recipients as CSV, one row each (lib/csv: formulas neutralised, Excel-friendly). */
export async function batchCsv(actor: Actor, batchId: string): Promise<{ filename: string; csv: string }> {
  await requireRole(actor, "viewer");
  const { loaded, rows } = await loadRecipientRows(actor, batchId);
  const csv = toCsv(
    HEADER,
    rows.map((r) => [
      r.bodyName,
      r.reference === null ? "" : `FOI #${r.reference}`,
      r.outcome ? outcomeLabels[r.outcome] : "",
      batchChannelLabels[r.channel as BatchChannel] ?? r.channel,
      r.foiEmail,
      r.statusLabel,
      r.progressLabel,
      r.sentOn,
      r.dueOn,
      r.workingDaysLeft,
      r.workingDaysOverdue,
      r.delivery?.state ?? "",
      r.delivery?.lastError ?? "",
      r.externalUrl,
    ]),
  );
  const filename = `${fileSlug(loaded.batch.name)}.csv`;
  await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "export.batch_csv", entity: "Batch", entityId: loaded.batch.id, data: { filename, rows: rows.length } });
  return { filename, csv };
}
