import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export interface OutgoingMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html?: string | null;
  messageId: string;
  replyTo?: string | null;
}

export class PermanentMailError extends Error {}

/** "smtp" when SMTP_URL is set; otherwise the dev mailbox (never in production: lib/env refuses). */
export function currentTransportName(): "smtp" | "dev-mailbox" {
  return env().SMTP_URL ? "smtp" : "dev-mailbox";
}

let smtp: nodemailer.Transporter | undefined;

export async function sendOverSmtp(mail: OutgoingMail): Promise<void> {
  smtp ??= nodemailer.createTransport(env().SMTP_URL);
  try {
    await smtp.sendMail({
      to: mail.to,
      from: mail.from,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? undefined,
      messageId: mail.messageId,
      replyTo: mail.replyTo ?? undefined,
    });
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    // 5xx: the server will never accept it; 4xx and network errors are worth retrying.
    if (code !== undefined && code >= 500) throw new PermanentMailError((error as Error).message);
    throw error;
  }
}
