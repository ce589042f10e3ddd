import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { now } from "@/lib/time";
import { currentTransportName, PermanentMailError, sendOverSmtp } from "@/lib/mail/transport";

export const mailSchema = z.object({
  to: z.string().email(),
  subject: z.string().min(1).max(300),
  text: z.string().min(1).max(200_000),
  html: z.string().max(500_000).optional(),
  workspaceId: z.string().optional(),
});
export type Mail = z.infer<typeof mailSchema>;

// Retry schedule for temporary failures: 1, 5, 15, 60 minutes, then 3 h, up to 8 attempts.
const BACKOFF_MINUTES = [1, 5, 15, 60, 180, 180, 180];
export const MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;

/**
 * Puts a message in the outbox. The row, with its stable Message-ID, exists before any
 * attempt to send, so an SMTP failure or a crash never loses it.
 */
export async function queueMail(input: Mail): Promise<string> {
  const mail = mailSchema.parse(input);
  const domain = new URL(env().NEXTAUTH_URL).hostname || "localhost";
  const delivery = await db.delivery.create({
    data: {
      workspaceId: mail.workspaceId,
      toAddress: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${crypto.randomUUID()}@${domain}>`,
      transport: currentTransportName(),
      nextAttempt: now(),
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
  const claimed = await db.delivery.updateMany({
    where: { id: deliveryId, state: "pending" },
    data: { state: "sending", attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return "skipped";
  const delivery = await db.delivery.findUniqueOrThrow({ where: { id: deliveryId } });
  try {
    if (delivery.transport === "smtp") {
      await sendOverSmtp({
        to: delivery.toAddress,
        from: env().MAIL_FROM,
        subject: delivery.subject,
        text: delivery.text,
        html: delivery.html,
        messageId: delivery.messageId,
      });
    } else {
      // The dev mailbox is the outbox itself, shown at /dev/mailbox; the console gets a copy.
      console.log(`\n[dev mailbox] To: ${delivery.toAddress}\nSubject: ${delivery.subject}\n${delivery.text}\n`);
    }
    await db.delivery.update({ where: { id: deliveryId }, data: { state: "sent", sentAt: now(), lastError: null } });
    return "sent";
  } catch (error) {
    const message = (error as Error).message.slice(0, 1000);
    const permanent = error instanceof PermanentMailError || delivery.attempts >= MAX_ATTEMPTS;
    const wait = BACKOFF_MINUTES[Math.min(delivery.attempts - 1, BACKOFF_MINUTES.length - 1)] ?? 180;
    await db.delivery.update({
      where: { id: deliveryId },
      data: permanent
        ? { state: "failed", lastError: message }
        : { state: "pending", lastError: message, nextAttempt: new Date(now().getTime() + wait * 60_000) },
    });
    return permanent ? "failed" : "retry";
  }
}

/** Queues and immediately tries to send (sign-in links cannot wait for the next sweep). */
export async function sendMail(input: Mail): Promise<"sent" | "retry" | "failed" | "skipped"> {
  return deliver(await queueMail(input));
}

/** Sends every message that is due; the in-process worker calls this every few seconds. */
export async function processOutbox(limit = 50): Promise<number> {
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
