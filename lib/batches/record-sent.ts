import "server-only";
import type { Prisma } from "@/lib/db/client";
import { unsafeRecomputeClock } from "@/lib/requests/unsafe-recompute-clock";

export interface SentLetter {
  requestId: string;
  workspaceId: string;
  sentAt: Date;
  /** The letter as it went. */
  text: string;
  subject: string | null;
  toAddress: string | null;
  fromAddress?: string | null;
  fromName?: string | null;
  createdById?: string | null;
}

/**
 * A draft request's letter has gone: within the caller's transaction, the request becomes
 * "waiting for a response", its `sent` event (with the outgoing message) starts its clock from
 * its own date of receipt. Guarded by status, so recording twice changes nothing: returns
 * false when the request was no longer a draft (or was deleted meanwhile).
 */
export async function recordRequestSent(tx: Prisma.TransactionClient, letter: SentLetter): Promise<boolean> {
  const changed = await tx.foiRequest.updateMany({
    where: { id: letter.requestId, workspaceId: letter.workspaceId, status: "draft", deletedAt: null },
    data: { status: "awaiting_response", sentAt: letter.sentAt },
  });
  if (changed.count === 0) return false;
  const message = await tx.message.create({
    data: {
      workspaceId: letter.workspaceId,
      requestId: letter.requestId,
      direction: "outgoing",
      fromName: letter.fromName ?? null,
      fromAddress: letter.fromAddress ?? null,
      toAddress: letter.toAddress,
      subject: letter.subject,
      sentAt: letter.sentAt,
      bodyText: letter.text,
    },
    select: { id: true },
  });
  await tx.requestEvent.create({
    data: {
      workspaceId: letter.workspaceId,
      requestId: letter.requestId,
      kind: "sent",
      occurredAt: letter.sentAt,
      messageId: message.id,
      createdById: letter.createdById ?? null,
    },
  });
  await unsafeRecomputeClock(letter.requestId, tx);
  return true;
}

/** A chaser email has gone: kept on the timeline as an outgoing message and a note. */
export async function recordChaserSent(tx: Prisma.TransactionClient, letter: SentLetter): Promise<void> {
  const message = await tx.message.create({
    data: {
      workspaceId: letter.workspaceId,
      requestId: letter.requestId,
      direction: "outgoing",
      fromName: letter.fromName ?? null,
      fromAddress: letter.fromAddress ?? null,
      toAddress: letter.toAddress,
      subject: letter.subject,
      sentAt: letter.sentAt,
      bodyText: letter.text,
    },
    select: { id: true },
  });
  await tx.requestEvent.create({
    data: {
      workspaceId: letter.workspaceId,
      requestId: letter.requestId,
      kind: "note",
      occurredAt: letter.sentAt,
      note: `Chaser sent by email to ${letter.toAddress ?? "the body"}.`,
      messageId: message.id,
      createdById: letter.createdById ?? null,
    },
  });
}

/** What a delivered email means for its request, by the purpose in its dedupe key. */
export async function recordDelivered(
  tx: Prisma.TransactionClient,
  delivery: { requestId: string | null; workspaceId: string | null; dedupeKey: string | null; text: string; subject: string; toAddress: string; sentAt: Date; from: string },
): Promise<void> {
  if (!delivery.requestId || !delivery.workspaceId || !delivery.dedupeKey) return;
  const letter: SentLetter = {
    requestId: delivery.requestId,
    workspaceId: delivery.workspaceId,
    sentAt: delivery.sentAt,
    text: delivery.text,
    subject: delivery.subject,
    toAddress: delivery.toAddress,
    ...splitFrom(delivery.from),
  };
  if (delivery.dedupeKey.startsWith("request:")) await recordRequestSent(tx, letter);
  else if (delivery.dedupeKey.startsWith("chaser:")) await recordChaserSent(tx, letter);
}

/** "FOI Tracker <foi@x>" to its name and address. */
function splitFrom(from: string): { fromName: string | null; fromAddress: string | null } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  if (match) return { fromName: match[1] || null, fromAddress: match[2] ?? null };
  return { fromName: null, fromAddress: from.trim() || null };
}
