import "server-only";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { db } from "@/lib/db/client";
import type { Channel } from "@/lib/generated/prisma";
import { todayInLondon } from "@/lib/requests/queries";
import { effectiveChannel, loadBatchForLetters, renderFor, subjectFor, type LoadedBatch, type LoadedRecipient } from "@/lib/batches/render";

export interface LetterPreview {
  recipientId: string;
  bodyName: string;
  /** The FOI email for email letters; null when none is on file or by another channel. */
  to: string | null;
  subject: string;
  letter: string;
  edited: boolean;
  channel: Channel;
  /** Merge fields with no value for this recipient (shown as placeholders in the letter). */
  missing: string[];
  requestId: string | null;
  reference: number | null;
}

type SentRequest = { id: string; title: string; letter: string; reference: number };

function previewFor(loaded: LoadedBatch, recipient: LoadedRecipient, today: string, sent: SentRequest | undefined): LetterPreview {
  const channel = effectiveChannel(loaded.batch, recipient);
  const to = channel === "email" ? recipient.body.foiEmail : null;
  if (sent) {
    // Once sent, the letter is the request's own, exactly as it went.
    return { recipientId: recipient.id, bodyName: recipient.body.name, to, subject: channel === "email" ? subjectFor(sent.title, sent.reference) : sent.title, letter: sent.letter, edited: recipient.letter !== null, channel, missing: [], requestId: sent.id, reference: sent.reference };
  }
  const rendered = renderFor(loaded, recipient, today);
  return { recipientId: recipient.id, bodyName: recipient.body.name, to, subject: rendered.title, letter: rendered.letter, edited: rendered.edited, channel, missing: rendered.missing, requestId: null, reference: null };
}

async function sentRequests(workspaceId: string, requestIds: string[]): Promise<Map<string, SentRequest>> {
  if (requestIds.length === 0) return new Map();
  const rows = await db.foiRequest.findMany({ where: { id: { in: requestIds }, workspaceId, deletedAt: null }, select: { id: true, title: true, letter: true, reference: true } });
  return new Map(rows.map((r) => [r.id, r]));
}

/** One recipient's letter as it will go (or went): subject, address and text. */
export async function previewLetter(actor: Actor, batchId: string, recipientId: string): Promise<LetterPreview> {
  await requireRole(actor, "viewer");
  const loaded = await loadBatchForLetters(actor.workspaceId, batchId);
  const recipient = loaded.recipients.find((r) => r.id === recipientId);
  if (!recipient) throw new NotFoundError("That recipient is not in this batch.");
  const sent = await sentRequests(actor.workspaceId, recipient.requestId ? [recipient.requestId] : []);
  return previewFor(loaded, recipient, todayInLondon(), recipient.requestId ? sent.get(recipient.requestId) : undefined);
}

/** Every letter (or those of the given requests, once sent), in the batch's order, for printing or downloading. */
export async function renderAllLetters(actor: Actor, batchId: string, requestIds?: string[]): Promise<LetterPreview[]> {
  await requireRole(actor, "viewer");
  const loaded = await loadBatchForLetters(actor.workspaceId, batchId);
  let recipients = loaded.recipients;
  if (requestIds) {
    const wanted = new Set(requestIds);
    recipients = recipients.filter((r) => r.requestId !== null && wanted.has(r.requestId));
    // Another batch's or workspace's request is not found, never silently left out.
    if (recipients.length !== wanted.size) throw new NotFoundError("One of the chosen requests is not in this batch.");
  }
  const sent = await sentRequests(actor.workspaceId, recipients.map((r) => r.requestId).filter((id): id is string => id !== null));
  const today = todayInLondon();
  return recipients.map((r) => previewFor(loaded, r, today, r.requestId ? sent.get(r.requestId) : undefined));
}
