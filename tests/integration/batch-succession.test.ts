import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/auth/errors";
import { startBatch } from "@/lib/batches/create-batch";
import { getBatch } from "@/lib/batches/get-batch";
import { renderAllLetters } from "@/lib/batches/preview";
import { combineIntoSuccessor } from "@/lib/batches/succession";
import { makeCampaign } from "../support/batch-fixtures";

// Solent NHS Trust and Southern Health NHS Foundation Trust are both in NHS England's "did not
// apply" list, and both are now Hampshire and Isle of Wight Healthcare NHS Foundation Trust:
// Southern Health took over Solent on 1 October 2024 and was renamed (hiowhealthcare.nhs.uk).

describe("one body, one request through succession", () => {
  it("succession (Solent taken over by Hampshire and Isle of Wight Healthcare on 1 October 2024, hiowhealthcare.nhs.uk): the did-not-apply batch offers one request to the successor covering Solent; choosing it leaves 30 letters, the successor's naming Solent", async () => {
    const c = await makeCampaign({ withEmails: true });
    const { id } = await startBatch(c.editor, { parentId: c.parentId, outcome: "did_not_apply" });
    const before = await getBatch(c.editor, id);
    expect(before.progress.total).toBe(31);
    expect(before.successionOffers).toHaveLength(1);
    const [offer] = before.successionOffers;
    expect(offer.successorId).toBe(c.ids.get("southern-health"));
    expect(offer.successorName).toBe("Hampshire and Isle of Wight Healthcare NHS Foundation Trust");
    expect(offer.successorInBatch).toBe(true);
    expect(offer.predecessors.map((p) => p.name)).toEqual(["Solent NHS Trust"]);
    expect(offer.message).toMatch(/would get 2 requests/);

    // A viewer may look but not choose.
    await expect(combineIntoSuccessor(c.viewer, id, offer.successorId)).rejects.toBeInstanceOf(ForbiddenError);

    expect(await combineIntoSuccessor(c.editor, id, offer.successorId)).toEqual({ covered: 1 });
    const after = await getBatch(c.editor, id);
    expect(after.progress.total).toBe(30);
    expect(after.successionOffers).toEqual([]);
    const letters = await renderAllLetters(c.editor, id);
    expect(letters.map((l) => l.bodyName)).not.toContain("Solent NHS Trust");
    const hiow = letters.find((l) => l.bodyName === "Hampshire and Isle of Wight Healthcare NHS Foundation Trust");
    expect(hiow?.letter).toContain(
      "This request also covers Solent NHS Trust, whose services your trust took over on Tuesday 1 October 2024 (listed by NHS England as: Did not apply).",
    );
    // The paragraph follows the one naming the trust's own outcome.
    expect(hiow!.letter.indexOf("listed your trust as: Did not apply")).toBeLessThan(hiow!.letter.indexOf("This request also covers"));
    expect(hiow!.letter.indexOf("This request also covers")).toBeLessThan(hiow!.letter.indexOf("Unless I say otherwise"));

    const audit = await db.auditLog.findFirst({ where: { workspaceId: c.workspace.id, action: "batch.recipient.combine" }, select: { data: true } });
    expect(audit?.data).toMatchObject({ successor: "Hampshire and Isle of Wight Healthcare NHS Foundation Trust", covers: ["Solent NHS Trust"] });
  });

  it("a batch without both trusts offers nothing", async () => {
    const c = await makeCampaign({ withEmails: true });
    const { id } = await startBatch(c.editor, { bodyIds: [c.ids.get("solent")!, c.ids.get("oxleas")!] });
    expect((await getBatch(c.editor, id)).successionOffers).toEqual([]);
  });
});
