import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { processOutbox } from "@/lib/mail/send-mail";
import { closeSmtpTransport } from "@/lib/mail/transport";
import { startBatch } from "@/lib/batches/create-batch";
import { sendBatch } from "@/lib/batches/send-batch";
import { defineJob } from "@/lib/jobs/define-job";
import { startWorker } from "@/lib/jobs/worker";
import { makeCampaign, startSmtpServer, type TestSmtpServer, waitFor } from "../support/batch-fixtures";

// Ctrl-C during a batch send: `npm run worker` (scripts/worker.ts, the real script) gets SIGINT
// while the slow SMTP server holds letters in flight. It must finish what it has claimed, claim
// nothing more, and only then stop: no letter left "unconfirmed" for a person, none sent twice.
const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKER = path.join(ROOT, "scripts/worker.ts");

let smtp: TestSmtpServer;
let dataDir: string;

beforeAll(async () => {
  smtp = await startSmtpServer({ delayMs: 1000 });
  Object.assign(env(), { SMTP_URL: smtp.url });
  dataDir = mkdtempSync(path.join(tmpdir(), "foi-worker-stop-"));
});

afterAll(async () => {
  Object.assign(env(), { SMTP_URL: undefined });
  closeSmtpTransport();
  await smtp.close();
  rmSync(dataDir, { recursive: true, force: true });
});


describe("Ctrl-C during a batch send", () => {
  it("leaves no letter unconfirmed and none sent twice", async () => {
    const { editor, parentId, workspace } = await makeCampaign({ withEmails: true });
    const { id: batchId } = await startBatch(editor, { parentId, outcome: "did_not_apply" });
    await expect(sendBatch(editor, batchId)).resolves.toEqual({ created: 31, queued: 31 });
    const deliveries = await db.delivery.findMany({ where: { workspaceId: workspace.id }, select: { messageId: true } });
    expect(deliveries).toHaveLength(31);
    const ours = new Set(deliveries.map((d) => d.messageId));
    const receivedOurs = () => smtp.received.filter((m) => ours.has(m.messageId));

    let output = "";
    // node --import tsx (not the tsx CLI, which forks): the signal reaches the process that sends.
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", WORKER], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "test",
        APP_ENV: "test",
        DATABASE_URL: process.env.DATABASE_URL!,
        SMTP_URL: smtp.url,
        NEXTAUTH_SECRET: "integration-tests-secret-integration-tests-secret",
        HOLIDAYS_REFRESH_URL: "off",
        DATA_DIR: dataDir,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    // Ctrl-C once some letters have arrived and more are being sent (the server takes 1 s each).
    await waitFor(() => receivedOurs().length >= 8, 60_000, `8 letters (worker said: ${output})`);
    await waitFor(async () => (await db.delivery.count({ where: { workspaceId: workspace.id, state: "sending" } })) > 0, 10_000, "a letter in flight");
    expect(receivedOurs().length).toBeLessThan(31);
    child.kill("SIGINT");
    const code = await exited;

    // Everything it had claimed was finished and recorded; nothing is left for a person to check.
    const rows = await db.delivery.findMany({ where: { workspaceId: workspace.id }, select: { messageId: true, state: true } });
    expect(rows.filter((r) => r.state !== "sent" && r.state !== "pending")).toEqual([]);
    const counts = smtp.countsByMessageId();
    for (const row of rows) expect(counts.get(row.messageId) ?? 0).toBe(row.state === "sent" ? 1 : 0);
    // It stopped claiming: some letters were left for the next start.
    expect(rows.filter((r) => r.state === "pending").length).toBeGreaterThan(0);
    expect(code).toBe(0);
    expect(output).toMatch(/Worker stopped/);

    // The next start sends the rest: every letter received exactly once.
    await processOutbox(100);
    const finalCounts = smtp.countsByMessageId();
    for (const messageId of ours) expect(finalCounts.get(messageId)).toBe(1);
    expect(await db.delivery.count({ where: { workspaceId: workspace.id, state: "sent" } })).toBe(31);
    expect(await db.foiRequest.count({ where: { batchId, status: "awaiting_response" } })).toBe(31);
  }, 120_000);
});

describe("the worker's stop", () => {
  it("waits for a running job, claims nothing after, and gives up after its limit", async () => {
    let runs = 0;
    let release: () => void = () => {};
    const slowJob = defineJob({
      name: "slow",
      schedule: { everyMs: 10, firstAfterMs: 0 },
      payload: z.object({}),
      scheduledPayload: () => ({}),
      lock: "idempotent",
      run: async (_payload, { signal }) => {
        runs++;
        await new Promise<void>((resolve) => (release = resolve));
        return signal.aborted ? "finished after stop was asked" : null;
      },
    });
    const lines: string[] = [];
    const worker = startWorker([slowJob], { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) });
    await waitFor(() => runs === 1, 5_000, "the first run");
    // Still running past the limit: stop gives up and says what it left.
    await expect(worker.stop({ timeoutMs: 100 })).resolves.toEqual({ finished: false, stillRunning: ["slow"] });
    // Finishing later is fine, and nothing new starts once stopping.
    release();
    await waitFor(() => lines.length === 1, 5_000, "the run's log line");
    expect(lines).toEqual(["[worker] slow: finished after stop was asked"]);
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toBe(1);
    await expect(worker.stop({ timeoutMs: 100 })).resolves.toEqual({ finished: true, stillRunning: [] });
  });
});
