import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { formatUkDate } from "@/lib/deadlines";
import { NHSE_REFERENCE } from "@/lib/seed/seed-database";
import { deliver, markExpiredClaimsUnconfirmed, processOutbox } from "@/lib/mail/send-mail";
import { unsafeRecomputeClock } from "@/lib/requests/unsafe-recompute-clock";
import { closeSmtpTransport } from "@/lib/mail/transport";
import { startBatch } from "@/lib/batches/create-batch";
import { removeRecipient, updateBatchDetails, updateRecipient } from "@/lib/batches/edit-batch";
import { getBatch, listBatches } from "@/lib/batches/get-batch";
import { previewLetter, renderAllLetters } from "@/lib/batches/preview";
import { markRecipientSent, resolveUnconfirmed, retryFailed, sendBatch } from "@/lib/batches/send-batch";
import { applyBulkAction, lettersAsText, planBulkAction } from "@/lib/batches/bulk-actions";
import { batchCsv } from "@/lib/batches/export";
import { BatchStateError, BatchValidationError } from "@/lib/batches/errors";
import { foiEmailFor, makeCampaign, startSmtpServer, type TestSmtpServer, drain } from "../support/batch-fixtures";

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  Object.assign(env(), { SMTP_URL: smtp.url });
});

afterEach(() => {
  Object.assign(env(), { FOI_NOW: undefined });
  smtp.refuse = null;
});

afterAll(async () => {
  Object.assign(env(), { SMTP_URL: undefined, FOI_NOW: undefined });
  closeSmtpTransport();
  await smtp.close();
});


async function expectValidation(promise: Promise<unknown>): Promise<BatchValidationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BatchValidationError);
  return error as BatchValidationError;
}

async function notAppliedBatch(options: { withEmails?: boolean; mailbox?: string | null } = { withEmails: true }) {
  const campaign = await makeCampaign(options);
  const { id } = await startBatch(campaign.editor, { parentId: campaign.parentId, outcome: "did_not_apply" });
  return { ...campaign, batchId: id };
}

const receivedFor = (workspaceEmails: string[]) => smtp.received.filter((m) => workspaceEmails.includes(m.to));

describe("starting and editing a batch", () => {
  it("the 31 that did not apply, in one click from the NHS England request, with the follow-up letter", async () => {
    const { editor, batchId, notApplied } = await notAppliedBatch();
    expect(notApplied).toHaveLength(31);
    const batch = await getBatch(editor, batchId);
    expect(batch.name).toBe("Follow-up: did not apply (31 trusts)");
    expect(batch.state).toBe("draft");
    // The request it follows up, read with the batch.
    const parent = await db.foiRequest.findUniqueOrThrow({ where: { id: (await db.batch.findUniqueOrThrow({ where: { id: batchId } })).parentId! }, select: { id: true, title: true, body: { select: { name: true } } } });
    expect(batch.parent).toMatchObject({ id: parent.id, title: parent.title, bodyName: parent.body.name });
    expect(batch.progress).toMatchObject({ total: 31, drafted: 31 });
    expect(batch.recipients.map((r) => r.bodyName).sort()).toEqual(notApplied.map((b) => b.name).sort());
    expect(batch.template).toMatch(/Knowledge and Understanding Framework \(KUF\)/);
    expect(batch.template).toMatch(/Lived Experience Professionals .* involved in, that decision/);
    expect(batch.template).toMatch(/Band 7 or above/);
    expect(batch.problems).toEqual([]);
    // Livewell Southwest CIC is outside FOIA (s3(1)); Solent merged in 2024: not blocking, but said before sending.
    expect(batch.warnings.map((w) => w.message)).toEqual([
      "Livewell Southwest CIC is not a public authority under the Freedom of Information Act, so the Act does not oblige it to answer. Edit its letter to ask for a voluntary answer; information it holds for an NHS commissioner can be asked of the commissioner (section 3(2)(b)).",
      "Solent NHS Trust merged into Hampshire and Isle of Wight Healthcare NHS Foundation Trust on Tuesday 1 October 2024: Hampshire and Isle of Wight Healthcare NHS Foundation Trust now holds its records. Consider writing to it instead.",
    ]);
    expect(batch.canEdit).toBe(true);
    expect((await listBatches(editor)).rows.map((r) => [r.id, r.recipients])).toEqual([[batchId, 31]]);
  });

  it("from a directory selection; another workspace's body or request is not found and creates nothing", async () => {
    const mine = await makeCampaign();
    const theirs = await makeCampaign();
    const { id } = await startBatch(mine.editor, { bodyIds: [mine.ids.get("oxleas")!, mine.ids.get("south-west-london")!].filter(Boolean) });
    const batch = await getBatch(mine.editor, id);
    expect(batch.recipients.length).toBeGreaterThanOrEqual(1);
    expect(batch.template).toContain("[Write your questions here]");
    await expect(startBatch(mine.editor, { bodyIds: [mine.ids.get("oxleas")!, theirs.ids.get("oxleas")!] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(startBatch(mine.editor, { parentId: theirs.parentId, outcome: "did_not_apply" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(startBatch(mine.editor, { bodyIds: [] })).rejects.toBeInstanceOf(BatchValidationError);
    await expect(startBatch(mine.viewer, { parentId: mine.parentId, outcome: "did_not_apply" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.batch.count({ where: { workspaceId: { in: [mine.workspace.id, theirs.workspace.id] } } })).toBe(1);
  });

  it("merge fields render for all 31 trusts, names with '&' and apostrophes included, and nothing is left unfilled", async () => {
    const { editor, batchId, notApplied, workspace } = await notAppliedBatch();
    Object.assign(env(), { FOI_NOW: "2021-09-06T10:00:00Z" });
    const letters = await renderAllLetters(editor, batchId);
    expect(letters).toHaveLength(31);
    const names = notApplied.map((b) => b.name);
    expect(names.some((n) => n.includes("&"))).toBe(true);
    expect(names.some((n) => n.includes("St George's"))).toBe(true);
    for (const letter of letters) {
      const body = notApplied.find((b) => b.name === letter.bodyName)!;
      expect(letter.letter.startsWith(`Dear ${body.name},\n`)).toBe(true);
      expect(letter.letter).toContain(NHSE_REFERENCE);
      expect(letter.letter).toContain("Monday 2 August 2021");
      expect(letter.letter).toContain(body.kufOutcome === "applied_withdrew" ? "Applied, then withdrew" : "Did not apply");
      expect(letter.letter).toContain(workspace.name);
      expect(letter.letter).toContain("Monday 6 September 2021");
      expect(letter.letter).not.toMatch(/\{\{|\}\}|\[no /);
      expect(letter.missing).toEqual([]);
      expect(letter.subject).toContain(body.shortName ?? body.name);
      expect(letter.to).toBe(foiEmailFor(body.key));
    }
    const stGeorges = letters.find((l) => l.bodyName.includes("St George's"))!;
    expect(stGeorges.letter).toContain("Dear South West London and St George's Mental Health NHS Trust,");
    const ampersand = letters.find((l) => l.bodyName.includes("&"))!;
    expect(ampersand.letter).toContain(`Dear ${ampersand.bodyName},`);
  });

  it("an unknown merge field is refused next to its field, and a template broken in the database is refused before anything is created", async () => {
    const { editor, batchId, workspace } = await notAppliedBatch();
    const details = { name: "Follow-up", titleTemplate: "Follow-up to {{parent.refrence}}", template: "Dear {{body.nmae}},\n\nHello", law: "foia", channel: "email" };
    const error = await expectValidation(updateBatchDetails(editor, batchId, details));
    expect(error.fieldErrors.template?.join(" ")).toMatch(/Unknown merge field \{\{body\.nmae\}\}.*did you mean \{\{body\.name\}\}/);
    expect(error.fieldErrors.titleTemplate?.join(" ")).toMatch(/did you mean \{\{parent\.reference\}\}/);
    expect((await getBatch(editor, batchId)).template).not.toContain("nmae");

    // Ugly but valid input is kept as typed (HTML stays text; Unicode survives).
    await updateBatchDetails(editor, batchId, { ...details, titleTemplate: "Suivi <script>alert(1)</script> — {{body.shortName}} 🚑", template: "Dear {{ body.name }},\n\n<b>Why?</b>\n\n{{sender.name}}" });
    const preview = await previewLetter(editor, batchId, (await getBatch(editor, batchId)).recipients[0]!.id);
    expect(preview.subject).toContain("<script>alert(1)</script> — ");
    expect(preview.letter).toContain("<b>Why?</b>");

    await db.batch.update({ where: { id: batchId }, data: { template: "Dear {{body.nmae}}" } });
    await expectValidation(sendBatch(editor, batchId));
    expect(await db.foiRequest.count({ where: { workspaceId: workspace.id, batchId } })).toBe(0);
    expect(await db.delivery.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("edits one recipient's letter and channel, removes one, and refuses other workspaces and viewers", async () => {
    const { editor, viewer, batchId } = await notAppliedBatch();
    const other = await notAppliedBatch();
    const [first, second] = (await getBatch(editor, batchId)).recipients;
    await updateRecipient(editor, batchId, first!.id, { letter: "Dear trust,\n\nA letter of its own.\r\n", channel: "post" });
    const edited = await previewLetter(editor, batchId, first!.id);
    expect(edited).toMatchObject({ edited: true, channel: "post", to: null, letter: "Dear trust,\n\nA letter of its own.\n" });
    await updateRecipient(editor, batchId, first!.id, { letter: "", channel: "" });
    expect(await previewLetter(editor, batchId, first!.id)).toMatchObject({ edited: false, channel: "email" });
    await expectValidation(updateRecipient(editor, batchId, first!.id, { channel: "carrier pigeon" }));
    await expectValidation(updateRecipient(editor, batchId, first!.id, { letter: "x".repeat(100_001) }));

    await removeRecipient(editor, batchId, second!.id);
    expect((await getBatch(editor, batchId)).progress.total).toBe(30);
    await expect(removeRecipient(editor, batchId, second!.id)).rejects.toBeInstanceOf(NotFoundError);

    // Another workspace's batch or recipient: not found; a viewer: refused.
    await expect(getBatch(editor, other.batchId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewLetter(editor, other.batchId, first!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateRecipient(editor, batchId, (await getBatch(other.editor, other.batchId)).recipients[0]!.id, { channel: "post" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(sendBatch(editor, other.batchId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateRecipient(viewer, batchId, first!.id, { channel: "post" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(sendBatch(viewer, batchId)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getBatch(viewer, batchId)).canEdit).toBe(false);
  });
});

describe("sending a batch", () => {
  it("recipients without an FOI email block email sending until fixed or switched to another channel", async () => {
    const { editor, batchId, workspace, ids } = await notAppliedBatch({ withEmails: false });
    const batch = await getBatch(editor, batchId);
    expect(batch.problems).toHaveLength(31);
    const error = await expectValidation(sendBatch(editor, batchId));
    expect(error.message).toMatch(/31 recipients have no FOI email address/);
    expect(await db.foiRequest.count({ where: { batchId } })).toBe(0);

    // Give all but two an address; send one of those via WhatDoTheyKnow and one by post.
    const [wdtk, post, ...rest] = batch.recipients;
    await db.$transaction(rest.map((r) => db.publicBody.update({ where: { id: r.bodyId }, data: { foiEmail: `foi.${r.position}@trusts.example.org` } })));
    expect((await getBatch(editor, batchId)).problems.map((p) => p.bodyName).sort()).toEqual([wdtk!.bodyName, post!.bodyName].sort());
    await updateRecipient(editor, batchId, wdtk!.id, { channel: "whatdotheyknow" });
    await updateRecipient(editor, batchId, post!.id, { channel: "post" });
    await expect(sendBatch(editor, batchId)).resolves.toEqual({ created: 31, queued: 29 });
    await expect(sendBatch(editor, batchId)).rejects.toBeInstanceOf(BatchStateError);
    await expect(updateRecipient(editor, batchId, wdtk!.id, { channel: "post" })).rejects.toBeInstanceOf(BatchStateError);
    void ids;
    void workspace;
  });

  it("is all or nothing: a failure on recipient 17 of 31 leaves no request, no email, and the batch a draft", async () => {
    const { editor, batchId, workspace } = await notAppliedBatch();
    const recipients = await db.batchRecipient.findMany({ where: { batchId }, orderBy: { position: "asc" } });
    expect(recipients).toHaveLength(31);
    // A real database failure on the 17th insert: a request already holds the reference the
    // sequence will give the 17th recipient, so its row breaks the unique index.
    const [seq] = await db.$queryRaw<Array<{ last_value: bigint; is_called: boolean }>>`SELECT last_value, is_called FROM "FoiRequest_reference_seq"`;
    const seventeenth = Number(seq!.last_value) + (seq!.is_called ? 17 : 16);
    const blocker = await db.foiRequest.create({
      data: { workspaceId: workspace.id, bodyId: recipients[0]!.bodyId, title: "Blocker", letter: "x", channel: "post", reference: seventeenth },
    });
    const error = await sendBatch(editor, batchId).then(() => null, (e: Error) => e);
    expect(error?.message).toMatch(/Unique constraint|unique/i);
    expect(await db.foiRequest.count({ where: { workspaceId: workspace.id, batchId } })).toBe(0);
    expect(await db.foiRequest.count({ where: { workspaceId: workspace.id } })).toBe(2); // the parent and the blocker
    expect(await db.delivery.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db.batchRecipient.count({ where: { batchId, requestId: { not: null } } })).toBe(0);
    expect((await db.batch.findUniqueOrThrow({ where: { id: batchId } })).state).toBe("draft");
    expect(await db.auditLog.count({ where: { workspaceId: workspace.id, action: "batch.send" } })).toBe(0);

    // Without the blocker, the same batch sends.
    await db.foiRequest.delete({ where: { id: blocker.id } });
    await expect(sendBatch(editor, batchId)).resolves.toEqual({ created: 31, queued: 31 });
  });

  it("delivers all 31 over real SMTP exactly once, with Reply-To, the [FOI #n] token, and each request's own clock", async () => {
    const { editor, batchId, workspace, parentId } = await notAppliedBatch({ withEmails: true, mailbox: "campaign@lxp-revolution.example" });
    Object.assign(env(), { FOI_NOW: "2021-09-06T10:00:00Z" });
    await expect(sendBatch(editor, batchId)).resolves.toEqual({ created: 31, queued: 31 });
    const queuedView = await getBatch(editor, batchId);
    expect(queuedView.progress).toMatchObject({ queued: 31, sent: 0 });
    const requests = await db.foiRequest.findMany({ where: { batchId }, include: { body: true } });
    expect(requests.every((r) => r.status === "draft" && r.parentId === parentId && r.workspaceId === workspace.id)).toBe(true);

    await drain();
    const emails = requests.map((r) => r.body.foiEmail!);
    const got = receivedFor(emails);
    expect(got).toHaveLength(31);
    const deliveries = await db.delivery.findMany({ where: { workspaceId: workspace.id } });
    expect(deliveries.every((d) => d.state === "sent")).toBe(true);
    for (const d of deliveries) expect(smtp.countsByMessageId().get(d.messageId)).toBe(1);
    for (const r of requests) {
      const mail = got.find((m) => m.to === r.body.foiEmail)!;
      expect(mail.subject).toBe(`${r.title} [FOI #${r.reference}]`);
      expect(mail.replyTo).toBe("campaign@lxp-revolution.example");
      expect(mail.text.trim()).toBe(r.letter.trim());
    }
    // Each request is sent, with its sent event and outgoing message, and its clock runs from its own receipt.
    const sent = await db.foiRequest.findMany({ where: { batchId }, include: { events: true, messages: true } });
    for (const r of sent) {
      expect(r.status).toBe("awaiting_response");
      expect(r.events.map((e) => e.kind)).toEqual(["sent"]);
      expect(r.messages).toHaveLength(1);
      expect(r.messages[0]).toMatchObject({ direction: "outgoing", toAddress: r.messages[0]!.toAddress });
      expect(r.events[0]!.messageId).toBe(r.messages[0]!.id);
      expect(r.receivedOn?.toISOString().slice(0, 10)).toBe("2021-09-06");
      expect(r.dueOn?.toISOString().slice(0, 10)).toBe("2021-10-04");
    }
    // The outbox's clock is the one lib/requests computes: recomputing changes nothing.
    const clockColumns = { receivedOn: true, dueOn: true, veryOverdueOn: true, reviewDueOn: true, reviewRequestedOn: true, reviewVeryOverdueOn: true, waitingSince: true, answeredOn: true, clockProjected: true } as const;
    const stored = await db.foiRequest.findMany({ where: { batchId }, orderBy: { id: "asc" }, select: clockColumns });
    for (const r of sent) await unsafeRecomputeClock(r.id);
    expect(await db.foiRequest.findMany({ where: { batchId }, orderBy: { id: "asc" }, select: clockColumns })).toEqual(stored);
    const view = await getBatch(editor, batchId);
    expect(view.progress).toMatchObject({ total: 31, sent: 31, queued: 0, failed: 0 });
    expect(view.recipients[0]).toMatchObject({ dueLabel: formatUkDate("2021-10-04"), workingDaysLeft: 20, dueText: "Due Monday 4 October 2021: 20 working days left" });
    // Nothing goes twice: running the outbox again sends nothing.
    await processOutbox();
    expect(receivedFor(emails)).toHaveLength(31);
  });

  it("the sender's own address is the Reply-To when the workspace has no mailbox", async () => {
    const { editor, batchId } = await notAppliedBatch({ withEmails: true, mailbox: null });
    await sendBatch(editor, batchId);
    const deliveries = await db.delivery.findMany({ where: { requestId: { in: (await db.foiRequest.findMany({ where: { batchId }, select: { id: true } })).map((r) => r.id) } } });
    expect(new Set(deliveries.map((d) => d.replyTo))).toEqual(new Set([editor.email]));
  });

  it("a 4xx is retried later and delivered once; a 5xx fails with the reason shown and the others go", async () => {
    const { editor, batchId, workspace, notApplied } = await notAppliedBatch();
    const busy = foiEmailFor(notApplied[0]!.key);
    const gone = foiEmailFor(notApplied[1]!.key);
    smtp.refuse = (to) => (to === busy ? { code: 451, message: "4.7.1 Try again later" } : to === gone ? { code: 550, message: "5.1.1 No such mailbox here" } : null);
    await sendBatch(editor, batchId);
    await processOutbox(200);
    const busyRow = await db.delivery.findFirstOrThrow({ where: { workspaceId: workspace.id, toAddress: busy } });
    expect(busyRow).toMatchObject({ state: "pending", attempts: 1 });
    expect(busyRow.lastError).toMatch(/Try again later/);
    const goneRow = await db.delivery.findFirstOrThrow({ where: { workspaceId: workspace.id, toAddress: gone } });
    expect(goneRow.state).toBe("failed");
    expect(goneRow.lastError).toMatch(/No such mailbox/);
    expect(await db.delivery.count({ where: { workspaceId: workspace.id, state: "sent" } })).toBe(29);

    const view = await getBatch(editor, batchId, { status: "failed" });
    expect(view.progress).toMatchObject({ sent: 29, queued: 1, failed: 1 });
    expect(view.recipients).toHaveLength(1);
    expect(view.recipients[0]!.delivery).toMatchObject({ state: "failed" });
    expect(view.recipients[0]!.delivery!.lastError).toMatch(/No such mailbox/);
    expect(view.needsAttention).toBe(1);

    // The server accepts now; the retry time comes.
    smtp.refuse = null;
    await db.delivery.update({ where: { id: busyRow.id }, data: { nextAttempt: new Date(Date.now() - 1000) } });
    await processOutbox(200);
    expect(smtp.countsByMessageId().get(busyRow.messageId)).toBe(1);
    expect(smtp.countsByMessageId().get(goneRow.messageId)).toBeUndefined();

    // The address is corrected in the directory, and the failed letter is tried again.
    const goneBody = await db.publicBody.findFirstOrThrow({ where: { workspaceId: workspace.id, foiEmail: gone } });
    await db.publicBody.update({ where: { id: goneBody.id }, data: { foiEmail: "foi.fixed@trusts.example.org" } });
    await retryFailed(editor, goneRow.id);
    await processOutbox(200);
    expect(smtp.received.filter((m) => m.messageId === goneRow.messageId).map((m) => m.to)).toEqual(["foi.fixed@trusts.example.org"]);
    expect((await getBatch(editor, batchId)).progress).toMatchObject({ sent: 31, failed: 0, queued: 0 });
    await expect(retryFailed(editor, goneRow.id)).rejects.toBeInstanceOf(BatchStateError);
  });

  it("an unconfirmed letter is never resent by itself: Mark as sent records it, Send again reuses its Message-ID", async () => {
    const { editor, viewer, batchId, workspace } = await notAppliedBatch();
    const other = await makeCampaign();
    await sendBatch(editor, batchId);
    const [a, b] = await db.delivery.findMany({ where: { workspaceId: workspace.id }, take: 2, orderBy: { toAddress: "asc" } });
    // Two claims left by a worker that died mid-send, eleven minutes ago.
    await db.delivery.updateMany({ where: { id: { in: [a!.id, b!.id] } }, data: { state: "sending", claimedAt: new Date(Date.now() - 11 * 60_000), attempts: 1 } });
    await drain();
    for (const d of [a!, b!]) {
      const row = await db.delivery.findUniqueOrThrow({ where: { id: d.id } });
      expect(row.state).toBe("unconfirmed");
      expect(row.lastError).toMatch(/could not confirm/);
      expect(smtp.countsByMessageId().get(d.messageId)).toBeUndefined();
    }
    expect((await getBatch(editor, batchId)).progress).toMatchObject({ sent: 29, failed: 2 });

    await expect(resolveUnconfirmed(viewer, a!.id, "mark_sent")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resolveUnconfirmed(other.editor, a!.id, "mark_sent")).rejects.toBeInstanceOf(NotFoundError);
    await resolveUnconfirmed(editor, a!.id, "mark_sent");
    const markedRequest = await db.foiRequest.findUniqueOrThrow({ where: { id: a!.requestId! }, include: { events: true } });
    expect(markedRequest.status).toBe("awaiting_response");
    expect(markedRequest.events.map((e) => e.kind)).toEqual(["sent"]);
    await resolveUnconfirmed(editor, b!.id, "send_again");
    await drain();
    expect(smtp.countsByMessageId().get(b!.messageId)).toBe(1);
    expect(smtp.countsByMessageId().get(a!.messageId)).toBeUndefined();
    expect((await getBatch(editor, batchId)).progress).toMatchObject({ sent: 31, failed: 0 });
    await expect(resolveUnconfirmed(editor, b!.id, "send_again")).rejects.toBeInstanceOf(BatchStateError);
  });

  it("a letter the server accepts after its claim expired is recorded as sent, not left a draft to be sent again", async () => {
    const { editor, batchId, workspace } = await notAppliedBatch();
    await sendBatch(editor, batchId);
    const [a] = await db.delivery.findMany({ where: { workspaceId: workspace.id }, take: 1, orderBy: { toAddress: "asc" } });
    smtp.delayMs = 1500;
    try {
      const sending = deliver(a!.id);
      await new Promise((resolve) => setTimeout(resolve, 700));
      // The lease runs out while the relay is still taking the message.
      expect(await markExpiredClaimsUnconfirmed(0)).toBe(1);
      expect((await db.delivery.findUniqueOrThrow({ where: { id: a!.id } })).state).toBe("unconfirmed");
      await expect(sending).resolves.toBe("sent");
    } finally {
      smtp.delayMs = 0;
    }
    expect(await db.delivery.findUniqueOrThrow({ where: { id: a!.id } })).toMatchObject({ state: "sent", lastError: null });
    const request = await db.foiRequest.findUniqueOrThrow({ where: { id: a!.requestId! }, include: { events: true, messages: true } });
    expect(request.status).toBe("awaiting_response");
    expect(request.events.map((e) => e.kind)).toEqual(["sent"]);
    expect(request.messages).toHaveLength(1);
    expect(smtp.countsByMessageId().get(a!.messageId)).toBe(1);
  });

  it("sends the letter as saved while the send waited for the lock, not the version read before", async () => {
    const { editor, batchId } = await notAppliedBatch();
    const before = await db.batch.findUniqueOrThrow({ where: { id: batchId }, select: { template: true, titleTemplate: true } });
    let sending: Promise<unknown> | undefined;
    // An edit holds the batch's lock (as updateBatchDetails does) while the send starts.
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Batch" WHERE id = ${batchId} FOR UPDATE`;
      sending = sendBatch(editor, batchId).then(
        (r) => r,
        (e: unknown) => e,
      );
      await new Promise((resolve) => setTimeout(resolve, 700));
      await tx.batch.update({ where: { id: batchId }, data: { template: `${before.template}\n\nLate edit: please include 2020.`, titleTemplate: `${before.titleTemplate} (late edit)` } });
    });
    await expect(sending).resolves.toEqual({ created: 31, queued: 31 });
    const requests = await db.foiRequest.findMany({ where: { batchId }, select: { title: true, letter: true } });
    expect(requests).toHaveLength(31);
    for (const r of requests) {
      expect(r.letter).toContain("Late edit: please include 2020.");
      expect(r.title).toMatch(/\(late edit\)$/);
    }
  });

  it("WhatDoTheyKnow and postal letters are drafts until marked sent, with the request's address and the date", async () => {
    const { editor, batchId } = await notAppliedBatch({ withEmails: false });
    await updateBatchDetails(editor, batchId, { ...(await detailsOf(editor, batchId)), channel: "whatdotheyknow" });
    const [first, second] = (await getBatch(editor, batchId)).recipients;
    await updateRecipient(editor, batchId, second!.id, { channel: "post" });
    expect(first!.wdtkUrl).toBe(`https://www.whatdotheyknow.com/select_authority?query=${encodeURIComponent(first!.bodyName)}`);
    await expect(markRecipientSent(editor, batchId, first!.id, { sentOn: "2021-09-06" })).rejects.toBeInstanceOf(BatchStateError);
    Object.assign(env(), { FOI_NOW: "2021-09-06T10:00:00Z" });
    await expect(sendBatch(editor, batchId)).resolves.toEqual({ created: 31, queued: 0 });
    expect((await getBatch(editor, batchId)).progress).toMatchObject({ drafted: 31 });

    let error = await expectValidation(markRecipientSent(editor, batchId, first!.id, { sentOn: "2021-09-06", url: "https://evil.example/request/x" }));
    expect(error.fieldErrors.url?.[0]).toMatch(/WhatDoTheyKnow/);
    error = await expectValidation(markRecipientSent(editor, batchId, first!.id, { sentOn: "2021-09-06" }));
    expect(error.fieldErrors.url).toBeDefined();
    error = await expectValidation(markRecipientSent(editor, batchId, first!.id, { sentOn: "2021-09-31", url: "https://www.whatdotheyknow.com/request/why_not" }));
    expect(error.fieldErrors.sentOn).toBeDefined();
    error = await expectValidation(markRecipientSent(editor, batchId, first!.id, { sentOn: "2021-09-07", url: "https://www.whatdotheyknow.com/request/why_not" }));
    expect(error.fieldErrors.sentOn?.[0]).toMatch(/future/);
    await markRecipientSent(editor, batchId, first!.id, { sentOn: "2021-09-06", url: "https://www.whatdotheyknow.com/request/why_not" });
    await markRecipientSent(editor, batchId, second!.id, { sentOn: "2021-09-06" });
    await expect(markRecipientSent(editor, batchId, second!.id, { sentOn: "2021-09-06" })).rejects.toBeInstanceOf(BatchStateError);
    const view = await getBatch(editor, batchId, { sort: "due" });
    expect(view.progress).toMatchObject({ drafted: 29, sent: 2 });
    const wdtk = view.recipients.find((r) => r.id === first!.id)!;
    expect(wdtk).toMatchObject({ status: "awaiting_response", externalUrl: "https://www.whatdotheyknow.com/request/why_not", dueOn: "2021-10-04", sentLabel: "Monday 6 September 2021" });
    expect(view.recipients.slice(0, 2).map((r) => r.dueOn)).toEqual(["2021-10-04", "2021-10-04"]);
  });
});

async function detailsOf(actor: { userId: string; workspaceId: string }, batchId: string) {
  const b = await getBatch(actor, batchId);
  return { name: b.name, titleTemplate: b.titleTemplate, template: b.template, law: b.law, channel: b.channel };
}

describe("acting on the whole batch", () => {
  it("chasers go only to the overdue ones, each with its own dates, once a day, shown before they go", async () => {
    const { editor, viewer, batchId, workspace } = await notAppliedBatch();
    Object.assign(env(), { FOI_NOW: "2021-09-06T10:00:00Z" });
    await sendBatch(editor, batchId);
    await drain();
    const requests = await db.foiRequest.findMany({ where: { batchId }, include: { body: true }, orderBy: { reference: "asc" } });
    const allIds = requests.map((r) => r.id);

    // Not overdue yet: the plan says so, and nothing is queued.
    let plan = await planBulkAction(viewer, batchId, { action: "chaser", requestIds: allIds });
    expect(plan.items).toHaveLength(0);
    expect(new Set(plan.skipped.map((s) => s.reason))).toEqual(new Set(["Not overdue."]));

    // One trust answers on time; then the deadline passes for the rest.
    Object.assign(env(), { FOI_NOW: "2021-09-20T10:00:00Z" });
    await expect(applyBulkAction(editor, batchId, { action: "status", kind: "response_successful", on: "2021-09-20", requestIds: [allIds[0]!] })).resolves.toEqual({ done: 1 });
    Object.assign(env(), { FOI_NOW: "2021-10-07T10:00:00Z" });
    await expect(applyBulkAction(viewer, batchId, { action: "chaser", requestIds: allIds })).rejects.toBeInstanceOf(ForbiddenError);
    plan = await planBulkAction(editor, batchId, { action: "chaser", requestIds: allIds });
    expect(plan.items).toHaveLength(30);
    expect(plan.skipped).toEqual([{ requestId: allIds[0], bodyName: requests[0]!.body.name, reason: "Not overdue." }]);
    expect(plan.items[0]!.willDo).toMatch(/^Email a chaser to foi\..*: overdue by 3 working days \(was due Monday 4 October 2021\)\.$/);
    expect((await getBatch(editor, batchId)).progress).toMatchObject({ overdue: 30, answered: 1 });

    await expect(applyBulkAction(editor, batchId, { action: "chaser", requestIds: allIds })).resolves.toEqual({ done: 30 });
    await expect(applyBulkAction(editor, batchId, { action: "chaser", requestIds: allIds })).resolves.toEqual({ done: 0 });
    plan = await planBulkAction(editor, batchId, { action: "chaser", requestIds: allIds });
    expect(plan.items).toHaveLength(0);
    expect(plan.skipped.filter((s) => s.reason === "A chaser already went today.")).toHaveLength(30);
    const chasers = await db.delivery.findMany({ where: { workspaceId: workspace.id, dedupeKey: { startsWith: "chaser:" } } });
    expect(chasers).toHaveLength(30);

    const before = smtp.received.length;
    await drain();
    expect(smtp.received.length - before).toBe(30);
    for (const chaser of chasers) {
      const request = requests.find((r) => r.id === chaser.requestId)!;
      const mail = smtp.received.find((m) => m.messageId === chaser.messageId)!;
      expect(mail.subject).toBe(`Overdue: ${request.title} [FOI #${request.reference}]`);
      expect(mail.text).toContain(request.body.name);
      expect(mail.text).toContain("Monday 4 October 2021");
      const events = await db.requestEvent.findMany({ where: { requestId: request.id }, orderBy: { occurredAt: "asc" } });
      expect(events.map((e) => e.kind)).toEqual(["sent", "note"]);
      expect(events[1]!.note).toMatch(/^Chaser sent by email/);
    }
    // Another batch's request in the selection: not found, nothing done.
    const other = await notAppliedBatch();
    await sendBatch(other.editor, other.batchId);
    const theirs = await db.foiRequest.findFirstOrThrow({ where: { batchId: other.batchId } });
    await expect(planBulkAction(editor, batchId, { action: "note", note: "x", requestIds: [allIds[1]!, theirs.id] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(applyBulkAction(editor, batchId, { action: "note", note: "x", requestIds: [allIds[1]!, theirs.id] })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.requestEvent.count({ where: { requestId: allIds[1]!, kind: "note", note: "x" } })).toBe(0);
  });

  it("records a status on many at once (refusing impossible steps per request), adds notes, and downloads the letters", async () => {
    const { editor, batchId } = await notAppliedBatch();
    Object.assign(env(), { FOI_NOW: "2021-09-06T10:00:00Z" });
    await sendBatch(editor, batchId);
    const ids = (await db.foiRequest.findMany({ where: { batchId }, select: { id: true } })).map((r) => r.id);
    // Only 3 delivered: the rest are still drafts.
    await processOutbox(3, { concurrency: 3 });
    Object.assign(env(), { FOI_NOW: "2021-09-08T10:00:00Z" });
    const plan = await planBulkAction(editor, batchId, { action: "status", kind: "acknowledged", on: "2021-09-07", requestIds: ids });
    expect(plan.items).toHaveLength(3);
    expect(plan.items[0]!.willDo).toBe('Record "Acknowledged" on Tuesday 7 September 2021.');
    expect(plan.skipped).toHaveLength(28);
    expect(plan.skipped[0]!.reason).toBe("Not sent yet.");
    expect((await planBulkAction(editor, batchId, { action: "status", kind: "acknowledged", on: "2021-09-09", requestIds: ids })).items).toHaveLength(0);
    await expectValidation(planBulkAction(editor, batchId, { action: "status", kind: "ico_decision", on: "2021-09-07", requestIds: ids }));
    await expectValidation(planBulkAction(editor, batchId, { action: "status", kind: "acknowledged", on: "2021-02-30", requestIds: ids }));
    await expectValidation(planBulkAction(editor, batchId, { action: "note", note: "  ", requestIds: ids }));
    await expectValidation(planBulkAction(editor, batchId, { action: "chaser", requestIds: [] }));
    await expect(applyBulkAction(editor, batchId, { action: "status", kind: "acknowledged", on: "2021-09-07", requestIds: ids })).resolves.toEqual({ done: 3 });
    expect((await getBatch(editor, batchId)).progress).toMatchObject({ acknowledged: 3, queued: 28 });

    await expect(applyBulkAction(editor, batchId, { action: "note", note: "Called the FOI team <b>today</b>", requestIds: ids.slice(0, 5) })).resolves.toEqual({ done: 5 });
    expect(await db.requestEvent.count({ where: { requestId: { in: ids }, kind: "note", note: "Called the FOI team <b>today</b>" } })).toBe(5);

    const letters = await lettersAsText(editor, batchId, ids.slice(0, 2));
    expect(letters.text.split("\f")).toHaveLength(2);
    expect(letters.text).toContain("Subject: ");
    expect(letters.filename).toBe("letters-2021-09-08.txt");
  });

  it("the batches list counts progress in every bucket exactly as each batch's own page does", async () => {
    const { editor, batchId, workspace, parentId } = await notAppliedBatch();
    const draft = await startBatch(editor, { parentId, outcome: "did_not_apply" });
    Object.assign(env(), { FOI_NOW: "2021-09-06T10:00:00Z" });
    await sendBatch(editor, batchId);
    await drain();
    const requests = await db.foiRequest.findMany({ where: { batchId }, orderBy: { reference: "asc" } });
    const [failed, unconfirmed, acknowledged, overdue, answered, deleted, queued] = requests;
    await db.delivery.updateMany({ where: { requestId: failed!.id }, data: { state: "failed" } });
    await db.delivery.updateMany({ where: { requestId: unconfirmed!.id }, data: { state: "unconfirmed" } });
    await db.delivery.updateMany({ where: { requestId: queued!.id }, data: { state: "pending" } });
    await db.foiRequest.updateMany({ where: { id: { in: [failed!.id, unconfirmed!.id, queued!.id] } }, data: { status: "draft" } });
    await db.requestEvent.create({ data: { workspaceId: workspace.id, requestId: acknowledged!.id, kind: "acknowledged", occurredAt: new Date("2021-09-07T10:00:00Z"), exemptions: [] } });
    await db.foiRequest.update({ where: { id: overdue!.id }, data: { dueOn: new Date("2021-09-10T00:00:00Z") } });
    await db.foiRequest.update({ where: { id: answered!.id }, data: { status: "refused" } });
    await db.foiRequest.update({ where: { id: deleted!.id }, data: { deletedAt: new Date() } });
    Object.assign(env(), { FOI_NOW: "2021-09-20T10:00:00Z" });

    const list = await listBatches(editor);
    expect(list.rows.map((r) => r.id).sort()).toEqual([batchId, draft.id].sort());
    for (const row of list.rows) expect(row.progress).toEqual((await getBatch(editor, row.id)).progress);
    expect(list.rows.find((r) => r.id === batchId)!.progress).toEqual({ total: 31, failed: 2, queued: 1, acknowledged: 1, overdue: 1, answered: 1, drafted: 1, sent: 24 });
    expect(list.rows.find((r) => r.id === draft.id)!.progress).toMatchObject({ total: 31, drafted: 31 });
  });

  it("exports the recipients as CSV with formulas neutralised", async () => {
    const { editor, viewer, batchId, notApplied, ids } = await notAppliedBatch();
    await db.publicBody.update({ where: { id: ids.get(notApplied[0]!.key)! }, data: { name: '=HYPERLINK("http://evil.example","Click")' } });
    await sendBatch(editor, batchId);
    const { csv, filename } = await batchCsv(viewer, batchId);
    expect(filename).toBe("follow-up-did-not-apply-31-trusts.csv");
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(32);
    expect(lines[0]).toMatch(/^Body,FOI reference,/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(csv).toContain("South West London and St George's Mental Health NHS Trust");
    const other = await notAppliedBatch();
    await expect(batchCsv(editor, other.batchId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("sorts, filters and searches the recipients table", async () => {
    const { editor, batchId } = await notAppliedBatch();
    const byName = await getBatch(editor, batchId, { sort: "name" });
    expect(byName.recipients.map((r) => r.bodyName)).toEqual([...byName.recipients.map((r) => r.bodyName)].sort((a, b) => a.localeCompare(b, "en-GB")));
    expect((await getBatch(editor, batchId, { q: "st georges" })).recipients.map((r) => r.bodyName)).toEqual(["South West London and St George's Mental Health NHS Trust"]);
    expect((await getBatch(editor, batchId, { q: "lancashire and south cumbria" })).recipients).toHaveLength(1);
    expect((await getBatch(editor, batchId, { status: "sent" })).recipients).toHaveLength(0);
    const odd = await getBatch(editor, batchId, { sort: "<script>", status: "nonsense", page: "-4", q: "x".repeat(5000) });
    expect(odd.view).toMatchObject({ sort: "position", page: 1 });
    expect(odd.recipients).toHaveLength(31);
  });
});
