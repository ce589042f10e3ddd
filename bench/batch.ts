// Benchmark: creating (startBatch + sendBatch) batches of 31 and of 1,000 recipients, then
// draining the outbox into a local in-process SMTP server, against a raw nodemailer loop sending
// 1,000 messages to the same server in the same run. Uses a fresh database (DATABASE_URL's local
// server, or the embedded PostgreSQL), dropped at the end. The last line of output is one JSON
// object. Run: npm run -s bench:batch   (BENCH_RECIPIENTS=1000 by default)
import nodemailer from "nodemailer";
import { createTestDatabase } from "../tests/support/test-database";
import { startSmtpServer } from "../tests/support/batch-fixtures";

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 1_000);

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function main() {
  const smtp = await startSmtpServer({ parse: false });
  const database = await createTestDatabase("bench_batch");
  // lib/env reads the environment once, on first use: set it before importing lib/.
  Object.assign(process.env, { DATABASE_URL: database.url, SMTP_URL: smtp.url, APP_ENV: "test", NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-0000" });
  delete process.env.FOI_NOW;
  const { db } = await import("../lib/db/client");
  const { processOutbox } = await import("../lib/mail/send-mail");
  const { closeSmtpTransport, POOL_CONNECTIONS } = await import("../lib/mail/transport");
  const { startBatch } = await import("../lib/batches/create-batch");
  const { sendBatch } = await import("../lib/batches/send-batch");
  const { updateBatchDetails } = await import("../lib/batches/edit-batch");
  const { makeCampaign } = await import("../tests/support/batch-fixtures");

  try {
    const campaign = await makeCampaign({ withEmails: true, mailbox: "campaign@example.org" });
    const actor = campaign.editor;
    await db.publicBody.createMany({
      data: Array.from({ length: RECIPIENTS }, (_, i) => ({
        workspaceId: actor.workspaceId,
        key: `bench-${i}`,
        name: `Bench Trust ${i} & St George's "${i}"`,
        kind: "nhs_trust" as const,
        foiEmail: `foi.${i}@bench.example.org`,
      })),
    });
    const bodyIds = (await db.publicBody.findMany({ where: { workspaceId: actor.workspaceId, key: { startsWith: "bench-" } }, select: { id: true } })).map((b) => b.id);

    const drain = async () => {
      const start = process.hrtime.bigint();
      for (;;) {
        await processOutbox(1_000);
        if ((await db.delivery.count({ where: { state: { in: ["pending", "sending"] } } })) === 0) break;
      }
      return ms(start);
    };

    // A warm-up on the 31 (first queries, calendars, the SMTP pool), timed all the same.
    let start = process.hrtime.bigint();
    const small = await startBatch(actor, { parentId: campaign.parentId, outcome: "did_not_apply" });
    const smallSent = await sendBatch(actor, small.id);
    const create31Ms = ms(start);
    const drain31Ms = await drain();

    start = process.hrtime.bigint();
    const large = await startBatch(actor, { bodyIds });
    const startLargeMs = ms(start);
    // The user writes the questions (not timed), then sends.
    await updateBatchDetails(actor, large.id, { name: "Bench", titleTemplate: "Questions for {{body.shortName}}", template: `Dear {{body.name}},\n\nPlease tell me how many LXP posts you have.\n\n{{sender.name}}\n{{today}}`, law: "foia", channel: "email" });
    start = process.hrtime.bigint();
    const largeSent = await sendBatch(actor, large.id);
    const sendLargeMs = ms(start);
    const create1000Ms = startLargeMs + sendLargeMs;

    const before = smtp.received.length;
    const drainMs = await drain();
    const delivered = smtp.received.length - before;
    const deliver1000PerSec = delivered / (drainMs / 1000);
    const sentRequests = await db.foiRequest.count({ where: { batchId: large.id, status: "awaiting_response" } });
    const duplicates = [...smtp.countsByMessageId().values()].filter((n) => n > 1).length;

    // The same server, straight from nodemailer: a pooled transport with as many connections.
    const raw = nodemailer.createTransport({ host: "127.0.0.1", port: smtp.port, secure: false, ignoreTLS: true, pool: true, maxConnections: POOL_CONNECTIONS });
    const rawBefore = smtp.received.length;
    start = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: RECIPIENTS }, (_, i) =>
        raw.sendMail({ from: "bench@example.org", to: `raw.${i}@bench.example.org`, replyTo: "campaign@example.org", subject: `Raw ${i} [FOI #${i}]`, text: "Dear trust,\n\n".repeat(40) }),
      ),
    );
    const rawMs = ms(start);
    raw.close();
    const rawNodemailerPerSec = (smtp.received.length - rawBefore) / (rawMs / 1000);

    console.log(`batch of 31: created in ${round(create31Ms)} ms (${smallSent.created} requests, ${smallSent.queued} emails), delivered in ${round(drain31Ms)} ms`);
    console.log(`batch of ${RECIPIENTS}: startBatch ${round(startLargeMs)} ms + sendBatch ${round(sendLargeMs)} ms = ${round(create1000Ms)} ms (${largeSent.created} requests, ${largeSent.queued} emails); target < 2000 ms`);
    console.log(`outbox: ${delivered} delivered in ${round(drainMs)} ms = ${round(deliver1000PerSec)}/s; ${sentRequests} requests sent with their clocks; ${duplicates} Message-IDs received twice`);
    console.log(`raw nodemailer (pooled, ${POOL_CONNECTIONS} connections, like the outbox): ${RECIPIENTS} in ${round(rawMs)} ms = ${round(rawNodemailerPerSec)}/s; ratio outbox/raw = ${round(deliver1000PerSec / rawNodemailerPerSec, 2)}`);
    console.log(
      JSON.stringify({
        bench: "batch",
        create31Ms: round(create31Ms),
        create1000Ms: round(create1000Ms),
        deliver1000PerSec: round(deliver1000PerSec),
        rawNodemailerPerSec: round(rawNodemailerPerSec),
        ratio: round(deliver1000PerSec / rawNodemailerPerSec, 3),
      }),
    );
  } finally {
    closeSmtpTransport();
    await db.$disconnect();
    await smtp.close();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
