import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { startBatch } from "@/lib/batches/create-batch";
import { updateBatchDetails } from "@/lib/batches/edit-batch";
import { getBatch } from "@/lib/batches/get-batch";
import { sendBatch } from "@/lib/batches/send-batch";
import { checkPastedAddresses, markPastedSent } from "@/lib/batches/paste-back";
import { BatchValidationError } from "@/lib/batches/errors";
import { makeCampaign } from "../support/batch-fixtures";

const WDTK = "https://www.whatdotheyknow.com";
const address = (n: number) => `${WDTK}/request/band_7_lived_experience_posts${n === 1 ? "" : `_${n}`}`;

afterEach(() => {
  Object.assign(env(), { FOI_NOW: undefined, WDTK_BASE_URL: WDTK });
});

async function sentWdtkBatch() {
  const campaign = await makeCampaign();
  const { id: batchId } = await startBatch(campaign.editor, { parentId: campaign.parentId, outcome: "did_not_apply" });
  const b = await getBatch(campaign.editor, batchId);
  await updateBatchDetails(campaign.editor, batchId, { name: b.name, titleTemplate: b.titleTemplate, template: b.template, law: b.law, channel: "whatdotheyknow" });
  Object.assign(env(), { FOI_NOW: "2021-09-06T10:00:00Z", WDTK_BASE_URL: WDTK });
  await sendBatch(campaign.editor, batchId);
  const recipients = await db.batchRecipient.findMany({ where: { batchId }, orderBy: { position: "asc" }, select: { id: true, requestId: true, body: { select: { name: true } } } });
  return { ...campaign, batchId, recipients };
}

describe("pasting a batch's WhatDoTheyKnow addresses back", () => {
  it("31 addresses: 29 matched, one chosen by hand, one refused with the reason; all confirmed marked sent at once with their own dates", async () => {
    const { editor, batchId, recipients } = await sentWdtkBatch();
    expect(recipients).toHaveLength(31);
    // "Birmingham" alone could be either Birmingham trust: both are left out of the 29.
    const birmingham = recipients.filter((r) => r.body.name.startsWith("Birmingham"));
    expect(birmingham).toHaveLength(2);
    const others = recipients.filter((r) => !r.body.name.startsWith("Birmingham"));
    expect(others).toHaveLength(29);
    const dayOf = (i: number) => 6 + (i % 4); // sent over four days, 6 to 9 September
    const lines = [
      ...others.map((r, i) => `${r.body.name}\t${address(i + 1)}\t0${dayOf(i)}/09/2021`),
      `Birmingham ${address(30)}`,
      `NHS England ${address(31)}`,
    ];
    Object.assign(env(), { FOI_NOW: "2021-09-10T10:00:00Z" });
    const plan = await checkPastedAddresses(editor, batchId, { text: lines.join("\n"), sentOn: "2021-09-10" });

    const matched = plan.rows.filter((r) => r.state === "matched");
    const ambiguous = plan.rows.filter((r) => r.state === "ambiguous");
    const refused = plan.rows.filter((r) => r.state === "refused");
    expect([matched.length, ambiguous.length, refused.length]).toEqual([29, 1, 1]);
    for (const [i, r] of others.entries()) {
      const row = matched.find((m) => m.state === "matched" && m.url === address(i + 1));
      expect(row).toMatchObject({ recipientId: r.id, bodyName: r.body.name, sentOn: `2021-09-0${dayOf(i)}`, how: "name" });
    }
    const choice = ambiguous[0]!;
    expect(choice.state === "ambiguous" && choice.candidates.map((c) => c.recipientId).sort()).toEqual(birmingham.map((b) => b.id).sort());
    expect(choice.state === "ambiguous" && choice.sentOn).toBe("2021-09-10");
    expect(refused[0]).toMatchObject({ url: address(31), reason: "NHS England is not a recipient of this batch." });
    // Checking saves nothing.
    expect(await db.foiRequest.count({ where: { batchId, status: { not: "draft" } } })).toBe(0);

    const chosen = birmingham[1]!;
    const rows = [
      ...matched.map((r) => (r.state === "matched" ? { url: r.url, recipientId: r.recipientId, sentOn: r.sentOn } : null)).filter((r) => r !== null),
      { url: choice.url, recipientId: chosen.id, sentOn: "2021-09-10" },
    ];

    // All or nothing: one date in the future and none is marked.
    const refusedSave = await markPastedSent(editor, batchId, { rows: [...rows.slice(0, -1), { ...rows.at(-1)!, sentOn: "2021-09-11" }] }).catch((e: unknown) => e);
    expect(refusedSave).toBeInstanceOf(BatchValidationError);
    expect((refusedSave as BatchValidationError).fieldErrors.rows).toEqual([`The date for ${chosen.body.name} is in the future.`]);
    expect(await db.foiRequest.count({ where: { batchId, status: { not: "draft" } } })).toBe(0);

    await expect(markPastedSent(editor, batchId, { rows })).resolves.toEqual({ marked: 30 });
    const requests = await db.foiRequest.findMany({ where: { batchId }, select: { id: true, status: true, externalUrl: true, sentAt: true, dueOn: true, bodyId: true } });
    const sent = requests.filter((r) => r.status === "awaiting_response");
    expect(sent).toHaveLength(30);
    expect(requests.filter((r) => r.status === "draft").map((r) => r.id)).toEqual([birmingham[0]!.requestId]);
    for (const [i, r] of others.entries()) {
      const request = requests.find((q) => q.id === r.requestId)!;
      expect(request.externalUrl).toBe(address(i + 1));
      // Each clock runs from its own date of receipt (20 working days; no bank holidays in September 2021).
      expect(request.sentAt!.toISOString().slice(0, 10)).toBe(`2021-09-0${dayOf(i)}`);
      expect(request.dueOn).not.toBeNull();
    }
    const byDay = new Map(sent.map((r) => [r.sentAt!.toISOString().slice(0, 10), r.dueOn!.toISOString().slice(0, 10)]));
    expect(Object.fromEntries(byDay)).toEqual({ "2021-09-06": "2021-10-04", "2021-09-07": "2021-10-05", "2021-09-08": "2021-10-06", "2021-09-09": "2021-10-07", "2021-09-10": "2021-10-08" });
    expect(requests.find((r) => r.id === chosen.requestId)?.externalUrl).toBe(address(30));
    const events = await db.requestEvent.count({ where: { requestId: { in: sent.map((r) => r.id) }, kind: "sent" } });
    expect(events).toBe(30);
    const audit = await db.auditLog.findMany({ where: { workspaceId: editor.workspaceId, action: "batch.recipients.sent_pasted" } });
    expect(audit).toHaveLength(1);

    // Pasting the same list again: every address is now on its request, so nothing is offered.
    const again = await checkPastedAddresses(editor, batchId, { text: lines.join("\n"), sentOn: "2021-09-10" });
    expect(again.rows.filter((r) => r.state !== "refused")).toEqual([]);
    expect(again.rows.find((r) => r.url === address(1))).toMatchObject({ reason: `This address is already on the request to ${others[0]!.body.name}.` });
    await expect(markPastedSent(editor, batchId, { rows: rows.slice(0, 1) })).rejects.toBeInstanceOf(BatchValidationError);
  });

  it("a viewer cannot, and an address that names no body is refused with what to do", async () => {
    const { editor, viewer, batchId } = await sentWdtkBatch();
    await expect(checkPastedAddresses(viewer, batchId, { text: address(1), sentOn: "2021-09-06" })).rejects.toThrow();
    const plan = await checkPastedAddresses(editor, batchId, { text: `${address(1)}\nhttps://evil.example/request/x`, sentOn: "2021-09-06" });
    expect(plan.rows).toEqual([{ state: "refused", url: address(1), line: address(1), reason: expect.stringContaining("Paste it with the body's name on the same line") }]);
    expect(plan.notAddresses).toEqual(["https://evil.example/request/x"]);
  });
});
