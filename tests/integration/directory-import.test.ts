import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError, InvalidError } from "@/lib/auth/errors";
import { applyDirectoryImport, directoryCsv, previewDirectoryImport } from "@/lib/bodies/import-directory";
import { makeMember, makeWorkspace } from "../support/factories";

// The directory's CSV import and export against a real database: one transaction, only the
// actor's own workspace, audited.

async function campaign() {
  const workspace = await makeWorkspace({ withDirectory: true });
  const editor = await makeMember(workspace.id, "editor");
  const viewer = await makeMember(workspace.id, "viewer");
  const ids = new Map((await db.publicBody.findMany({ where: { workspaceId: workspace.id }, select: { id: true, key: true } })).map((b) => [b.key, b.id]));
  return { workspace, editor, viewer, ids };
}

const emails = (workspaceId: string) => db.publicBody.findMany({ where: { workspaceId, foiEmail: { not: null } }, select: { key: true, foiEmail: true, odsCode: true }, orderBy: { key: "asc" } });

const CSV = [
  "Name,ODS code,FOI email,WhatDoTheyKnow name",
  "Whatever it is called,RPG,foi@oxleas.example,https://www.whatdotheyknow.com/body/oxleas_nhs_foundation_trust",
  '"Tees, Esk and Wear Valleys NHS Foundation Trust",,foi@tewv.example,',
  "Nowhere Community Trust,,foi@nowhere.example,",
].join("\r\n");

describe("importing the directory from a CSV", () => {
  it("previews, then saves only the confirmed rows of this workspace, in one audited transaction", async () => {
    const a = await campaign();
    const b = await campaign();
    const preview = await previewDirectoryImport(a.editor, { text: CSV });
    expect(preview.plan.map((p) => [p.line, p.status, p.bodyId ?? null])).toEqual([
      [2, "update", a.ids.get("oxleas")],
      [3, "update", a.ids.get("tees-esk-and-wear-valleys")],
      [4, "unknown", null],
    ]);
    expect(await emails(a.workspace.id)).toEqual([]); // the preview saved nothing

    // Another workspace's trust given for the unknown row: refused, and nothing at all is saved.
    const forged = await applyDirectoryImport(a.editor, { text: CSV }, new Map([[2, a.ids.get("oxleas")!], [4, b.ids.get("oxleas")!]])).then(
      () => null,
      (e: unknown) => e,
    );
    expect(forged).toBeInstanceOf(InvalidError);
    expect((forged as InvalidError).fieldErrors["row-4"]?.[0]).toMatch(/choose one of the trusts offered/);
    expect(await emails(a.workspace.id)).toEqual([]);

    const saved = await applyDirectoryImport(a.editor, { text: CSV }, new Map([[2, a.ids.get("oxleas")!], [3, a.ids.get("tees-esk-and-wear-valleys")!]]));
    expect(saved).toEqual({ updated: 2, fieldsChanged: 3 });
    expect(await emails(a.workspace.id)).toEqual([
      { key: "oxleas", foiEmail: "foi@oxleas.example", odsCode: "RPG" },
      { key: "tees-esk-and-wear-valleys", foiEmail: "foi@tewv.example", odsCode: "RX3" },
    ]);
    const oxleas = await db.publicBody.findUniqueOrThrow({ where: { id: a.ids.get("oxleas")! }, select: { wdtkSlug: true } });
    expect(oxleas.wdtkSlug).toBe("oxleas_nhs_foundation_trust");
    // The other workspace's copy of the same trusts is untouched.
    expect(await emails(b.workspace.id)).toEqual([]);

    const audit = await db.auditLog.findFirstOrThrow({ where: { workspaceId: a.workspace.id, action: "body.import" }, select: { userId: true, data: true } });
    expect(audit.userId).toBe(a.editor.userId);
    expect(JSON.stringify(audit.data)).toContain("foi@tewv.example");

    // Importing the same file again changes nothing.
    const again = await previewDirectoryImport(a.editor, { text: CSV });
    expect(again.plan.slice(0, 2).map((p) => p.status)).toEqual(["unchanged", "unchanged"]);
  });

  it("refuses a viewer, an empty or headless file, and never saves a row with a bad email", async () => {
    const { editor, viewer, ids, workspace } = await campaign();
    expect(await previewDirectoryImport(viewer, { text: CSV }).catch((e: unknown) => e)).toBeInstanceOf(ForbiddenError);
    const empty = await previewDirectoryImport(editor, { text: "\uFEFF" }).catch((e: unknown) => e);
    expect((empty as InvalidError).fieldErrors.text?.[0]).toMatch(/Paste the CSV|empty/);
    const bad = await previewDirectoryImport(editor, { text: "Name,FOI email\nOxleas NHS Foundation Trust,foi@@oxleas\n" });
    expect(bad.plan[0]).toMatchObject({ status: "invalid", reasons: [expect.stringMatching(/not an email address/)] });
    const refused = await applyDirectoryImport(editor, { text: "Name,FOI email\nOxleas NHS Foundation Trust,foi@@oxleas\n" }, new Map([[2, ids.get("oxleas")!]])).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InvalidError);
    expect(await emails(workspace.id)).toEqual([]);
  });

  it("exports the directory as CSV with formula cells neutralised, and the export imports back unchanged", async () => {
    const { editor, viewer, ids, workspace } = await campaign();
    await db.publicBody.update({ where: { id: ids.get("oxleas")! }, data: { foiEmail: "foi@oxleas.example", shortName: "=HYPERLINK(\"http://x\")" } });
    const { csv, filename } = await directoryCsv(viewer);
    expect(filename).toMatch(/^trusts-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv).toContain(`Oxleas NHS Foundation Trust,"'=HYPERLINK(""http://x"")",RPG,London,foi@oxleas.example`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
    expect(await db.auditLog.count({ where: { workspaceId: workspace.id, action: "export.directory_csv", userId: viewer.userId } })).toBe(1);

    const roundTrip = await previewDirectoryImport(editor, { text: csv });
    expect(roundTrip.ignoredColumns).toEqual(["Status", "Now part of"]);
    expect(roundTrip.plan.filter((p) => p.status !== "unchanged")).toEqual([]);
  });
});
