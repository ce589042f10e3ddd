import "server-only";
import { formatUkDate, receiptDate } from "@/lib/deadlines";
import { outcomeLabels } from "@/lib/bodies/schemas";
import { listInWords } from "@/lib/letters/exemptions";
import { db, type Prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/auth/errors";
import type { Channel, Outcome } from "@/lib/generated/prisma";
import { missingValues, renderTemplate, type MergeValues } from "@/lib/batches/merge-fields";

/** The most a request title may be: the subject line adds the "[FOI #123]" token to it. */
export const TITLE_MAX_LENGTH = 280;

type Reader = Pick<Prisma.TransactionClient, "batch" | "batchRecipient" | "bodyOutcome" | "publicBody">;

/** What every reader of one batch needs of the batch itself (its letters, its page). */
export const BATCH_HEAD_SELECT = {
  id: true,
  workspaceId: true,
  name: true,
  state: true,
  law: true,
  channel: true,
  titleTemplate: true,
  template: true,
  sentAt: true,
  createdAt: true,
  parentId: true,
  workspace: { select: { name: true, mailbox: true } },
  parent: { select: { id: true, title: true, authorityRef: true, sentAt: true, deletedAt: true, body: { select: { name: true } } } },
} as const;

/** A batch with what its letters need, read in three queries whatever its size. */
export async function loadBatchForLetters(workspaceId: string, batchId: string, client: Reader = db) {
  const batch = await client.batch.findFirst({
    where: { id: batchId, workspaceId },
    select: BATCH_HEAD_SELECT,
  });
  if (!batch) throw new NotFoundError("That batch is not in this workspace.");
  const recipients = await client.batchRecipient.findMany({
    where: { batchId: batch.id, workspaceId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      position: true,
      letter: true,
      channel: true,
      requestId: true,
      coversBodyIds: true,
      body: {
        select: { id: true, name: true, shortName: true, foiEmail: true, wdtkSlug: true, status: true, statusChangedOn: true, successorName: true, successorId: true, foiStatus: true },
      },
    },
  });
  // Predecessors a successor's request also covers (lib/batches/succession.ts).
  const coveredIds = [...new Set(recipients.flatMap((r) => r.coversBodyIds))];
  const covered = new Map(
    (coveredIds.length > 0
      ? await client.publicBody.findMany({ where: { id: { in: coveredIds }, workspaceId }, select: { id: true, name: true, statusChangedOn: true } })
      : []
    ).map((b) => [b.id, b]),
  );
  const outcomes = new Map<string, Outcome>();
  if (batch.parentId) {
    const rows = await client.bodyOutcome.findMany({
      where: { requestId: batch.parentId, workspaceId, bodyId: { in: [...recipients.map((r) => r.body.id), ...coveredIds] } },
      select: { bodyId: true, outcome: true },
    });
    for (const row of rows) outcomes.set(row.bodyId, row.outcome);
  }
  return { batch, recipients, outcomes, covered };
}

export type LoadedBatch = Awaited<ReturnType<typeof loadBatchForLetters>>;
export type LoadedRecipient = LoadedBatch["recipients"][number];

export function effectiveChannel(batch: { channel: Channel }, recipient: { channel: Channel | null }): Channel {
  return recipient.channel ?? batch.channel;
}

export function mergeValuesFor(loaded: LoadedBatch, recipient: LoadedRecipient, today: string): MergeValues {
  const parent = loaded.batch.parent && !loaded.batch.parent.deletedAt ? loaded.batch.parent : null;
  return {
    body: { name: recipient.body.name, shortName: recipient.body.shortName },
    parent: parent ? { reference: parent.authorityRef, sentOn: parent.sentAt ? receiptDate(parent.sentAt) : null, title: parent.title } : null,
    outcome: loaded.outcomes.get(recipient.body.id) ?? null,
    sender: { name: loaded.batch.workspace.name },
    today,
  };
}

export interface RenderedLetter {
  title: string;
  letter: string;
  edited: boolean;
  missing: string[];
}

/** One recipient's title and letter: its own edited letter if it has one, else the template's. */
export function renderFor(loaded: LoadedBatch, recipient: LoadedRecipient, today: string): RenderedLetter {
  const values = mergeValuesFor(loaded, recipient, today);
  const title = singleLine(renderTemplate(loaded.batch.titleTemplate, values)).slice(0, TITLE_MAX_LENGTH);
  const edited = recipient.letter !== null;
  const letter = edited ? recipient.letter! : withCoveredPredecessors(renderTemplate(loaded.batch.template, values), loaded, recipient);
  const missing = [...new Set([...missingValues(loaded.batch.titleTemplate, values), ...(edited ? [] : missingValues(loaded.batch.template, values))])];
  return { title, letter, edited, missing };
}

/**
 * A successor's letter that also covers its predecessors says so, after the paragraph naming
 * the recipient's outcome (or the first one), so the body answers for each trust it took over.
 */
function withCoveredPredecessors(letter: string, loaded: LoadedBatch, recipient: LoadedRecipient): string {
  const covered = recipient.coversBodyIds.flatMap((id) => loaded.covered.get(id) ?? []);
  if (covered.length === 0) return letter;
  const lines = covered.map((b) => {
    const on = b.statusChangedOn ? ` on ${formatUkDate(receiptDate(b.statusChangedOn))}` : "";
    const outcome = loaded.outcomes.get(b.id);
    return `${b.name}, whose services your trust took over${on}${outcome ? ` (listed by NHS England as: ${outcomeLabels[outcome]})` : ""}`;
  });
  const paragraph = `This request also covers ${listInWords(lines)}. Please answer each question for ${covered.length === 1 ? "that trust" : "each of those trusts"} as well as for your own, saying which answer relates to which trust.`;
  const paragraphs = letter.split(/\n\s*\n/);
  const outcome = loaded.outcomes.get(recipient.body.id);
  const at = outcome ? paragraphs.findIndex((p, i) => i > 0 && p.includes(outcomeLabels[outcome])) : -1;
  const after = at > 0 ? at : Math.min(1, paragraphs.length - 1);
  paragraphs.splice(after + 1, 0, paragraph);
  return paragraphs.join("\n\n");
}

/** A title is one line: a body name with a line break must not break the subject header. */
function singleLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Where to start this body's request on WhatDoTheyKnow (its page when the slug is known). */
export function wdtkUrlFor(body: { name: string; wdtkSlug: string | null }): string {
  return body.wdtkSlug
    ? `https://www.whatdotheyknow.com/new/${encodeURIComponent(body.wdtkSlug)}`
    : `https://www.whatdotheyknow.com/select_authority?query=${encodeURIComponent(body.name)}`;
}

/** The subject line of a request's email: its title and the token replies are matched by. */
export function subjectFor(title: string, reference: number): string {
  return `${title} [FOI #${reference}]`;
}
