// Benchmark: the labelled corpus (tests/fixtures/inbound) through the whole reply pipeline, scored
// against its labels; then 10,000 generated replies sent by a pooled nodemailer client to the
// inbound SMTP listener, each parsed, matched and stored in PostgreSQL before the listener says
// 250. Uses a fresh database (DATABASE_URL's local server, or the embedded PostgreSQL), dropped at
// the end. The last line of output is one JSON object. Run: npm run -s bench:inbound
// (BENCH_MESSAGES=10000 by default).
import crypto from "node:crypto";
import nodemailer from "nodemailer";
import { createTestDatabase } from "../tests/support/test-database";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const CONNECTIONS = 8;

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

const BODIES = [
  "Thank you for your request, which we received on 2 August 2021. You should receive a response by 31 August 2021.",
  "We need to extend the deadline to consider the public interest test for section 43(2); we now aim to respond by 28 September 2021.",
  "Please find below our response.\nQ1: The Trust did not apply.\nQ2: No.\nQ3: Not at present.",
  "The Trust does not hold the information you have requested.",
  "Before we can process your request, could you please clarify which financial years you mean?",
];

async function main() {
  const database = await createTestDatabase("bench_inbound");
  // lib/env reads the environment once, on first use: set it before importing lib/.
  Object.assign(process.env, { DATABASE_URL: database.url, APP_ENV: "test", NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-0000" });
  delete process.env.FOI_NOW;
  delete process.env.SMTP_URL;
  const { db } = await import("../lib/db/client");
  const { startInboundSmtp } = await import("../lib/replies/smtp-listener");
  const { inboundAddress } = await import("../lib/replies/inbound-address");
  const { buildCorpusCampaign, runCorpus } = await import("../tests/support/inbound-corpus");

  let listener: { port: number; close: () => Promise<void> } | null = null;
  try {
    // 1. The corpus.
    const campaign = await buildCorpusCampaign();
    const outcomes = await runCorpus(campaign);
    const unmatched = outcomes.filter((o) => o.match === "unmatched");
    for (const o of outcomes.filter((x) => x.match !== "correct" || !x.eventCorrect)) {
      console.log(`not as labelled: ${o.name}: filed on ${o.filedOn ?? "none"} (label ${o.label.request ?? "none"}); suggested ${o.suggestion?.kind ?? "nothing"} (label ${o.label.event?.kind ?? "nothing"})`);
    }

    // 2. Ingestion over SMTP into PostgreSQL.
    const errors: string[] = [];
    listener = await startInboundSmtp(0, "127.0.0.1", { onError: (e) => errors.push(e.message) });
    const transport = nodemailer.createTransport({ pool: true, maxConnections: CONNECTIONS, maxMessages: Infinity, host: "127.0.0.1", port: listener.port, secure: false, ignoreTLS: true });
    const keys = Object.keys(campaign.refs);
    const to = inboundAddress(campaign.slug);
    const before = await db.message.count({ where: { workspaceId: campaign.workspaceId } });
    const start = process.hrtime.bigint();
    let next = 0;
    const lane = async () => {
      while (next < MESSAGES) {
        const i = next++;
        const key = keys[i % keys.length]!;
        await transport.sendMail({
          from: `FOI Team <foi@${key}.nhs.example>`,
          to,
          subject: `RE: Band 7 Lived Experience posts [FOI #${campaign.refs[key]}]`,
          messageId: `<bench-${i}-${crypto.randomUUID()}@${key}.nhs.example>`,
          date: new Date(Date.UTC(2021, 7, 3 + (i % 50), 10, 0, 0)),
          text: `Dear Requester,\n\n${BODIES[i % BODIES.length]}\n\nFOI Team`,
        });
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS * 2 }, lane));
    const elapsed = seconds(start);
    transport.close();
    const stored = (await db.message.count({ where: { workspaceId: campaign.workspaceId } })) - before;
    if (stored !== MESSAGES || errors.length) throw new Error(`stored ${stored} of ${MESSAGES}; errors: ${errors.slice(0, 3).join("; ")}`);
    console.log(`ingested ${MESSAGES} messages over SMTP in ${round(elapsed, 2)} s, each parsed, matched, suggested and stored before its 250`);
    console.log(`unmatched corpus messages: ${unmatched.map((o) => `${o.name} (label ${o.label.request ?? "none"})`).join(", ") || "none"}`);
    console.log(
      JSON.stringify({
        bench: "inbound",
        corpus: outcomes.length,
        matchedCorrectly: outcomes.filter((o) => o.match === "correct").length,
        matchedWrongly: outcomes.filter((o) => o.match === "wrong").length,
        unmatched: outcomes.filter((o) => o.match === "unmatched").length,
        eventSuggestedCorrectly: outcomes.filter((o) => o.eventCorrect).length,
        messages: MESSAGES,
        perSec: round(MESSAGES / elapsed),
      }),
    );
  } finally {
    await listener?.close();
    await db.$disconnect();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
