import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { now } from "@/lib/time";
import { currentTransportName, PermanentMailError, sendOverSmtp } from "@/lib/mail/transport";
import { recordDelivered } from "@/lib/batches/record-sent";

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
});
export type Mail = z.infer<typeof mailSchema>;

// Retry schedule for temporary failures: 1, 5, 15, 60 minutes, then 3 h, up to 8 attempts.
const BACKOFF_MINUTES = [1, 5, 15, 60, 180, 180, 180];
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;
// A claim older than this belongs to a worker that died while sending. The SMTP server may
// or may not have accepted the message, so it is never resent automatically: it becomes
// "unconfirmed" and a person decides (lib/batches/send-batch.ts resolveUnconfirmed).
export const CLAIM_LEASE_MINUTES = 10;
/** Messages sent at once by one worker: also the most a killed worker can leave unconfirmed. */
export const OUTBOX_CONCURRENCY = 5;
export const UNCONFIRMED_ERROR = "We could not confirm this letter was sent: the app stopped while sending it.";
const REDACTED = "[Removed after sending: this email contained a single-use link.]";

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
      ${mails.map(() => newDeliveryId())}::text[], ${column((m) => m.workspaceId ?? null)}::text[], ${column((m) => m.requestId ?? null)}::text[],
      ${column((m) => m.replyTo ?? null)}::text[], ${column((m) => m.dedupeKey ?? null)}::text[], ${column((m) => m.to)}::text[],
      ${column((m) => m.subject)}::text[], ${column((m) => m.text)}::text[], ${column((m) => m.html ?? null)}::text[],
      ${mails.map(() => `<${crypto.randomUUID()}@${domain}>`)}::text[], ${column((m) => m.redactAfterSend ?? false)}::boolean[]
    ) WITH ORDINALITY AS u(id, workspace_id, request_id, reply_to, dedupe_key, to_address, subject, text, html, message_id, redact, ord)
    ORDER BY u.ord
    ON CONFLICT DO NOTHING`;
}

/** Ids for rows written in bulk (where Prisma's cuid default does not apply). */
function newDeliveryId(): string {
  return `d${Date.now().toString(36)}${crypto.randomBytes(10).toString("hex")}`;
}

type Outcome = "sent" | "retry" | "failed" | "skipped";
type ClaimedDelivery = Awaited<ReturnType<typeof loadClaimed>>[number];

function loadClaimed(ids: string[]) {
  return db.delivery.findMany({ where: { id: { in: ids }, state: "sending" } });
}

/**
 * Sends one queued message if it is still pending. The row is claimed with a
 * conditional update, so two workers never send the same message.
 */
export async function deliver(deliveryId: string): Promise<Outcome> {
  const claimedAt = now();
  const claimed = await db.delivery.updateMany({
    where: { id: deliveryId, state: "pending", nextAttempt: { lte: claimedAt } },
    data: { state: "sending", claimedAt, attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return "skipped";
  const [delivery] = await loadClaimed([deliveryId]);
  if (!delivery) return "skipped";
  return attempt(delivery);
}

/** One claimed row: the SMTP conversation, then the outcome recorded (never the other way round). */
async function attempt(delivery: ClaimedDelivery): Promise<Outcome> {
  let failure: unknown = null;
  const from = env().MAIL_FROM;
  try {
    if (delivery.transport === "smtp") {
      await sendOverSmtp({
        to: delivery.toAddress,
        from,
        subject: delivery.subject,
        text: delivery.text,
        html: delivery.html,
        messageId: delivery.messageId,
        replyTo: delivery.replyTo,
      });
    } else {
      // The dev mailbox is the outbox itself, shown at /dev/mailbox; the console gets a copy.
      console.log(`\n[dev mailbox] To: ${delivery.toAddress}\nSubject: ${delivery.subject}\n${delivery.text}\n`);
    }
  } catch (error) {
    failure = error;
  }
  if (!failure) {
    // Outside the try: a database error here must not make a sent message look unsent. If
    // this transaction fails, the row stays "sending" and becomes "unconfirmed" at the end of
    // its lease, for a person to check: never a second copy.
    const sentAt = now();
    const redact = delivery.redactAfterSend && delivery.transport === "smtp";
    await db.$transaction(async (tx) => {
      const marked = await tx.delivery.updateMany({
        where: { id: delivery.id, state: "sending" },
        data: { state: "sent", sentAt, lastError: null, ...(redact ? { text: REDACTED, html: null } : {}) },
      });
      // The letter's request is sent, its clock started, in the same commit as the delivery.
      if (marked.count === 1) await recordDelivered(tx, { ...delivery, sentAt, from });
    });
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

/**
 * Claims up to `count` due messages in one statement. SKIP LOCKED lets several workers claim
 * side by side without waiting for each other or taking the same row.
 */
async function claimDue(count: number): Promise<string[]> {
  const at = now();
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "Delivery" SET state = 'sending', "claimedAt" = ${at}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "Delivery"
      WHERE state = 'pending' AND "nextAttempt" <= ${at}
      ORDER BY "nextAttempt", "createdAt"
      LIMIT ${count}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  return rows.map((r) => r.id);
}

/** Claims left by a worker that died mid-send: never resent automatically (see CLAIM_LEASE_MINUTES). */
export async function markExpiredClaimsUnconfirmed(leaseMinutes = CLAIM_LEASE_MINUTES): Promise<number> {
  const expired = await db.delivery.updateMany({
    where: { state: "sending", claimedAt: { lt: new Date(now().getTime() - leaseMinutes * 60_000) } },
    data: { state: "unconfirmed", lastError: UNCONFIRMED_ERROR },
  });
  return expired.count;
}

/**
 * Sends every message that is due, up to `limit`; the worker calls this every few seconds.
 * Claims a few at a time and sends those concurrently over a pooled SMTP connection: only
 * messages actually being sent are claimed, so a killed worker leaves at most `concurrency`
 * unconfirmed.
 */
export async function processOutbox(limit = 50, options: { concurrency?: number } = {}): Promise<number> {
  await markExpiredClaimsUnconfirmed();
  const concurrency = Math.max(1, options.concurrency ?? OUTBOX_CONCURRENCY);
  let done = 0;
  let sent = 0;
  while (done < limit) {
    const ids = await claimDue(Math.min(concurrency, limit - done));
    if (ids.length === 0) break;
    done += ids.length;
    const rows = await loadClaimed(ids);
    const outcomes = await Promise.all(
      rows.map((row) =>
        attempt(row).catch((error: Error) => {
          // The row stays "sending" and becomes unconfirmed after its lease; the others go on.
          console.error(`[outbox] ${row.id}: ${error.message}`);
          return "skipped" as const;
        }),
      ),
    );
    sent += outcomes.filter((o) => o === "sent").length;
  }
  return sent;
}

/** Messages in the dev mailbox, newest first. Callers must check the app is not in production. */
export async function listDevMailbox(take = 50) {
  return db.delivery.findMany({
    where: { transport: "dev-mailbox" },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, toAddress: true, subject: true, text: true, createdAt: true, state: true },
  });
}
