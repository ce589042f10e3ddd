import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { buildCorpusCampaign, runCorpus } from "../support/inbound-corpus";

describe("the labelled corpus of replies", () => {
  it("files every message where its label says, never on a wrong request, and suggests the labelled event for most", { timeout: 180_000 }, async () => {
    const campaign = await buildCorpusCampaign();
    const outcomes = await runCorpus(campaign);
    const misses = outcomes.filter((o) => o.match !== "correct" || !o.eventCorrect).map((o) => `${o.name}: filed on ${o.filedOn ?? "none"} (label ${o.label.request ?? "none"}), suggested ${o.suggestion?.kind ?? "nothing"}${o.suggestion?.newDueOn ? ` to ${o.suggestion.newDueOn}` : ""}${o.suggestion?.exemptions ? ` ${o.suggestion.exemptions.join(",")}` : ""} (label ${o.label.event?.kind ?? "nothing"})`);
    console.log(`corpus: ${outcomes.length} messages; not as labelled:\n${misses.join("\n")}`);
    expect(outcomes.length).toBeGreaterThanOrEqual(40);
    expect(outcomes.filter((o) => o.match === "wrong").map((o) => o.name)).toEqual([]);
    expect(outcomes.filter((o) => o.match === "correct").length / outcomes.length).toBeGreaterThanOrEqual(0.95);
    expect(outcomes.filter((o) => o.eventCorrect).length / outcomes.length).toBeGreaterThanOrEqual(0.8);

    // The bounces failed their letters, with the servers' reasons.
    const failed = await db.delivery.findMany({ where: { workspaceId: campaign.workspaceId, state: "failed" }, select: { requestId: true, lastError: true } });
    expect(failed.map((d) => d.requestId).sort()).toEqual([campaign.requestIds.humber, campaign.requestIds.oxford, campaign.requestIds.sussex].sort());
    expect(failed.find((d) => d.requestId === campaign.requestIds.sussex)?.lastError).toContain("RecipientNotFound");
    // The 26 MB attachment is left out, and the message says so.
    const huge = await db.message.findFirstOrThrow({ where: { workspaceId: campaign.workspaceId, sourceKey: "huge31@penninecare.nhs.example" }, select: { bodyText: true, _count: { select: { attachments: true } } } });
    expect(huge._count.attachments).toBe(0);
    expect(huge.bodyText).toMatch(/“posts\.xlsx” \(26\.\d MB\) was not kept/);
    // Filing the corpus again stores nothing new.
    const before = await db.message.count({ where: { workspaceId: campaign.workspaceId } });
    await runCorpus(campaign);
    expect(await db.message.count({ where: { workspaceId: campaign.workspaceId } })).toBe(before);
  });
});
