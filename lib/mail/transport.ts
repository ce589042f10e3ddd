import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { showInDevMailbox } from "@/lib/mail/dev-mailbox";

export interface OutgoingMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html?: string | null;
  messageId: string;
  replyTo?: string | null;
  inReplyTo?: string | null;
  /** Space-separated Message-IDs, oldest first. */
  references?: string | null;
}

export class PermanentMailError extends Error {}

/** "smtp" when SMTP_URL is set; otherwise the dev mailbox (never in production: lib/env refuses). */
export function currentTransportName(): "smtp" | "dev-mailbox" {
  return env().SMTP_URL ? "smtp" : "dev-mailbox";
}

/** Connections kept open to the relay: the outbox sends this many messages at once. */
export const POOL_CONNECTIONS = 5;

/**
 * The longest the outbox waits on a silent relay (connecting, greeting, or mid-conversation):
 * well under the claim lease (CLAIM_LEASE_MINUTES, 10 min) even with lanes queuing for the pool.
 */
export const SMTP_TIMEOUT_MS = 90_000;

let smtp: { url: string; transporter: Transporter } | undefined;

/**
 * One pooled transport per SMTP_URL: a batch of letters reuses a few open connections
 * instead of a TCP and SMTP handshake per message. (Rebuilt if SMTP_URL changes, as tests do.)
 */
function transporter(): Transporter {
  const url = env().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set.");
  if (smtp?.url !== url) {
    smtp?.transporter.close();
    const pooled = new URL(url);
    // nodemailer reads its options from the URL's query when given a URL.
    if (!pooled.searchParams.has("pool")) pooled.searchParams.set("pool", "true");
    if (!pooled.searchParams.has("maxConnections")) pooled.searchParams.set("maxConnections", String(POOL_CONNECTIONS));
    // nodemailer's default socket timeout (10 min) equals the outbox's claim lease, so an accept
    // could arrive after the claim expired. A stalled relay is given up well within the lease.
    for (const option of ["connectionTimeout", "greetingTimeout", "socketTimeout"]) {
      if (!pooled.searchParams.has(option)) pooled.searchParams.set(option, String(SMTP_TIMEOUT_MS));
    }
    smtp = { url, transporter: nodemailer.createTransport(pooled.toString()) };
  }
  return smtp.transporter;
}

/** Closes the pooled connections (scripts and tests, so the process can exit). */
export function closeSmtpTransport(): void {
  smtp?.transporter.close();
  smtp = undefined;
}

export async function sendOverSmtp(mail: OutgoingMail): Promise<void> {
  try {
    await transporter().sendMail({
      to: mail.to,
      from: mail.from,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? undefined,
      messageId: mail.messageId,
      replyTo: mail.replyTo ?? undefined,
      inReplyTo: mail.inReplyTo ?? undefined,
      references: mail.references ?? undefined,
    });
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    // 5xx: the server will never accept it; 4xx and network errors are worth retrying.
    if (code !== undefined && code >= 500) throw new PermanentMailError((error as Error).message);
    throw error;
  }
}

/** One message over the transport it was queued for: the SMTP relay, or the dev mailbox. */
export async function transmit(mail: OutgoingMail, transport: string): Promise<void> {
  if (transport === "smtp") await sendOverSmtp(mail);
  else showInDevMailbox(mail);
}
