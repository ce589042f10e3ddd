import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { newRowId } from "@/lib/db/row-id";
import { applyEvent } from "@/lib/requests/timeline";
import { unsafeRecomputeClocks } from "@/lib/requests/unsafe-recompute-clock";

// "A request was sent", for every way a letter goes: an email delivered by the outbox, a
// WhatDoTheyKnow or postal letter marked as sent, a single request logged or edited with its
// date sent. Written set-based: a group of 500 delivered letters is a handful of statements.

/** The letter as it went, kept as an outgoing message on the request's correspondence. */
export interface SentMessage {
  text: string;
  subject: string | null;
  toAddress: string | null;
  fromName?: string | null;
  fromAddress?: string | null;
  /** The email's Message-ID (angle brackets optional): kept so a reply naming it finds the request. */
  messageId?: string | null;
}

export interface SentLetter {
  requestId: string;
  workspaceId: string;
  sentAt: Date;
  /** Null when there is no copy of the letter to keep (a request logged with its date sent). */
  message: SentMessage | null;
  createdById?: string | null;
}

type Tx = Prisma.TransactionClient;

const iso = (d: Date) => d.toISOString();

/** A Message-ID as Message.sourceKey keeps it: without its angle brackets. */
export function sourceKeyOf(messageId: string | null | undefined): string | null {
  const bare = messageId?.trim().replace(/^<|>$/g, "");
  return bare ? bare : null;
}

// What a `sent` entry does to a draft, from the timeline's own rule.
const sentStep = applyEvent("draft", { kind: "sent", at: "" });
if (!sentStep.ok) throw new Error(`The timeline refuses sending a draft: ${sentStep.reason}`);
const SENT_STATUS = sentStep.status;

/**
 * Timeline entries with their outgoing messages (where there is one), in one statement: the
 * `sent` entries of drafts whose letters went (each draft made sent in the same statement,
 * guarded by status; one entry per request even if a letter is reported twice), or the notes
 * of chasers. Returns the requests it wrote to.
 */
async function insertEntries(tx: Tx, letters: readonly SentLetter[], kind: "sent" | "note", note: (l: SentLetter) => string | null): Promise<Set<string>> {
  if (letters.length === 0) return new Set();
  const col = <T>(pick: (l: SentLetter) => T) => letters.map(pick);
  // One flat statement with plain parameters: nested SQL fragments are not reliable inside the
  // built app. For `sent`, r makes the drafts sent and f keeps one entry per request it changed;
  // for notes, r changes nothing and f is every row.
  const isSent = kind === "sent";
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    WITH v AS (
      SELECT * FROM unnest(
        ${letters.map(() => newRowId("e"))}::text[], ${letters.map((l) => (l.message ? newRowId("m") : null))}::text[], ${col((l) => l.workspaceId)}::text[],
        ${col((l) => l.requestId)}::text[], ${col((l) => iso(l.sentAt))}::text[], ${col(note)}::text[], ${col((l) => l.createdById ?? null)}::text[],
        ${col((l) => l.message?.fromName ?? null)}::text[], ${col((l) => l.message?.fromAddress ?? null)}::text[], ${col((l) => l.message?.toAddress ?? null)}::text[],
        ${col((l) => l.message?.subject ?? null)}::text[], ${col((l) => l.message?.text ?? null)}::text[], ${col((l) => sourceKeyOf(l.message?.messageId))}::text[]
      ) WITH ORDINALITY AS v(event_id, message_id, workspace_id, request_id, sent_at, note, created_by, from_name, from_address, to_address, subject, body, source_key, ord)
    ),
    r AS (
      UPDATE "FoiRequest" AS r SET status = ${SENT_STATUS}::"RequestStatus", "sentAt" = v.sent_at::timestamptz AT TIME ZONE 'UTC', "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM v WHERE ${isSent}::boolean AND r.id = v.request_id AND r."workspaceId" = v.workspace_id AND r.status = 'draft' AND r."deletedAt" IS NULL
      RETURNING r.id
    ),
    f AS (
      SELECT * FROM v WHERE NOT ${isSent}::boolean
      UNION ALL
      (SELECT DISTINCT ON (v.request_id) v.* FROM v JOIN r ON r.id = v.request_id ORDER BY v.request_id, v.ord)
    ),
    m AS (
      INSERT INTO "Message" (id, "workspaceId", "requestId", direction, "fromName", "fromAddress", "toAddress", subject, "sentAt", "bodyText", "sourceKey")
      SELECT message_id, workspace_id, request_id, 'outgoing'::"MessageDirection", from_name, from_address, to_address, subject, sent_at::timestamptz AT TIME ZONE 'UTC', body,
        -- A letter sent again after a bounce keeps its Message-ID: the first copy already holds it.
        CASE WHEN EXISTS (SELECT 1 FROM "Message" o WHERE o."workspaceId" = f.workspace_id AND o.source = 'manual' AND o."sourceKey" = f.source_key) THEN NULL ELSE source_key END
      FROM f WHERE message_id IS NOT NULL
    ),
    e AS (
      INSERT INTO "RequestEvent" (id, "workspaceId", "requestId", kind, "occurredAt", exemptions, note, "messageId", "createdById")
      SELECT event_id, workspace_id, request_id, ${kind}::"EventKind", sent_at::timestamptz AT TIME ZONE 'UTC', '{}'::text[], note, message_id, created_by
      FROM f
    )
    SELECT DISTINCT request_id AS id FROM f`;
  return new Set(rows.map((r) => r.id));
}

/**
 * Draft requests whose letters have gone: each becomes "waiting for a response" with its
 * `sent` entry (and outgoing message), and its clock starts from its own date of receipt.
 * Within `tx` when given (so it commits with the caller's own writes), else in a transaction
 * of its own. Guarded by status, so recording twice changes nothing. Returns the ids of the
 * requests it marked sent (not those no longer drafts, or deleted).
 */
export async function markSent(letters: readonly SentLetter[], tx?: Tx): Promise<Set<string>> {
  if (letters.length === 0) return new Set();
  if (!tx) return db.$transaction((own) => markSent(letters, own));
  const marked = await insertEntries(tx, letters, "sent", () => null);
  await unsafeRecomputeClocks(tx, [...marked]);
  return marked;
}

/** Chasers that have gone: kept on the timeline as outgoing messages with a note (no clock change). */
export async function recordChasersSent(letters: readonly SentLetter[], tx: Tx): Promise<void> {
  await insertEntries(tx, letters, "note", (l) => `Chaser sent by email to ${l.message?.toAddress ?? "the body"}.`);
}
