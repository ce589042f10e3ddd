// The outbox worker in a child process, for the crash test (tests/integration/outbox-crash.test.ts):
// run with `tsx --conditions=react-server`, DATABASE_URL and SMTP_URL in its environment. Drains
// the outbox, printing a line per round, and exits when nothing is due; the test SIGKILLs it
// mid-batch to leave claims the way a crashed worker does.
import { db } from "@/lib/db/client";
import { processOutbox } from "@/lib/mail/send-mail";
import { closeSmtpTransport } from "@/lib/mail/transport";
import { now } from "@/lib/time";

async function main() {
  const concurrency = Number(process.env.OUTBOX_CONCURRENCY ?? "5");
  for (;;) {
    // A limit above the batch keeps every lane claiming the next letter as soon as one is done,
    // so letters are in flight at any moment the test kills it (no gap between rounds).
    const sent = await processOutbox(100, { concurrency });
    const due = await db.delivery.count({ where: { state: "pending", nextAttempt: { lte: now() } } });
    console.log(JSON.stringify({ sent, due }));
    if (due === 0) break;
  }
  closeSmtpTransport();
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
