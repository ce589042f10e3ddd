// A deleted request (soft delete, restorable for 30 days) must stop acting: its queued
// letter is never sent, even by a retry, and it no longer shows on a trust's page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { now } from "@/lib/time";
import { processOutbox } from "@/lib/mail/send-mail";
import { closeSmtpTransport } from "@/lib/mail/transport";
import { startBatch } from "@/lib/batches/create-batch";
import { retryFailed, sendBatch } from "@/lib/batches/send-batch";
import { BatchStateError } from "@/lib/batches/errors";
import { deleteRequest } from "@/lib/requests/delete-request";
import { getBody } from "@/lib/bodies/queries";
import { foiEmailFor, makeCampaign, startSmtpServer, type TestSmtpServer, drain } from "../support/batch-fixtures";

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  Object.assign(env(), { SMTP_URL: smtp.url });
});

afterAll(async () => {
  Object.assign(env(), { SMTP_URL: undefined, FOI_NOW: undefined });
  closeSmtpTransport();
  await smtp.close();
});


describe("a deleted request stops acting", () => {
  it("its queued letter never reaches the mail server, and says why; the others go", async () => {
    const campaign = await makeCampaign({ withEmails: true });
    const { id: batchId } = await startBatch(campaign.editor, { parentId: campaign.parentId, outcome: "did_not_apply" });
    await expect(sendBatch(campaign.editor, batchId)).resolves.toMatchObject({ created: 31, queued: 31 });
    const recipients = await db.batchRecipient.findMany({ where: { batchId }, select: { requestId: true, body: { select: { key: true } } } });
    const [gone, alsoGone] = recipients;
    // One deleted before the worker's first try; one refused for now (4xx), then deleted before its retry.
    await deleteRequest(campaign.editor, gone!.requestId!);
    const retried = foiEmailFor(alsoGone!.body.key);
    smtp.refuse = (to) => (to === retried ? { code: 451, message: "Try again later" } : null);
    await processOutbox(200);
    smtp.refuse = null;
    const waiting = await db.delivery.findFirstOrThrow({ where: { requestId: alsoGone!.requestId! }, select: { id: true, state: true } });
    expect(waiting.state).toBe("pending");
    await deleteRequest(campaign.editor, alsoGone!.requestId!);
    await db.delivery.update({ where: { id: waiting.id }, data: { nextAttempt: new Date(now().getTime() - 1000) } });
    await drain();

    // Other test files' campaigns use the same addresses: count this campaign's letters by Message-ID.
    const ours = await db.delivery.findMany({ where: { workspaceId: campaign.workspace.id }, select: { messageId: true } });
    const messageIds = new Set(ours.map((d) => d.messageId));
    const received = smtp.received.filter((m) => messageIds.has(m.messageId));
    expect(received).toHaveLength(29);
    expect(received.map((m) => m.to)).not.toContain(foiEmailFor(gone!.body.key));
    expect(received.map((m) => m.to)).not.toContain(retried);
    for (const r of [gone!, alsoGone!]) {
      const delivery = await db.delivery.findFirstOrThrow({ where: { requestId: r.requestId! }, select: { state: true, lastError: true, sentAt: true } });
      expect(delivery).toMatchObject({ state: "failed", sentAt: null });
      expect(delivery.lastError).toBe("Not sent: the request was deleted. Restore it to send this letter again.");
    }
    // "Send again" waits for the request to be restored.
    const cancelled = await db.delivery.findFirstOrThrow({ where: { requestId: gone!.requestId! }, select: { id: true } });
    await expect(retryFailed(campaign.editor, cancelled.id)).rejects.toBeInstanceOf(BatchStateError);
  });

  it("is not on a trust's page: neither in its requests nor as the source of its outcome", async () => {
    const campaign = await makeCampaign({ withEmails: true });
    const trustId = campaign.ids.get(campaign.notApplied[0]!.key)!;
    const before = await getBody(campaign.viewer, trustId);
    expect(before.outcomes.map((o) => o.request.id)).toEqual([campaign.parentId]);
    const { id: batchId } = await startBatch(campaign.editor, { parentId: campaign.parentId, outcome: "did_not_apply" });
    await sendBatch(campaign.editor, batchId);
    const own = await db.foiRequest.findFirstOrThrow({ where: { batchId, bodyId: trustId }, select: { id: true } });
    expect((await getBody(campaign.viewer, trustId)).requests.map((r) => r.id)).toEqual([own.id]);

    await deleteRequest(campaign.owner, own.id);
    await deleteRequest(campaign.owner, campaign.parentId);
    const after = await getBody(campaign.viewer, trustId);
    expect(after.requests).toEqual([]);
    expect(after.outcomes).toEqual([]);
  });
});
