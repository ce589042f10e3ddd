import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { processOutbox } from "@/lib/mail/send-mail";
import { closeSmtpTransport } from "@/lib/mail/transport";
import { startBatch } from "@/lib/batches/create-batch";
import { getBatch } from "@/lib/batches/get-batch";
import { resolveUnconfirmed, sendBatch } from "@/lib/batches/send-batch";
import { makeCampaign, startSmtpServer, type TestSmtpServer, waitFor } from "../support/batch-fixtures";

// The worker killed mid-batch: the outbox runs in a child process, which is SIGKILLed while
// the (slow) SMTP server holds messages in flight, then started again. Counted per Message-ID
// at the server: nothing twice, nothing lost, nothing silently left pending.
const ROOT = path.resolve(import.meta.dirname, "../..");
const CHILD = path.join(ROOT, "tests/support/batch-outbox-child.ts");
const CONCURRENCY = 5;

let smtp: TestSmtpServer;

beforeAll(async () => {
  // Slow enough that the batch cannot finish between noticing claims in flight and the kill.
  smtp = await startSmtpServer({ delayMs: 1000 });
  Object.assign(env(), { SMTP_URL: smtp.url });
});

afterAll(async () => {
  Object.assign(env(), { SMTP_URL: undefined });
  closeSmtpTransport();
  await smtp.close();
});

function startChild(extraEnv: Record<string, string> = {}): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  let output = "";
  // node --import tsx (not the tsx CLI, which forks): SIGKILL reaches the process that sends.
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", CHILD], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "test",
      APP_ENV: "test",
      DATABASE_URL: process.env.DATABASE_URL!,
      SMTP_URL: smtp.url,
      NEXTAUTH_SECRET: "integration-tests-secret-integration-tests-secret",
      OUTBOX_CONCURRENCY: String(CONCURRENCY),
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}


describe("the worker killed mid-batch and restarted", () => {
  it("sends no Message-ID twice, loses nothing, and leaves only the in-flight letters for a person to decide", async () => {
    const { editor, parentId, workspace } = await makeCampaign({ withEmails: true });
    const { id: batchId } = await startBatch(editor, { parentId, outcome: "did_not_apply" });
    await expect(sendBatch(editor, batchId)).resolves.toEqual({ created: 31, queued: 31 });
    const deliveries = await db.delivery.findMany({ where: { workspaceId: workspace.id }, select: { id: true, messageId: true } });
    const ours = new Set(deliveries.map((d) => d.messageId));
    const receivedOurs = () => smtp.received.filter((m) => ours.has(m.messageId));

    const first = startChild();
    // Kill it once some letters have arrived and more are in flight (the server waits 1 s each).
    await waitFor(() => receivedOurs().length >= 8, 60_000, `8 messages (child said: ${first.output()})`);
    await waitFor(async () => (await db.delivery.count({ where: { workspaceId: workspace.id, state: "sending" } })) > 0, 10_000, "a claim in flight");
    first.child.kill("SIGKILL");
    await first.exited;
    // The server still accepts what was in flight: the crash window, sent but never recorded.
    await new Promise((r) => setTimeout(r, 2000));
    const inFlight = await db.delivery.count({ where: { workspaceId: workspace.id, state: "sending" } });
    expect(inFlight).toBeGreaterThan(0);
    expect(inFlight).toBeLessThanOrEqual(CONCURRENCY);
    const receivedBeforeRestart = receivedOurs().length;
    expect(receivedBeforeRestart).toBeLessThan(31);

    // Restarted after the claims' lease has run out (11 minutes later).
    const later = new Date(Date.now() + 11 * 60_000).toISOString();
    const second = startChild({ FOI_NOW: later });
    await expect(second.exited).resolves.toBe(0);

    const rows = await db.delivery.findMany({ where: { workspaceId: workspace.id }, select: { id: true, messageId: true, state: true, lastError: true, requestId: true } });
    const counts = smtp.countsByMessageId();
    // Never twice.
    for (const row of rows) expect(counts.get(row.messageId) ?? 0).toBeLessThanOrEqual(1);
    // Nothing silently pending or stuck.
    expect(rows.filter((r) => r.state === "pending" || r.state === "sending")).toEqual([]);
    const sent = rows.filter((r) => r.state === "sent");
    const unconfirmed = rows.filter((r) => r.state === "unconfirmed");
    expect(sent.length + unconfirmed.length).toBe(31);
    // Sent means received exactly once; unconfirmed is at most what was in flight, received 0 or 1 times.
    for (const row of sent) expect(counts.get(row.messageId)).toBe(1);
    expect(unconfirmed.length).toBe(inFlight);
    for (const row of unconfirmed) expect(row.lastError).toMatch(/could not confirm/);
    // Sent letters started their requests' clocks; the unconfirmed ones wait for a person.
    expect((await getBatch(editor, batchId)).progress).toMatchObject({ sent: sent.length, failed: unconfirmed.length, queued: 0 });

    // Running the outbox again (no lease trick now) resends nothing.
    await processOutbox(100);
    expect(receivedOurs().length).toBe(sent.length + unconfirmed.filter((r) => counts.get(r.messageId) === 1).length);

    // A person checks the sent mail: what the server has is marked sent, the rest sent again.
    for (const row of unconfirmed) await resolveUnconfirmed(editor, row.id, counts.get(row.messageId) === 1 ? "mark_sent" : "send_again");
    await processOutbox(100);
    const finalCounts = smtp.countsByMessageId();
    for (const row of rows) expect(finalCounts.get(row.messageId)).toBe(1);
    expect(await db.foiRequest.count({ where: { batchId, status: "awaiting_response" } })).toBe(31);
    expect(await db.requestEvent.count({ where: { request: { batchId }, kind: "sent" } })).toBe(31);
  }, 120_000);
});
