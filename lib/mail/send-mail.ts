import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { now } from "@/lib/time";
import { currentTransportName, PermanentMailError, sendOverSmtp } from "@/lib/mail/transport";

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
// A claim older than this is assumed to belong to a worker that died. The message may
// then go twice, with the same Message-ID, which receiving servers use to drop the copy.
export const CLAIM_LEASE_MINUTES = 10;
const REDACTED = "[Removed after sending: this email contained a single-use link.]";

/**
 * Puts a message in the outbox (inside the caller's transaction when `client` is one).
 * With a dedupeKey, a second call returns the first message's id and queues nothing;
 * two concurrent calls make one fail on the unique index, which rolls its transaction back. The row, with its stable Message-ID, exists before any
 * attempt to send, so an SMTP failure or a crash never loses it.
 */
export async function queueMail(input: Mail, client: Pick<Prisma.TransactionClient, "delivery"> = db): Promise<string> {
  const mail = mailSchema.parse(input);
  const domain = new URL(env().NEXTAUTH_URL).hostname || "localhost";
  if (mail.dedupeKey) {
    // The unique index decides; this read only spares the common case an exception.
    const existing = await client.delivery.findUnique({ where: { dedupeKey: mail.dedupeKey }, select: { id: true } });
    if (existing) return existing.id;
  }
  const delivery = await client.delivery.create({
    data: {
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
      nextAttempt: now(),
      createdAt: now(),
      redactAfterSend: mail.redactAfterSend ?? false,
    },
    select: { id: true },
  });
  return delivery.id;
}

/**
 * Sends one queued message if it is still pending. The row is claimed with a
 * conditional update, so two workers never send the same message.
 */
export async function deliver(deliveryId: string): Promise<"sent" | "retry" | "failed" | "skipped"> {
  const claimedAt = now();
  const claimed = await db.delivery.updateMany({
    where: { id: deliveryId, state: "pending", nextAttempt: { lte: claimedAt } },
    data: { state: "sending", claimedAt, attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return "skipped";
  const delivery = await db.delivery.findUniqueOrThrow({ where: { id: deliveryId } });
  let failure: unknown = null;
  try {
    if (delivery.transport === "smtp") {
      await sendOverSmtp({
        to: delivery.toAddress,
        from: env().MAIL_FROM,
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
    // Outside the try: a database error here must not make a sent message look unsent.
    const redact = delivery.redactAfterSend && delivery.transport === "smtp";
    await db.delivery.update({
      where: { id: deliveryId },
      data: { state: "sent", sentAt: now(), lastError: null, ...(redact ? { text: REDACTED, html: null } : {}) },
    });
    return "sent";
  }
  const message = (failure as Error).message.slice(0, 1000);
  const permanent = failure instanceof PermanentMailError || delivery.attempts >= MAX_ATTEMPTS;
  const wait = BACKOFF_MINUTES[Math.min(delivery.attempts - 1, BACKOFF_MINUTES.length - 1)] ?? 180;
  await db.delivery.update({
    where: { id: deliveryId },
    data: permanent
      ? { state: "failed", lastError: message }
      : { state: "pending", lastError: message, nextAttempt: new Date(now().getTime() + wait * 60_000) },
  });
  return permanent ? "failed" : "retry";
}

/** Sends every message that is due; the in-process worker calls this every few seconds. */
export async function processOutbox(limit = 50): Promise<number> {
  await db.delivery.updateMany({
    where: { state: "sending", claimedAt: { lt: new Date(now().getTime() - CLAIM_LEASE_MINUTES * 60_000) } },
    data: { state: "pending" },
  });
  const due = await db.delivery.findMany({
    where: { state: "pending", nextAttempt: { lte: now() } },
    orderBy: { nextAttempt: "asc" },
    take: limit,
    select: { id: true },
  });
  let sent = 0;
  for (const { id } of due) if ((await deliver(id)) === "sent") sent++;
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
