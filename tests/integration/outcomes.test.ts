import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { listOutcomes, previewPastedList } from "@/lib/outcomes/queries";
import { setOutcome } from "@/lib/outcomes/set-outcome";
import { applyOutcomes } from "@/lib/outcomes/apply-pasted-list";
import { seedBodies } from "@/prisma/seed/bodies";
import { makeMember, makeWorkspace } from "../support/factories";

// The "did not apply" table of NHS England's response, exactly as written.
const response = fs.readFileSync(path.join(import.meta.dirname, "../../prisma/seed/nhs-england/04-response.txt"), "utf8").split("\n");
const secondTable = response.findIndex((line, i) => line.trim() === "Provider name" && i > response.indexOf("Provider name"));
const didNotApplyLines = response.slice(secondTable, response.findIndex((line, i) => i > secondTable && line.trim() === "")).join("\n");

async function campaign() {
  const workspace = await makeWorkspace({ withDirectory: true });
  const editor = await makeMember(workspace.id, "editor");
  const viewer = await makeMember(workspace.id, "viewer");
  const ids = new Map((await db.publicBody.findMany({ where: { workspaceId: workspace.id }, select: { id: true, key: true } })).map((b) => [b.key, b.id]));
  const request = await db.foiRequest.create({
    data: { workspaceId: workspace.id, bodyId: ids.get("nhs-england")!, title: "Funding for Band 7 LXP KUF roles in England", letter: "Dear NHS England", channel: "whatdotheyknow", status: "successful" },
    select: { id: true },
  });
  const outcomeOf = async (key: string) =>
    (await db.bodyOutcome.findUnique({ where: { requestId_bodyId: { requestId: request.id, bodyId: ids.get(key)! } }, select: { outcome: true } }))?.outcome ?? null;
  const audit = (action?: string) => db.auditLog.findMany({ where: { workspaceId: workspace.id, ...(action ? { action } : { action: { startsWith: "outcome." } }) }, orderBy: { createdAt: "asc" } });
  return { workspace, editor, viewer, ids, requestId: request.id, outcomeOf, audit };
}

describe("setting one trust's outcome", () => {
  it("an editor sets, changes and clears an outcome, each change audited with from and to", async () => {
    const { editor, ids, requestId, outcomeOf, audit } = await campaign();
    const bodyId = ids.get("oxleas")!;
    await expect(setOutcome(editor, { requestId, bodyId, outcome: "did_not_apply" })).resolves.toEqual({ from: null, to: "did_not_apply", changed: true });
    expect(await outcomeOf("oxleas")).toBe("did_not_apply");
    await expect(setOutcome(editor, { requestId, bodyId, outcome: "did_not_apply" })).resolves.toMatchObject({ changed: false });
    await setOutcome(editor, { requestId, bodyId, outcome: "funded", note: "Corrected from the response." });
    expect(await db.bodyOutcome.findFirst({ where: { requestId, bodyId }, select: { outcome: true, note: true } })).toEqual({ outcome: "funded", note: "Corrected from the response." });
    await expect(setOutcome(editor, { requestId, bodyId, outcome: "none" })).resolves.toEqual({ from: "funded", to: null, changed: true });
    expect(await outcomeOf("oxleas")).toBeNull();

    const rows = await audit();
    expect(rows.map((r) => [r.action, r.userId, r.entityId, (r.data as { from: unknown; to: unknown }).from, (r.data as { to: unknown }).to])).toEqual([
      ["outcome.set", editor.userId, bodyId, null, "did_not_apply"],
      ["outcome.set", editor.userId, bodyId, "did_not_apply", "funded"],
      ["outcome.clear", editor.userId, bodyId, "funded", null],
    ]);
  });

  it("listOutcomes shows every body of the directory with its outcome or none, and counts them", async () => {
    const { editor, viewer, ids, requestId } = await campaign();
    await setOutcome(editor, { requestId, bodyId: ids.get("oxleas")!, outcome: "did_not_apply" });
    await setOutcome(editor, { requestId, bodyId: ids.get("west-london")!, outcome: "funded" });
    const listed = await listOutcomes(viewer, requestId);
    expect(listed.bodies).toHaveLength(seedBodies.length);
    expect(listed.counts).toEqual({ funded: 1, applied_unsuccessful: 0, did_not_apply: 1, applied_withdrew: 0, none: seedBodies.length - 2 });
    // Grouped by outcome: funded first, bodies with no outcome last.
    expect(listed.bodies[0]).toMatchObject({ id: ids.get("west-london"), outcome: "funded" });
    expect(listed.bodies[1]).toMatchObject({ id: ids.get("oxleas"), outcome: "did_not_apply" });
    expect(listed.bodies.at(-1)!.outcome).toBeNull();
    const byName = await listOutcomes(viewer, requestId, "name");
    expect(byName.bodies.map((b) => b.name)).toEqual([...byName.bodies.map((b) => b.name)].sort((a, b) => a.localeCompare(b, "en-GB")));
  });

  it("a viewer is refused and nothing is saved", async () => {
    const { viewer, ids, requestId, outcomeOf, audit } = await campaign();
    await expect(setOutcome(viewer, { requestId, bodyId: ids.get("oxleas")!, outcome: "funded" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyOutcomes(viewer, { requestId, outcome: "funded", bodyIds: [ids.get("oxleas")!] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(previewPastedList(viewer, requestId, "Oxleas NHS Foundation Trust")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await outcomeOf("oxleas")).toBeNull();
    expect(await audit()).toEqual([]);
  });

  it("another workspace's body or request is not found, and nothing is saved in either workspace", async () => {
    const mine = await campaign();
    const theirs = await campaign();
    // Their body on my request; my body on their request; their request with their body.
    for (const input of [
      { requestId: mine.requestId, bodyId: theirs.ids.get("oxleas")! },
      { requestId: theirs.requestId, bodyId: mine.ids.get("oxleas")! },
      { requestId: theirs.requestId, bodyId: theirs.ids.get("oxleas")! },
    ]) {
      await expect(setOutcome(mine.editor, { ...input, outcome: "funded" })).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(listOutcomes(mine.editor, theirs.requestId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewPastedList(mine.editor, theirs.requestId, "Oxleas")).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.bodyOutcome.count({ where: { workspaceId: { in: [mine.workspace.id, theirs.workspace.id] } } })).toBe(0);
    // An actor naming a workspace they are not a member of is refused before anything is read.
    await expect(setOutcome({ userId: mine.editor.userId, workspaceId: theirs.workspace.id }, { requestId: theirs.requestId, bodyId: theirs.ids.get("oxleas")!, outcome: "funded" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a deleted request takes no outcomes", async () => {
    const { editor, ids, requestId } = await campaign();
    await db.foiRequest.update({ where: { id: requestId }, data: { deletedAt: new Date() } });
    await expect(setOutcome(editor, { requestId, bodyId: ids.get("oxleas")!, outcome: "funded" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("pasting a list from the response", () => {
  it("checking the 31 did-not-apply lines matches all 31 and saves nothing", async () => {
    const { editor, ids, requestId, audit } = await campaign();
    const preview = await previewPastedList(editor, requestId, didNotApplyLines);
    expect(preview.matched).toHaveLength(31);
    expect(preview.ambiguous).toEqual([]);
    expect(preview.unmatched).toEqual([]);
    expect(preview.ignored).toEqual(["Provider name"]);
    const expected = seedBodies.filter((b) => b.kufOutcome === "did_not_apply" || b.kufOutcome === "applied_withdrew").map((b) => ids.get(b.key));
    expect(preview.matched.map((m) => m.bodyId)).toEqual(expected);
    expect(await db.bodyOutcome.count({ where: { requestId } })).toBe(0);
    expect(await audit()).toEqual([]);
  });

  it("confirming saves every chosen trust in one go; confirming again changes nothing", async () => {
    const { editor, requestId, outcomeOf, audit } = await campaign();
    const preview = await previewPastedList(editor, requestId, didNotApplyLines);
    const bodyIds = preview.matched.map((m) => m.bodyId);
    await expect(applyOutcomes(editor, { requestId, outcome: "did_not_apply", bodyIds })).resolves.toEqual({ created: 31, changed: 0, unchanged: 0 });
    expect(await db.bodyOutcome.count({ where: { requestId, outcome: "did_not_apply" } })).toBe(31);
    await expect(applyOutcomes(editor, { requestId, outcome: "did_not_apply", bodyIds })).resolves.toEqual({ created: 0, changed: 0, unchanged: 31 });

    // Devon and Livewell applied, then withdrew: re-marking them changes two and leaves the rest.
    const withdrew = preview.matched.filter((m) => /devon|livewell/i.test(m.line)).map((m) => m.bodyId);
    await expect(applyOutcomes(editor, { requestId, outcome: "applied_withdrew", bodyIds: [...withdrew, ...withdrew] })).resolves.toEqual({ created: 0, changed: 2, unchanged: 0 });
    expect(await outcomeOf("devon-partnership")).toBe("applied_withdrew");
    expect(await outcomeOf("oxleas")).toBe("did_not_apply");

    const rows = await audit("outcome.apply_list");
    expect(rows).toHaveLength(2); // the unchanged second confirmation records nothing
    expect(rows[0]).toMatchObject({ userId: editor.userId, entity: "FoiRequest", entityId: requestId });
    expect((rows[0]!.data as { created: string[] }).created).toHaveLength(31);
    expect((rows[1]!.data as { changed: Array<{ from: string; to: string }> }).changed).toEqual(
      expect.arrayContaining([expect.objectContaining({ from: "did_not_apply", to: "applied_withdrew" })]),
    );
  });

  it("one body from another workspace among the ids: refused, and nothing is saved", async () => {
    const mine = await campaign();
    const theirs = await campaign();
    const bodyIds = [mine.ids.get("oxleas")!, mine.ids.get("solent")!, theirs.ids.get("somerset")!];
    await expect(applyOutcomes(mine.editor, { requestId: mine.requestId, outcome: "did_not_apply", bodyIds })).rejects.toBeInstanceOf(NotFoundError);
    await expect(applyOutcomes(mine.editor, { requestId: mine.requestId, outcome: "did_not_apply", bodyIds: [mine.ids.get("oxleas")!, "not-a-body"] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(applyOutcomes(mine.editor, { requestId: theirs.requestId, outcome: "did_not_apply", bodyIds: [theirs.ids.get("oxleas")!] })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.bodyOutcome.count({ where: { workspaceId: { in: [mine.workspace.id, theirs.workspace.id] } } })).toBe(0);
    expect(await mine.audit()).toEqual([]);
  });

  it("more than 200 trusts at once is refused", async () => {
    const { editor, requestId } = await campaign();
    const bodyIds = Array.from({ length: 201 }, (_, i) => `body-${i}`);
    await expect(applyOutcomes(editor, { requestId, outcome: "funded", bodyIds })).rejects.toThrow(/at most 200/);
  });
});
