import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { auditCsv, GONE, listAuditEntries, readAuditFilters } from "@/lib/audit/queries";
import { ForbiddenError } from "@/lib/auth/errors";
import { findingsCsv, findingsJson, requestsCsv, requestsJson } from "@/lib/findings/exports";
import { batchCsv } from "@/lib/batches/export";
import { getAttachmentForDownload } from "@/lib/messages/queries";
import { regenerateCalendarFeed, revokeCalendarFeed } from "@/lib/alerts/settings";
import { applyUnsubscribe, unsubscribeUrl } from "@/lib/alerts/unsubscribe";
import { removeMember } from "@/lib/workspaces/members";
import { makeMember, makeWorkspace } from "../support/factories";

const filters = (params: Record<string, string>) => readAuditFilters(params).filters;
const actions = async (workspaceId: string) => (await db.auditLog.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" }, select: { action: true } })).map((e) => e.action);

async function entryAt(workspaceId: string, userId: string | null, action: Parameters<typeof recordAudit>[0]["action"], iso: string, data?: Record<string, string>) {
  const entry = await db.auditLog.create({ data: { workspaceId, userId, action, entity: "Test", createdAt: new Date(iso), data } , select: { id: true } });
  return entry.id;
}

describe("the audit log page's reads", () => {
  it("is for owners only, newest first, scoped to the workspace, with UK times and plain English", async () => {
    const ws = await makeWorkspace();
    const owner = await makeMember(ws.id, "owner");
    const editor = await makeMember(ws.id, "editor");
    const other = await makeWorkspace();
    const stranger = await makeMember(other.id, "owner");
    await entryAt(ws.id, owner.userId, "request.create", "2021-09-06T13:05:00Z");
    await entryAt(ws.id, editor.userId, "batch.send", "2021-09-07T08:00:00Z");
    await entryAt(ws.id, null, "holidays.refresh", "2021-09-08T02:00:00Z");
    await entryAt(other.id, stranger.userId, "request.delete", "2021-09-07T09:00:00Z");

    const page = await listAuditEntries(owner, filters({}));
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => [r.when, r.what])).toEqual([
      ["Wednesday 8 September 2021 at 03:00", "Updated the bank holidays"],
      ["Tuesday 7 September 2021 at 09:00", "Sent a batch"],
      ["Monday 6 September 2021 at 14:05", "Logged a request"],
    ]);
    await expect(listAuditEntries(editor, filters({}))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(auditCsv(editor, filters({}))).rejects.toBeInstanceOf(ForbiddenError);
    const viewer = await makeMember(ws.id, "viewer");
    await expect(listAuditEntries(viewer, filters({}))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("filters by person, kind and UK date range; a bad date is reported next to its field", async () => {
    const ws = await makeWorkspace();
    const owner = await makeMember(ws.id, "owner");
    const editor = await makeMember(ws.id, "editor");
    await entryAt(ws.id, owner.userId, "request.create", "2021-09-05T22:30:00Z"); // 23:30 on the 5th, UK time
    await entryAt(ws.id, editor.userId, "request.create", "2021-09-05T23:30:00Z"); // 00:30 on the 6th, UK time
    await entryAt(ws.id, editor.userId, "batch.send", "2021-09-07T12:00:00Z");
    await entryAt(ws.id, editor.userId, "request.delete", "2021-09-09T12:00:00Z");

    expect((await listAuditEntries(owner, filters({ person: editor.userId }))).total).toBe(3);
    expect((await listAuditEntries(owner, filters({ action: "request.create" }))).total).toBe(2);
    const days = await listAuditEntries(owner, filters({ from: "06/09/2021", to: "7/9/2021" }));
    expect(days.rows.map((r) => r.what)).toEqual(["Sent a batch", "Logged a request"]);
    expect((await listAuditEntries(owner, filters({ from: "2021-09-06", to: "2021-09-06", person: editor.userId, action: "request.create" }))).total).toBe(1);

    expect(readAuditFilters({ from: "31/02/2021" })).toMatchObject({ filters: { from: undefined }, fieldErrors: { from: ["Enter a real date, like 31/08/2021."] } });
    expect(readAuditFilters({ to: "next week", from: "01/09/2021" })).toMatchObject({ filters: { from: "2021-09-01", to: undefined }, fieldErrors: { to: [expect.any(String)] } });
    expect(readAuditFilters({ from: "09/09/2021", to: "01/09/2021" }).fieldErrors).toEqual({ to: ["The end date is before the start date."] });
    expect(readAuditFilters({ action: "drop.tables" }).fieldErrors.action).toEqual(["Choose a kind from the list."]);
  });

  it("pages through long logs", async () => {
    const ws = await makeWorkspace();
    const owner = await makeMember(ws.id, "owner");
    await db.auditLog.createMany({ data: Array.from({ length: 60 }, (_, i) => ({ workspaceId: ws.id, userId: owner.userId, action: "request.update", entity: "Test", createdAt: new Date(Date.UTC(2021, 8, 1, 0, i)) })) });
    const first = await listAuditEntries(owner, filters({}));
    const second = await listAuditEntries(owner, filters({ page: "2" }));
    expect([first.pageCount, first.rows.length, second.rows.length]).toEqual([2, 50, 10]);
    expect(second.rows.at(-1)!.when).toBe("Wednesday 1 September 2021 at 01:00");
  });

  it("names someone no longer a member as such; the CSV neutralises formulas and is itself audited", async () => {
    const ws = await makeWorkspace();
    const owner = await makeMember(ws.id, "owner");
    const leaver = await makeMember(ws.id, "editor");
    const sly = await makeMember(ws.id, "editor");
    await db.user.update({ where: { id: sly.userId }, data: { name: "=HYPERLINK(\"http://evil.example\",\"x\")" } });
    await entryAt(ws.id, leaver.userId, "request.create", "2021-09-06T10:00:00Z");
    await entryAt(ws.id, sly.userId, "request.update", "2021-09-06T11:00:00Z", { note: "+1" });
    const leaverMembership = await db.membership.findFirstOrThrow({ where: { userId: leaver.userId, workspaceId: ws.id }, select: { id: true } });
    await removeMember(owner, { membershipId: leaverMembership.id, confirm: "yes" });

    const page = await listAuditEntries(owner, filters({ action: "request.create" }));
    expect(page.rows[0]!.who).toBe(GONE);

    const { csv, filename } = await auditCsv(owner, filters({ from: "06/09/2021", to: "06/09/2021" }));
    expect(filename).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("When (UK time),Who,Email,What,Action,Details");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(`Monday 6 September 2021 at 12:00,"'=HYPERLINK(""http://evil.example"",""x"")",${sly.email},Changed a request,request.update,note: +1`);
    expect(lines[2]).toContain(`${GONE},,Logged a request`);
    const audited = await db.auditLog.findFirstOrThrow({ where: { workspaceId: ws.id, action: "export.audit_csv" }, select: { userId: true, data: true } });
    expect(audited).toEqual({ userId: owner.userId, data: { rows: 2, filters: { from: "2021-09-06", to: "2021-09-06" } } });
  });
});

describe("events audited for owners to see", () => {
  it("exports of findings, requests and batches write their entry", async () => {
    const ws = await makeWorkspace();
    const viewer = await makeMember(ws.id, "viewer");
    const batch = await db.batch.create({ data: { workspaceId: ws.id, name: "Follow-up", titleTemplate: "t", template: "Dear {{body.name}}" }, select: { id: true } });
    await findingsCsv(viewer, batch.id);
    await findingsJson(viewer, batch.id);
    await requestsCsv(viewer);
    await requestsJson(viewer);
    await batchCsv(viewer, batch.id);
    expect(await actions(ws.id)).toEqual(["export.findings_csv", "export.findings_json", "export.requests_csv", "export.requests_json", "export.batch_csv"]);
    const entries = await db.auditLog.findMany({ where: { workspaceId: ws.id }, select: { userId: true } });
    expect(entries.every((e) => e.userId === viewer.userId)).toBe(true);
  });

  it("an attachment download writes its entry with the file's name", async () => {
    const ws = await makeWorkspace({ withDirectory: true });
    const viewer = await makeMember(ws.id, "viewer");
    const body = await db.publicBody.findFirstOrThrow({ where: { workspaceId: ws.id }, select: { id: true } });
    const request = await db.foiRequest.create({ data: { workspaceId: ws.id, bodyId: body.id, title: "Posts", letter: "Dear trust", channel: "email" }, select: { id: true } });
    const message = await db.message.create({ data: { workspaceId: ws.id, requestId: request.id, direction: "incoming", sentAt: new Date(), bodyText: "Attached." }, select: { id: true } });
    const bytes = Buffer.from("%PDF-1.4 test");
    const file = await db.attachment.create({
      data: { workspaceId: ws.id, messageId: message.id, filename: "response.pdf", contentType: "application/pdf", size: bytes.length, sha256: crypto.createHash("sha256").update(bytes).digest("hex"), data: bytes },
      select: { id: true },
    });
    await getAttachmentForDownload(viewer, file.id);
    expect(await db.auditLog.findMany({ where: { workspaceId: ws.id }, select: { action: true, userId: true, entityId: true, data: true } })).toEqual([
      { action: "attachment.download", userId: viewer.userId, entityId: file.id, data: { filename: "response.pdf" } },
    ]);
  });

  it("making, replacing and turning off a calendar feed, and unsubscribing, are written to each of the person's workspaces", async () => {
    const first = await makeWorkspace();
    const person = await makeMember(first.id, "viewer");
    const second = await makeWorkspace();
    await db.membership.create({ data: { userId: person.userId, workspaceId: second.id, role: "editor" } });
    await regenerateCalendarFeed(person.userId);
    await regenerateCalendarFeed(person.userId);
    await revokeCalendarFeed(person.userId);
    await revokeCalendarFeed(person.userId); // already off: nothing happened, nothing recorded
    const token = new URL(unsubscribeUrl(person.userId, "all")).searchParams.get("token")!;
    expect(await applyUnsubscribe(token)).toMatchObject({ ok: true });
    for (const ws of [first, second]) {
      expect(await actions(ws.id)).toEqual(["calendar_feed.create", "calendar_feed.replace", "calendar_feed.off", "alerts.unsubscribe"]);
    }
    expect(await db.auditLog.count({ where: { workspaceId: first.id, userId: person.userId } })).toBe(4);
  });
});
