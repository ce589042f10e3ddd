import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db/client";
import { newRowId } from "@/lib/db/row-id";
import { env } from "@/lib/env";
import { now } from "@/lib/time";
import { currentTransportName, PermanentMailError, transmit } from "@/lib/mail/transport";

// The outbox: queue, claim, lease and retry. It knows what was sent, not what that means: each
// delivered message is reported to the hook registered for its purpose (the dedupe key's prefix,
// "request:<id>" -> "request"), inside the transaction that marks it sent. Import it through
// lib/mail/send-mail, which registers the hooks.

export const mailSchema = z.object({
  to: z.string().email(),
  subject: z.string().min(1).max(300),
  text: z.string().min(1).max(200_000),
  html: z.string().max(500_000).optional(),
  workspaceId: z.string().optional(),
  redactAfterSend: z.boolean().optional(),
  /** The request a letter belongs to. */
  requestId: z.string().optional(),
  /** The campaign's mailbox, so a body's reply reaches the campaign. */
  replyTo: z.string().email().optional(),
  /** One message per key, ever: e.g. "request:<id>", "chaser:<id>:<date>", "digest:<user>:<day>". */
  dedupeKey: z.string().min(1).max(300).optional(),
  /** A reply's threading: the Message-ID it answers and the thread's Message-IDs, oldest first (angle brackets included). */
  inReplyTo: z.string().max(998).optional(),
  references: z.array(z.string().max(998)).max(50).optional(),
});
export type Mail = z.infer<typeof mailSchema>;

// Retry schedule for temporary failures: 1, 5, 15, 60 minutes, then 3 h, up to 8 attempts.
const BACKOFF_MINUTES = [1, 5, 15, 60, 180, 180, 180];
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;
// A claim older than this belongs to a worker that died while sending. The SMTP server may
// or may not have accepted the message, so it is never resent automatically: it becomes
// "unconfirmed" and a person decides (lib/batches/send-batch.ts resolveUnconfirmed).
export const CLAIM_LEASE_MINUTES = 10;
/**
 * Messages one worker has in hand at once (claimed, being sent or being recorded): also the
 * most a killed worker can leave unconfirmed. Twice the SMTP connections (lib/mail/transport),
 * so a connection is never idle while its last message is being recorded.
 */
export const OUTBOX_CONCURRENCY = 10;
export const UNCONFIRMED_ERROR = "We could not confirm this letter was sent: the app stopped while sending it.";
const REDACTED = "[Removed after sending: this email contained a single-use link.]";
export const DELETED_REQUEST_ERROR = "Not sent: the request was deleted. Restore it to send this letter again.";

type DeliveryWriter = Pick<Prisma.TransactionClient, "delivery">;

function deliveryRow(mail: Mail, domain: string, at: Date): Prisma.DeliveryCreateManyInput {
  return {
    workspaceId: mail.workspaceId,
    requestId: mail.requestId,
    replyTo: mail.replyTo,
    dedupeKey: mail.dedupeKey,
    toAddress: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: `<${crypto.randomUUID()}@${domain}>`,
    inReplyTo: mail.inReplyTo,
    references: mail.references && mail.references.length > 0 ? mail.references.join(" ") : undefined,
    transport: currentTransportName(),
    nextAttempt: at,
    createdAt: at,
    redactAfterSend: mail.redactAfterSend ?? false,
  };
}

function messageIdDomain(): string {
  return new URL(env().NEXTAUTH_URL).hostname || "localhost";
}

/**
 * Puts a message in the outbox (inside the caller's transaction when `client` is one).
 * With a dedupeKey, a second call returns the first message's id and queues nothing;
 * two concurrent calls make one fail on the unique index, which rolls its transaction back. The row, with its stable Message-ID, exists before any
 * attempt to send, so an SMTP failure or a crash never loses it.
 */
export async function queueMail(input: Mail, client: DeliveryWriter = db): Promise<string> {
  const mail = mailSchema.parse(input);
  if (mail.dedupeKey) {
    // The unique index decides; this read only spares the common case an exception.
    const existing = await client.delivery.findUnique({ where: { dedupeKey: mail.dedupeKey }, select: { id: true } });
    if (existing) return existing.id;
  }
  const delivery = await client.delivery.create({ data: deliveryRow(mail, messageIdDomain(), now()), select: { id: true } });
  return delivery.id;
}

/**
 * Many messages in one statement (a batch of 1,000 letters: one INSERT, not 1,000). A message
 * whose dedupeKey is already in the outbox is not queued again. Returns how many were queued.
 */
export async function queueMails(inputs: readonly Mail[], client: Pick<Prisma.TransactionClient, "$executeRaw"> = db): Promise<number> {
  if (inputs.length === 0) return 0;
  const domain = messageIdDomain();
  const at = now().toISOString();
  const transport = currentTransportName();
  const mails = inputs.map((input) => mailSchema.parse(input));
  const column = <T>(pick: (m: Mail) => T) => mails.map(pick);
  return client.$executeRaw`
    INSERT INTO "Delivery" (id, "workspaceId", "requestId", "replyTo", "dedupeKey", "toAddress", subject, text, html, "messageId", transport, "redactAfterSend", "nextAttempt", "createdAt")
    SELECT u.id, u.workspace_id, u.request_id, u.reply_to, u.dedupe_key, u.to_address, u.subject, u.text, u.html, u.message_id, ${transport}, u.redact,
      ${at}::timestamptz AT TIME ZONE 'UTC', ${at}::timestamptz AT TIME ZONE 'UTC'
    FROM unnest(
      ${mails.map(() => newRowId("d"))}::text[], ${column((m) => m.workspaceId ?? null)}::text[], ${column((m) => m.requestId ?? null)}::text[],
      ${column((m) => m.replyTo ?? null)}::text[], ${column((m) => m.dedupeKey ?? null)}::text[], ${column((m) => m.to)}::text[],
      ${column((m) => m.subject)}::text[], ${column((m) => m.text)}::text[], ${column((m) => m.html ?? null)}::text[],
      ${mails.map(() => `<${crypto.randomUUID()}@${domain}>`)}::text[], ${column((m) => m.redactAfterSend ?? false)}::boolean[]
    ) WITH ORDINALITY AS u(id, workspace_id, request_id, reply_to, dedupe_key, to_address, subject, text, html, message_id, redact, ord)
    ORDER BY u.ord
    ON CONFLICT DO NOTHING`;
}

type Outcome = "sent" | "retry" | "failed" | "skipped";

/** What sending and recording one claimed row needs. */
interface ClaimedDelivery {
  id: string;
  workspaceId: string | null;
  requestId: string | null;
  dedupeKey: string | null;
  toAddress: string;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string | null;
  messageId: string;
  inReplyTo: string | null;
  references: string | null;
  transport: string;
  attempts: number;
  redactAfterSend: boolean;
}

const CLAIMED_FIELDS = {
  id: true,
  workspaceId: true,
  requestId: true,
  dedupeKey: true,
  toAddress: true,
  replyTo: true,
  subject: true,
  text: true,
  html: true,
  messageId: true,
  inReplyTo: true,
  references: true,
  transport: true,
  attempts: true,
  redactAfterSend: true,
} as const;

/**
 * Sends one queued message if it is still pending. The row is claimed with a
 * conditional update, so two workers never send the same message.
 */
export async function deliver(deliveryId: string): Promise<Outcome> {
  const claimedAt = now();
  await cancelMailOfDeletedRequests(deliveryId);
  const claimed = await db.delivery.updateMany({
    where: { id: deliveryId, state: "pending", nextAttempt: { lte: claimedAt }, OR: [{ requestId: null }, { request: { deletedAt: null } }] },
    data: { state: "sending", claimedAt, attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return "skipped";
  const delivery = await db.delivery.findFirst({ where: { id: deliveryId, state: "sending" }, select: CLAIMED_FIELDS });
  if (!delivery) return "skipped";
  return attempt(delivery);
}

/** One claimed row: the SMTP conversation, then the outcome recorded (never the other way round). */
async function attempt(delivery: ClaimedDelivery): Promise<Outcome> {
  let failure: unknown = null;
  try {
    await transmit(
      {
        to: delivery.toAddress,
        from: env().MAIL_FROM,
        subject: delivery.subject,
        text: delivery.text,
        html: delivery.html,
        messageId: delivery.messageId,
        replyTo: delivery.replyTo,
        inReplyTo: delivery.inReplyTo,
        references: delivery.references,
      },
      delivery.transport,
    );
  } catch (error) {
    failure = error;
  }
  if (!failure) {
    // Outside the try: a database error here must not make a sent message look unsent. If
    // recording fails, the row stays "sending" and becomes "unconfirmed" at the end of its
    // lease, for a person to check: never a second copy.
    await recordSent(delivery, now());
    return "sent";
  }
  const message = ((failure as Error).message ?? String(failure)).slice(0, 1000);
  const permanent = failure instanceof PermanentMailError || delivery.attempts >= MAX_ATTEMPTS;
  const wait = BACKOFF_MINUTES[Math.min(delivery.attempts - 1, BACKOFF_MINUTES.length - 1)] ?? 180;
  await db.delivery.updateMany({
    where: { id: delivery.id, state: "sending" },
    data: permanent
      ? { state: "failed", lastError: message }
      : { state: "pending", lastError: message, nextAttempt: new Date(now().getTime() + wait * 60_000) },
  });
  return permanent ? "failed" : "retry";
}

// ---- recording sent messages: group commit ----
//
// Each sent message waits until it is recorded (so a worker never has more unrecorded sends
// than lanes), but messages that finish while a group is being written are recorded together
// in the next one: a few statements per group instead of ten per message.

interface PendingRecord {
  row: ClaimedDelivery;
  sentAt: Date;
  resolve: () => void;
  reject: (error: unknown) => void;
}
const MAX_GROUP = 500;
let recordQueue: PendingRecord[] = [];
let flushing = false;

function recordSent(row: ClaimedDelivery, sentAt: Date): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    recordQueue.push({ row, sentAt, resolve, reject });
    if (!flushing) void flushRecords();
  });
}

async function flushRecords(): Promise<void> {
  flushing = true;
  try {
    while (recordQueue.length > 0) {
      const group = recordQueue.slice(0, MAX_GROUP);
      recordQueue = recordQueue.slice(MAX_GROUP);
      try {
        await writeSent(group);
        for (const p of group) p.resolve();
      } catch (error) {
        if (group.length === 1) {
          group[0]!.reject(error);
          continue;
        }
        // One bad row must not leave the whole group unconfirmed: record them one by one.
        for (const p of group) await writeSent([p]).then(p.resolve, p.reject);
      }
    }
  } finally {
    flushing = false;
  }
}

/**
 * Marks a group sent and, in the same transaction, reports them to their purposes' hooks (a
 * request's letter makes its request sent, with its clock): a message is never sent without
 * what it means being recorded, nor recorded twice.
 */
async function writeSent(group: readonly PendingRecord[]): Promise<void> {
  const from = splitFrom(env().MAIL_FROM);
  // Sign-in links and invitations: the text is blanked once sent over SMTP.
  const redact = group.map((p) => p.row.redactAfterSend && p.row.transport === "smtp");
  await db.$transaction(
    async (tx) => {
      const updated = await tx.$queryRaw<Array<{ id: string }>>`
        UPDATE "Delivery" AS d SET state = 'sent', "sentAt" = v.sent_at::timestamptz AT TIME ZONE 'UTC', "lastError" = NULL,
          text = CASE WHEN v.redact THEN ${REDACTED} ELSE d.text END, html = CASE WHEN v.redact THEN NULL ELSE d.html END
        FROM unnest(
          ${group.map((p) => p.row.id)}::text[], ${group.map((p) => p.sentAt.toISOString())}::text[], ${redact}::boolean[]
        ) AS v(id, sent_at, redact)
        -- 'unconfirmed': the lease ran out while the server was still taking it; its accept proves it went.
        WHERE d.id = v.id AND d.state IN ('sending', 'unconfirmed')
        RETURNING d.id`;
      const done = new Set(updated.map((r) => r.id));
      await reportDelivered(
        group.filter((p) => done.has(p.row.id)).map(({ row, sentAt }) => ({ ...deliveredFields(row), sentAt, ...from })),
        tx,
      );
    },
    { timeout: 60_000 },
  );
}

// ---- what a delivery means: the purpose hooks ----

/** A delivered message, as its purpose's hook sees it. */
export interface DeliveredMail {
  deliveryId: string;
  /** The Message-ID it went with, angle brackets included: replies name it in In-Reply-To. */
  messageId: string;
  dedupeKey: string | null;
  workspaceId: string | null;
  requestId: string | null;
  toAddress: string;
  subject: string;
  /** The text as it went (before any redaction). */
  text: string;
  sentAt: Date;
  fromName: string | null;
  fromAddress: string | null;
}

export type DeliveryHook = (delivered: readonly DeliveredMail[], tx: Prisma.TransactionClient) => Promise<void>;

const hooks = new Map<string, DeliveryHook>();

/** Registers what a delivered message of `purpose` (its dedupe key's prefix) means. One hook per purpose. */
export function registerDeliveryHook(purpose: string, hook: DeliveryHook): void {
  hooks.set(purpose, hook);
}

/** "request:<id>" -> "request"; a message without a dedupe key has no purpose. */
function purposeOf(dedupeKey: string | null): string | null {
  if (!dedupeKey) return null;
  const colon = dedupeKey.indexOf(":");
  return colon > 0 ? dedupeKey.slice(0, colon) : null;
}

function deliveredFields(row: Pick<ClaimedDelivery, "id" | "messageId" | "dedupeKey" | "workspaceId" | "requestId" | "toAddress" | "subject" | "text">) {
  return { deliveryId: row.id, messageId: row.messageId, dedupeKey: row.dedupeKey, workspaceId: row.workspaceId, requestId: row.requestId, toAddress: row.toAddress, subject: row.subject, text: row.text };
}

async function reportDelivered(delivered: readonly DeliveredMail[], tx: Prisma.TransactionClient): Promise<void> {
  const byPurpose = new Map<string, DeliveredMail[]>();
  for (const d of delivered) {
    const purpose = purposeOf(d.dedupeKey);
    if (purpose) byPurpose.set(purpose, [...(byPurpose.get(purpose) ?? []), d]);
  }
  for (const [purpose, rows] of byPurpose) await hooks.get(purpose)?.(rows, tx);
}

/** "FOI Tracker <foi@x>" to its name and address. */
function splitFrom(from: string): { fromName: string | null; fromAddress: string | null } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  if (match) return { fromName: match[1] || null, fromAddress: match[2] ?? null };
  return { fromName: null, fromAddress: from.trim() || null };
}

/**
 * Claims the next due message and returns it, in one statement. SKIP LOCKED lets several
 * workers (and lanes) claim side by side without waiting for each other or taking the same row.
 */
async function claimNext(): Promise<ClaimedDelivery | null> {
  const at = now().toISOString();
  const rows = await db.$queryRaw<ClaimedDelivery[]>`
    UPDATE "Delivery" SET state = 'sending', "claimedAt" = ${at}::timestamptz AT TIME ZONE 'UTC', attempts = attempts + 1
    WHERE id = (
      SELECT id FROM "Delivery"
      WHERE state = 'pending' AND "nextAttempt" <= ${at}::timestamptz AT TIME ZONE 'UTC'
        AND NOT EXISTS (SELECT 1 FROM "FoiRequest" r WHERE r.id = "Delivery"."requestId" AND r."deletedAt" IS NOT NULL)
      ORDER BY "nextAttempt", "createdAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "workspaceId", "requestId", "dedupeKey", "toAddress", "replyTo", subject, text, html, "messageId", "inReplyTo", "references", transport, attempts, "redactAfterSend"`;
  return rows[0] ?? null;
}

/**
 * Letters to public bodies (and to the regulator), by their purpose: a second copy matters, so an
 * expired claim waits for a person.
 */
export const LETTER_PURPOSES = ["request", "chaser", "clarification", "review", "complaint"] as const;
const LETTER_KEYS: Prisma.DeliveryWhereInput = { OR: LETTER_PURPOSES.map((purpose) => ({ dedupeKey: { startsWith: `${purpose}:` } })) };

/**
 * Claims left by a worker that died mid-send. A letter to a public body is never resent
 * automatically (see CLAIM_LEASE_MINUTES): it becomes "unconfirmed". Anything else (sign-in
 * links, invitations, digests) is harmless to resend and has no page to resolve it, so it goes
 * back to "pending". Returns how many became unconfirmed.
 */
export async function markExpiredClaimsUnconfirmed(leaseMinutes = CLAIM_LEASE_MINUTES): Promise<number> {
  const expiredClaim: Prisma.DeliveryWhereInput = { state: "sending", claimedAt: { lt: new Date(now().getTime() - leaseMinutes * 60_000) } };
  const [expired] = await db.$transaction([
    db.delivery.updateMany({ where: { ...expiredClaim, ...LETTER_KEYS }, data: { state: "unconfirmed", lastError: UNCONFIRMED_ERROR } }),
    db.delivery.updateMany({ where: { ...expiredClaim, OR: [{ dedupeKey: null }, { NOT: LETTER_KEYS }] }, data: { state: "pending", claimedAt: null, nextAttempt: now() } }),
  ]);
  return expired.count;
}

/**
 * A deleted request's letters waiting in the outbox (first try or a retry) are never sent:
 * they fail with the reason, and "Send again" works once the request is restored. Letters
 * already being sent are left to finish (the server may already have them).
 */
export async function cancelMailOfDeletedRequests(deliveryId?: string): Promise<number> {
  const { count } = await db.delivery.updateMany({
    where: { ...(deliveryId ? { id: deliveryId } : {}), state: "pending", request: { deletedAt: { not: null } } },
    data: { state: "failed", lastError: DELETED_REQUEST_ERROR },
  });
  return count;
}

/**
 * Sends every message that is due, up to `limit`; the worker calls this every few seconds
 * (a tick of 500 lets a batch of 1,000 letters go in a few ticks, not one 50 every 5 s).
 * `concurrency` lanes each claim one message, send it over the pooled SMTP connections,
 * record it, and take the next: the connections stay busy while others record, and a killed
 * worker leaves at most `concurrency` messages unconfirmed (only what is being sent is claimed).
 */
export async function processOutbox(limit = 500, options: { concurrency?: number; signal?: AbortSignal } = {}): Promise<number> {
  await markExpiredClaimsUnconfirmed();
  await cancelMailOfDeletedRequests();
  const concurrency = Math.max(1, Math.min(options.concurrency ?? OUTBOX_CONCURRENCY, limit));
  let taken = 0;
  let sent = 0;
  const lane = async () => {
    // Once the worker is stopping, no lane claims another message; what is claimed is finished.
    while (taken < limit && !options.signal?.aborted) {
      taken++;
      const row = await claimNext();
      if (!row) return;
      const outcome = await attempt(row).catch((error: Error) => {
        // The row stays "sending" and becomes unconfirmed after its lease; the others go on.
        console.error(`[outbox] ${row.id}: ${error.message}`);
        return "skipped" as const;
      });
      if (outcome === "sent") sent++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return sent;
}

/**
 * A person found an unconfirmed message in the sent mail: it is recorded as sent at `sentAt`
 * (within the caller's transaction) and reported to its purpose's hook like any delivery.
 * False when it was no longer unconfirmed.
 */
export async function confirmUnconfirmedSent(deliveryId: string, sentAt: Date, tx: Prisma.TransactionClient): Promise<boolean> {
  const changed = await tx.delivery.updateMany({ where: { id: deliveryId, state: "unconfirmed" }, data: { state: "sent", sentAt, lastError: null } });
  if (changed.count === 0) return false;
  const row = await tx.delivery.findUniqueOrThrow({ where: { id: deliveryId }, select: { id: true, messageId: true, dedupeKey: true, workspaceId: true, requestId: true, toAddress: true, subject: true, text: true } });
  await reportDelivered([{ ...deliveredFields(row), sentAt, ...splitFrom(env().MAIL_FROM) }], tx);
  return true;
}
