import "server-only";
// One body, one request: when a batch would write to a trust and to a trust it took over (or to
// two trusts that merged into the same successor), the successor now holds their records and
// would get two requests for the same thing. The batch page offers one request to the successor
// covering each predecessor; the campaigner chooses. (Solent NHS Trust and Southern Health NHS
// Foundation Trust, both in NHS England's "did not apply" list, are both now Hampshire and Isle
// of Wight Healthcare NHS Foundation Trust since 1 October 2024: https://hiowhealthcare.nhs.uk/about-us/trust.)
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { newRowId } from "@/lib/db/row-id";
import { BatchStateError } from "@/lib/batches/errors";
import { listInWords } from "@/lib/letters/exemptions";

interface SuccessionRecipient {
  id: string;
  position: number;
  coversBodyIds: readonly string[];
  body: { id: string; name: string; status: string; successorId: string | null };
}

export interface SuccessionOffer {
  successorId: string;
  successorName: string;
  /** Whether the successor is already a recipient (else the choice adds it). */
  successorInBatch: boolean;
  predecessors: { bodyId: string; name: string }[];
  message: string;
}

/**
 * Groups the recipients a merger sends to the same body: a merged body with a successor, together
 * with that successor if it is a recipient too. Only groups where one body would get two or more
 * requests are offered. Pure.
 */
export function successionOffers(recipients: readonly SuccessionRecipient[], successorNames: ReadonlyMap<string, string>): SuccessionOffer[] {
  const inBatch = new Map(recipients.map((r) => [r.body.id, r]));
  const bySuccessor = new Map<string, SuccessionRecipient[]>();
  for (const r of recipients) {
    if (r.body.status !== "merged" || !r.body.successorId || r.body.successorId === r.body.id) continue;
    const group = bySuccessor.get(r.body.successorId) ?? [];
    group.push(r);
    bySuccessor.set(r.body.successorId, group);
  }
  const offers: SuccessionOffer[] = [];
  for (const [successorId, predecessors] of bySuccessor) {
    const successor = inBatch.get(successorId);
    const name = successor?.body.name ?? successorNames.get(successorId);
    if (!name) continue;
    if (!successor && predecessors.length < 2) continue; // one request either way: the merge warning covers it
    const names = predecessors.map((p) => p.body.name);
    const message = successor
      ? `${listInWords(names)} merged into ${name}, which is also in this batch: it would get ${predecessors.length + 1} requests for the same thing.`
      : `${listInWords(names)} all merged into ${name}: it would get ${predecessors.length} requests for the same thing.`;
    offers.push({ successorId, successorName: name, successorInBatch: Boolean(successor), predecessors: predecessors.map((p) => ({ bodyId: p.body.id, name: p.body.name })), message });
  }
  return offers;
}

/**
 * The campaigner's choice: one request to the successor covering its predecessors. The
 * predecessors' recipients go; the successor's recipient (added if it was not there, in the
 * first predecessor's place) records which bodies its letter covers (lib/batches/render.ts says
 * so in the letter). Draft batches only; all or nothing.
 */
export async function combineIntoSuccessor(actor: Actor, batchId: string, successorId: string): Promise<{ covered: number }> {
  await requireRole(actor, "editor");
  return db.$transaction(async (tx) => {
    const batch = await tx.batch.findFirst({ where: { id: batchId, workspaceId: actor.workspaceId }, select: { id: true, state: true } });
    if (!batch) throw new NotFoundError("That batch is not in this workspace.");
    // Lock the batch so a send or another edit waits for this one.
    await tx.$queryRaw`SELECT id FROM "Batch" WHERE id = ${batch.id} FOR UPDATE`;
    const state = await tx.batch.findUniqueOrThrow({ where: { id: batch.id }, select: { state: true } });
    if (state.state !== "draft") throw new BatchStateError("This batch has been sent: its recipients can no longer change.");
    const recipients = await tx.batchRecipient.findMany({
      where: { batchId: batch.id, workspaceId: actor.workspaceId },
      select: { id: true, position: true, coversBodyIds: true, body: { select: { id: true, name: true, status: true, successorId: true } } },
    });
    const successor = await tx.publicBody.findFirst({ where: { id: successorId, workspaceId: actor.workspaceId }, select: { id: true, name: true } });
    if (!successor) throw new NotFoundError("That body is not in this workspace's directory.");
    const offer = successionOffers(recipients, new Map([[successor.id, successor.name]])).find((o) => o.successorId === successor.id);
    if (!offer) throw new NotFoundError("There is nothing to combine for that body in this batch.");
    const predecessorIds = new Set(offer.predecessors.map((p) => p.bodyId));
    const removed = recipients.filter((r) => predecessorIds.has(r.body.id));
    const existing = recipients.find((r) => r.body.id === successor.id);
    const covers = [...new Set([...(existing?.coversBodyIds ?? []), ...removed.flatMap((r) => [...r.coversBodyIds, r.body.id])])];
    await tx.batchRecipient.deleteMany({ where: { id: { in: removed.map((r) => r.id) }, batchId: batch.id } });
    if (existing) {
      await tx.batchRecipient.update({ where: { id: existing.id }, data: { coversBodyIds: covers } });
    } else {
      await tx.batchRecipient.create({
        data: { id: newRowId("r"), workspaceId: actor.workspaceId, batchId: batch.id, bodyId: successor.id, position: Math.min(...removed.map((r) => r.position)), coversBodyIds: covers },
      });
    }
    await recordAudit(
      {
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        action: "batch.recipient.combine",
        entity: "Batch",
        entityId: batch.id,
        data: { successor: successor.name, covers: removed.map((r) => r.body.name) },
      },
      tx,
    );
    return { covered: removed.length };
  });
}
