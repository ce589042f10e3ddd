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
    const sent = await processOutbox(concurrency, { concurrency });
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
