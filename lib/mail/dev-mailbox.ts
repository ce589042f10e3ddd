import "server-only";
import { db } from "@/lib/db/client";

// Without SMTP_URL (never in production: lib/env refuses) mail goes nowhere: the outbox table
// itself is the mailbox, shown at /dev/mailbox, and the console gets a copy.

export function showInDevMailbox(mail: { to: string; subject: string; text: string }): void {
  console.log(`\n[dev mailbox] To: ${mail.to}\nSubject: ${mail.subject}\n${mail.text}\n`);
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
