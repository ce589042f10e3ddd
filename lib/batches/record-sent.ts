import "server-only";
import { computeClock, type WorkingDayCalendar } from "@/lib/deadlines";
import type { Prisma } from "@/lib/db/client";
import type { Law } from "@/lib/generated/prisma";
import { calendarFor } from "@/lib/holidays/calendars";
import { newRowId, splitFrom } from "@/lib/mail/send-mail";

// What a delivered letter means for its request, written set-based: the outbox records a
// group of delivered emails in one transaction with a handful of statements whatever the
// group's size (1,000 letters would otherwise be ~10,000 round trips).

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

type Tx = Prisma.TransactionClient;

const iso = (d: Date) => d.toISOString();

/** Outgoing messages, each with a timeline event (the "sent" one, or a note), in two statements. */
async function insertMessagesAndEvents(tx: Tx, letters: readonly SentLetter[], kind: "sent" | "note", note: (l: SentLetter) => string | null): Promise<void> {
  if (letters.length === 0) return;
  const messageIds = letters.map(() => newRowId("m"));
  await tx.$executeRaw`
    INSERT INTO "Message" (id, "workspaceId", "requestId", direction, "fromName", "fromAddress", "toAddress", subject, "sentAt", "bodyText")
    SELECT u.id, u.workspace_id, u.request_id, 'outgoing'::"MessageDirection", u.from_name, u.from_address, u.to_address, u.subject, u.sent_at::timestamptz AT TIME ZONE 'UTC', u.body
    FROM unnest(
      ${messageIds}::text[], ${letters.map((l) => l.workspaceId)}::text[], ${letters.map((l) => l.requestId)}::text[],
      ${letters.map((l) => l.fromName ?? null)}::text[], ${letters.map((l) => l.fromAddress ?? null)}::text[], ${letters.map((l) => l.toAddress)}::text[],
      ${letters.map((l) => l.subject)}::text[], ${letters.map((l) => iso(l.sentAt))}::text[], ${letters.map((l) => l.text)}::text[]
    ) AS u(id, workspace_id, request_id, from_name, from_address, to_address, subject, sent_at, body)`;
  await tx.$executeRaw`
    INSERT INTO "RequestEvent" (id, "workspaceId", "requestId", kind, "occurredAt", exemptions, note, "messageId", "createdById")
    SELECT u.id, u.workspace_id, u.request_id, ${kind}::"EventKind", u.occurred_at::timestamptz AT TIME ZONE 'UTC', '{}'::text[], u.note, u.message_id, u.created_by
    FROM unnest(
      ${letters.map(() => newRowId("e"))}::text[], ${letters.map((l) => l.workspaceId)}::text[], ${letters.map((l) => l.requestId)}::text[],
      ${letters.map((l) => iso(l.sentAt))}::text[], ${letters.map(note)}::text[], ${messageIds}::text[], ${letters.map((l) => l.createdById ?? null)}::text[]
    ) AS u(id, workspace_id, request_id, occurred_at, note, message_id, created_by)`;
}

/**
 * Draft requests whose letters have gone: within the caller's transaction, each becomes
 * "waiting for a response" with its `sent` event and outgoing message, and its clock starts
 * from its own date of receipt. Guarded by status, so recording twice changes nothing.
 * Returns the ids of the requests it marked sent (not those no longer drafts, or deleted).
 */
export async function recordRequestsSent(tx: Tx, letters: readonly SentLetter[]): Promise<Set<string>> {
  if (letters.length === 0) return new Set();
  const changed = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE "FoiRequest" AS r SET status = 'awaiting_response', "sentAt" = v.sent_at::timestamptz AT TIME ZONE 'UTC', "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM unnest(${letters.map((l) => l.requestId)}::text[], ${letters.map((l) => l.workspaceId)}::text[], ${letters.map((l) => iso(l.sentAt))}::text[]) AS v(id, workspace_id, sent_at)
    WHERE r.id = v.id AND r."workspaceId" = v.workspace_id AND r.status = 'draft' AND r."deletedAt" IS NULL
    RETURNING r.id`;
  const marked = new Set(changed.map((r) => r.id));
  await insertMessagesAndEvents(tx, letters.filter((l) => marked.has(l.requestId)), "sent", () => null);
  await recomputeClocks(tx, [...marked]);
  return marked;
}

/** One request: see recordRequestsSent. False when it was no longer a draft. */
export async function recordRequestSent(tx: Tx, letter: SentLetter): Promise<boolean> {
  return (await recordRequestsSent(tx, [letter])).has(letter.requestId);
}

/** Chaser emails that have gone: kept on the timeline as outgoing messages and notes. */
export async function recordChasersSent(tx: Tx, letters: readonly SentLetter[]): Promise<void> {
  await insertMessagesAndEvents(tx, letters, "note", (l) => `Chaser sent by email to ${l.toAddress ?? "the body"}.`);
}

/**
 * The stored clock of many requests in three statements: the same columns, computed the same
 * way, as lib/requests/unsafe-recompute-clock.ts (a test checks they agree). Unscoped: callers
 * have already checked the requests.
 */
export async function recomputeClocks(tx: Tx, requestIds: readonly string[]): Promise<void> {
  if (requestIds.length === 0) return;
  const requests = await tx.foiRequest.findMany({
    where: { id: { in: [...requestIds] } },
    select: {
      id: true,
      law: true,
      workspace: { select: { receiptConvention: true } },
      events: { orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }], select: { kind: true, occurredAt: true, newDueOn: true } },
    },
  });
  const calendars = new Map<Law, WorkingDayCalendar>();
  for (const law of new Set(requests.map((r) => r.law))) calendars.set(law, await calendarFor(law));
  const rows = requests.map((request) => {
    const clock = computeClock(
      request.events.map((e) => ({ kind: e.kind, at: e.occurredAt.toISOString(), ...(e.newDueOn ? { newDueDate: e.newDueOn.toISOString().slice(0, 10) } : {}) })),
      { law: request.law, convention: request.workspace.receiptConvention === "next_working_day" ? "next-working-day" : "calendar", calendar: calendars.get(request.law)! },
    );
    const openReview = clock.review && !clock.review.answered && !clock.review.withdrawn ? clock.review : null;
    return {
      id: request.id,
      receivedOn: clock.received,
      dueOn: clock.extendedDue ?? clock.due,
      veryOverdueOn: clock.veryOverdue,
      reviewDueOn: openReview ? openReview.due : null,
      reviewRequestedOn: openReview ? openReview.requested : null,
      reviewVeryOverdueOn: openReview ? openReview.veryOverdue : null,
      waitingSince: clock.waitingFor ? (clock.pauses.findLast((p) => p.to === null)?.from ?? null) : null,
      answeredOn: clock.answeredOn,
      clockProjected: clock.projected,
    };
  });
  const col = (pick: (r: (typeof rows)[number]) => string | null) => rows.map(pick);
  await tx.$executeRaw`
    UPDATE "FoiRequest" AS r SET
      "receivedOn" = v.received_on, "dueOn" = v.due_on, "veryOverdueOn" = v.very_overdue_on, "reviewDueOn" = v.review_due_on,
      "reviewRequestedOn" = v.review_requested_on, "reviewVeryOverdueOn" = v.review_very_overdue_on, "waitingSince" = v.waiting_since,
      "answeredOn" = v.answered_on, "clockProjected" = v.projected
    FROM unnest(
      ${col((r) => r.id)}::text[], ${col((r) => r.receivedOn)}::date[], ${col((r) => r.dueOn)}::date[], ${col((r) => r.veryOverdueOn)}::date[],
      ${col((r) => r.reviewDueOn)}::date[], ${col((r) => r.reviewRequestedOn)}::date[], ${col((r) => r.reviewVeryOverdueOn)}::date[],
      ${col((r) => r.waitingSince)}::date[], ${col((r) => r.answeredOn)}::date[], ${rows.map((r) => r.clockProjected)}::boolean[]
    ) AS v(id, received_on, due_on, very_overdue_on, review_due_on, review_requested_on, review_very_overdue_on, waiting_since, answered_on, projected)
    WHERE r.id = v.id`;
}

export interface DeliveredEmail {
  requestId: string | null;
  workspaceId: string | null;
  dedupeKey: string | null;
  text: string;
  subject: string;
  toAddress: string;
  sentAt: Date;
  from: string;
}

/** What delivered emails mean for their requests, by the purpose in each one's dedupe key. */
export async function recordDelivered(tx: Tx, deliveries: readonly DeliveredEmail[]): Promise<void> {
  const letters: SentLetter[] = [];
  const chasers: SentLetter[] = [];
  for (const d of deliveries) {
    if (!d.requestId || !d.workspaceId || !d.dedupeKey) continue;
    const letter: SentLetter = { requestId: d.requestId, workspaceId: d.workspaceId, sentAt: d.sentAt, text: d.text, subject: d.subject, toAddress: d.toAddress, ...splitFrom(d.from) };
    if (d.dedupeKey.startsWith("request:")) letters.push(letter);
    else if (d.dedupeKey.startsWith("chaser:")) chasers.push(letter);
  }
  await recordRequestsSent(tx, letters);
  await recordChasersSent(tx, chasers);
}
