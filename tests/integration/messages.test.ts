import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { addMessage } from "@/lib/messages/add-message";
import { attachmentResponseHeaders } from "@/lib/messages/attachment-headers";
import { getAttachmentForDownload, getAttachmentForUserDownload, listMessages } from "@/lib/messages/queries";
import { MAX_ATTACHMENT_BYTES, type AddMessageFields } from "@/lib/messages/schemas";
import { makeMember, makeWorkspace } from "../support/factories";

// Lets one test make the audit write fail after the message and its files were written.
const audit = vi.hoisted(() => ({ failNext: false }));
vi.mock("@/lib/audit/record-audit", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/audit/record-audit")>();
  return {
    ...actual,
    recordAudit: async (...args: Parameters<typeof actual.recordAudit>) => {
      if (audit.failNext) {
        audit.failNext = false;
        throw new Error("audit log unavailable");
      }
      return actual.recordAudit(...args);
    },
  };
});

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/eml");
const emlFile = (name: string) => new File([readFileSync(path.join(FIXTURES, name))], name, { type: "message/rfc822" });
const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");
const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** A workspace with an editor, a viewer and a request sent on Monday 2 August 2021. */
async function campaign() {
  const workspace = await makeWorkspace({ withDirectory: true });
  const editor = await makeMember(workspace.id, "editor");
  const viewer = await makeMember(workspace.id, "viewer");
  const body = await db.publicBody.findFirstOrThrow({ where: { workspaceId: workspace.id, key: "oxleas" }, select: { id: true } });
  const request = await db.foiRequest.create({
    data: { workspaceId: workspace.id, bodyId: body.id, title: "Band 7 posts", letter: "Dear Oxleas", channel: "email", status: "awaiting_response", sentAt: new Date("2021-08-02T09:00:00Z") },
    select: { id: true },
  });
  return { workspace, editor, viewer, request };
}

function pasted(requestId: string, overrides: Partial<AddMessageFields> = {}): AddMessageFields {
  return { requestId, direction: "incoming", source: "paste", fromName: "Oxleas FOI team", subject: "Your request", sentAt: "2021-08-31", sentTime: "", bodyText: "Dear Campaigner, we hold no information.", ...overrides };
}

async function savedFor(requestId: string) {
  return {
    messages: await db.message.count({ where: { requestId } }),
    attachments: await db.attachment.count({ where: { message: { requestId } } }),
    audits: await db.auditLog.count({ where: { action: "message.add", data: { path: ["requestId"], equals: requestId } } }),
  };
}

async function expectNothingSaved(requestId: string) {
  expect(await savedFor(requestId)).toEqual({ messages: 0, attachments: 0, audits: 0 });
}

function expectRefused(result: Awaited<ReturnType<typeof addMessage>>, field: string, pattern: RegExp) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.fieldErrors[field]?.join(" ")).toMatch(pattern);
}

describe("pasting a message", () => {
  it("stores it with the date as 12:00 London time and records who added it", async () => {
    const { editor, request } = await campaign();
    const result = await addMessage(editor, pasted(request.id));
    expect(result).toMatchObject({ ok: true });
    const stored = await db.message.findFirstOrThrow({ where: { requestId: request.id } });
    expect(stored).toMatchObject({ direction: "incoming", fromName: "Oxleas FOI team", subject: "Your request", bodyText: "Dear Campaigner, we hold no information.", bodyHtml: null });
    // 31 August 2021 is in British Summer Time: 12:00 London is 11:00 UTC.
    expect(stored.sentAt.toISOString()).toBe("2021-08-31T11:00:00.000Z");
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "message.add", entityId: stored.id } });
    expect(entry).toMatchObject({ userId: editor.userId, workspaceId: editor.workspaceId, entity: "Message" });
    // No timeline event: the user records what the message was separately.
    expect(await db.requestEvent.count({ where: { requestId: request.id } })).toBe(0);
  });

  it("takes an optional time as London time, in winter and in summer", async () => {
    const { editor, request } = await campaign();
    await addMessage(editor, pasted(request.id, { sentAt: "2021-08-31", sentTime: "09:30" }));
    await addMessage(editor, pasted(request.id, { sentAt: "2021-12-01", sentTime: "09:30", direction: "outgoing" }));
    const rows = await db.message.findMany({ where: { requestId: request.id }, orderBy: { sentAt: "asc" }, select: { sentAt: true, direction: true } });
    expect(rows.map((r) => [r.direction, r.sentAt.toISOString()])).toEqual([
      ["incoming", "2021-08-31T08:30:00.000Z"],
      ["outgoing", "2021-12-01T09:30:00.000Z"],
    ]);
  });

  it("keeps Welsh, emoji and right-to-left text exactly, and HTML in pasted text as text", async () => {
    const { editor, request } = await campaign();
    const text = "Annwyl Ymgyrchydd, diolch: ŵ ŷ â 🏴󠁧󠁢󠁷󠁬󠁳󠁿 👍🏽\nمرحبا بالعالم — שלום\n<script>alert(1)</script> <b onclick=x>bold</b>";
    await addMessage(editor, pasted(request.id, { fromName: "Bwrdd Iechyd ŵ 🏥", subject: "Cais Rhyddid Gwybodaeth ‏(מענה)", bodyText: text }));
    const stored = await db.message.findFirstOrThrow({ where: { requestId: request.id }, select: { fromName: true, subject: true, bodyText: true, bodyHtml: true } });
    expect(stored).toEqual({ fromName: "Bwrdd Iechyd ŵ 🏥", subject: "Cais Rhyddid Gwybodaeth ‏(מענה)", bodyText: text, bodyHtml: null });
  });

  it("refuses empty input, next to each field", async () => {
    const { editor, request } = await campaign();
    const result = await addMessage(editor, pasted(request.id, { sentAt: "", bodyText: "   \n " }));
    expectRefused(result, "sentAt", /Enter the date/);
    expectRefused(result, "bodyText", /Paste the text/);
    expectRefused(await addMessage(editor, { requestId: request.id, direction: "incoming" }), "source", /paste the text or upload/);
    expectRefused(await addMessage(editor, pasted(request.id, { direction: "sideways" })), "direction", /received or sent/);
    await expectNothingSaved(request.id);
  });

  it("refuses huge input", async () => {
    const { editor, request } = await campaign();
    const result = await addMessage(editor, pasted(request.id, { fromName: "n".repeat(201), subject: "s".repeat(301), bodyText: "x".repeat(200_001) }));
    expectRefused(result, "fromName", /200 characters/);
    expectRefused(result, "subject", /300 characters/);
    expectRefused(result, "bodyText", /too long: at most 200,000/);
    expect((await addMessage(editor, pasted(request.id, { bodyText: "x".repeat(200_000) }))).ok).toBe(true);
  });

  it.each([
    ["an impossible date", { sentAt: "2021-02-30" }, "sentAt", /does not exist/],
    ["a UK-style date", { sentAt: "31/08/2021" }, "sentAt", /YYYY-MM-DD/],
    ["a date in the future", { sentAt: `${new Date().getUTCFullYear() + 1}-01-01` }, "sentAt", /in the future: today is/],
    ["a date before the request was sent", { sentAt: "2021-08-01" }, "sentAt", /before the request was sent, on Monday 2 August 2021/],
    ["a mistyped year", { sentAt: "0202-08-31" }, "sentAt", /check the year/],
    ["an impossible time", { sentTime: "25:00" }, "sentTime", /HH:MM/],
  ])("refuses %s next to the field", async (_name, overrides, field, pattern) => {
    const { editor, request } = await campaign();
    expectRefused(await addMessage(editor, pasted(request.id, overrides)), field, pattern);
    await expectNothingSaved(request.id);
  });

  it("reports a wrong date together with the other mistakes", async () => {
    const { editor, request } = await campaign();
    const result = await addMessage(editor, pasted(request.id, { sentAt: "2021-07-01", bodyText: "" }));
    expectRefused(result, "bodyText", /Paste the text/);
    expectRefused(result, "sentAt", /before the request was sent/);
  });

  it("accepts a message on the day the request was sent", async () => {
    const { editor, request } = await campaign();
    expect((await addMessage(editor, pasted(request.id, { sentAt: "2021-08-02", direction: "outgoing" }))).ok).toBe(true);
  });
});

describe("who may add messages, and to which request", () => {
  it("another workspace's request is not found, and nothing is saved anywhere", async () => {
    const a = await campaign();
    const b = await campaign();
    await expect(addMessage(b.editor, pasted(a.request.id))).rejects.toBeInstanceOf(NotFoundError);
    await expectNothingSaved(a.request.id);
    await expect(addMessage(b.editor, pasted("no-such-request"))).rejects.toBeInstanceOf(NotFoundError);
    // Not found even when the rest of the form is wrong: the id is checked first.
    await expect(addMessage(b.editor, { requestId: a.request.id, direction: "incoming" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a viewer is refused, and so is an actor naming a workspace they are not in", async () => {
    const a = await campaign();
    const b = await campaign();
    await expect(addMessage(a.viewer, pasted(a.request.id))).rejects.toThrow(/view this workspace but not change it/);
    await expect(addMessage({ userId: b.editor.userId, workspaceId: a.workspace.id }, pasted(a.request.id))).rejects.toBeInstanceOf(ForbiddenError);
    await expectNothingSaved(a.request.id);
  });

  it("a deleted request is not found", async () => {
    const { editor, request } = await campaign();
    await db.foiRequest.update({ where: { id: request.id }, data: { deletedAt: new Date() } });
    await expect(addMessage(editor, pasted(request.id))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("attachments", () => {
  it("stores each file with its size, SHA-256 and a type decided by its name", async () => {
    const { editor, request } = await campaign();
    const csv = new TextEncoder().encode("trust,funded\nOxleas,yes\n");
    const result = await addMessage(
      editor,
      pasted(request.id, {
        attachments: [
          new File([PDF_BYTES], "Response ŵ “final”.pdf", { type: "application/pdf" }),
          // Windows labels CSV files as Excel's; the extension decides what is stored.
          new File([csv], "figures.csv", { type: "application/vnd.ms-excel" }),
          // An empty file input arrives as a nameless empty file: ignored.
          new File([], "", { type: "application/octet-stream" }),
        ],
      }),
    );
    expect(result.ok).toBe(true);
    const files = await db.attachment.findMany({ where: { message: { requestId: request.id } }, orderBy: { createdAt: "asc" }, select: { filename: true, contentType: true, size: true, sha256: true, data: true, workspaceId: true } });
    expect(files.map((f) => [f.filename, f.contentType, f.size, f.sha256])).toEqual([
      ["Response ŵ “final”.pdf", "application/pdf", PDF_BYTES.length, sha256(PDF_BYTES)],
      ["figures.csv", "text/csv", csv.length, sha256(csv)],
    ]);
    expect(Buffer.from(files[0]!.data).equals(Buffer.from(PDF_BYTES))).toBe(true);
    expect(files.every((f) => f.workspaceId === editor.workspaceId)).toBe(true);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "message.add", data: { path: ["requestId"], equals: request.id } }, select: { data: true } });
    expect(entry.data).toMatchObject({ attachments: [{ filename: "Response ŵ “final”.pdf", size: PDF_BYTES.length, sha256: sha256(PDF_BYTES) }, { filename: "figures.csv" }] });
  });

  it.each([
    ["an HTML page", new File(["<script>alert(1)</script>"], "page.html", { type: "text/html" }), /“page.html” is not a file type we keep/],
    ["an SVG image", new File(["<svg onload=alert(1)>"], "chart.svg", { type: "image/svg+xml" }), /“chart.svg” is not a file type we keep/],
    ["a program", new File(["MZ"], "setup.exe", { type: "application/x-msdownload" }), /“setup.exe” is not a file type/],
    ["HTML calling itself a PDF", new File(["<script>alert(1)</script>"], "report.pdf", { type: "text/html" }), /“report.pdf” is named .pdf but says it is text\/html/],
    ["an empty file", new File([], "empty.pdf", { type: "application/pdf" }), /“empty.pdf” is empty/],
    ["a file with no extension", new File(["x"], "README", { type: "text/plain" }), /“README” is not a file type/],
  ])("refuses %s, naming the file, and saves nothing", async (_name, file, pattern) => {
    const { editor, request } = await campaign();
    expectRefused(await addMessage(editor, pasted(request.id, { attachments: [file] })), "attachments", pattern);
    await expectNothingSaved(request.id);
  });

  it("refuses more than 10 files", async () => {
    const { editor, request } = await campaign();
    const files = Array.from({ length: 11 }, (_, i) => new File([PDF_BYTES], `page-${i}.pdf`, { type: "application/pdf" }));
    expectRefused(await addMessage(editor, pasted(request.id, { attachments: files })), "attachments", /at most 10 files/);
    await expectNothingSaved(request.id);
  });

  it("keeps a file of exactly 25 MB and refuses one byte more, saving nothing", async () => {
    const { editor, request } = await campaign();
    const tooBig = new File([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)], "scan.pdf", { type: "application/pdf" });
    expectRefused(await addMessage(editor, pasted(request.id, { attachments: [new File([PDF_BYTES], "ok.pdf", { type: "application/pdf" }), tooBig] })), "attachments", /“scan.pdf” is 25\.0 MB|“scan.pdf” is 25 MB/);
    await expectNothingSaved(request.id);
    const atLimit = new File([new Uint8Array(MAX_ATTACHMENT_BYTES)], "scan.pdf", { type: "application/pdf" });
    expect((await addMessage(editor, pasted(request.id, { attachments: [atLimit] }))).ok).toBe(true);
    expect(await db.attachment.findFirstOrThrow({ where: { message: { requestId: request.id } }, select: { size: true } })).toEqual({ size: MAX_ATTACHMENT_BYTES });
  });

  it("refuses files that are each allowed but together too many bytes", async () => {
    const { editor, request } = await campaign();
    const files = [0, 1, 2].map((i) => new File([new Uint8Array(20 * 1024 * 1024)], `part-${i}.pdf`, { type: "application/pdf" }));
    expectRefused(await addMessage(editor, pasted(request.id, { attachments: files })), "attachments", /Together the files are 60 MB/);
    await expectNothingSaved(request.id);
  });

  it("saves nothing half-way: a failure after the message and files are written undoes both", async () => {
    const { editor, request } = await campaign();
    audit.failNext = true;
    await expect(addMessage(editor, pasted(request.id, { attachments: [new File([PDF_BYTES], "a.pdf", { type: "application/pdf" })] }))).rejects.toThrow(/audit log unavailable/);
    await expectNothingSaved(request.id);
  });
});

describe("uploading an .eml file", () => {
  const eml = (requestId: string, file: File, overrides: Partial<AddMessageFields> = {}): AddMessageFields => ({ requestId, direction: "incoming", source: "eml", eml: file, ...overrides });

  it("reads sender, subject, date and UTF-8 text from a plain email", async () => {
    const { editor, request } = await campaign();
    expect((await addMessage(editor, eml(request.id, emlFile("plain.eml")))).ok).toBe(true);
    const stored = await db.message.findFirstOrThrow({ where: { requestId: request.id } });
    expect(stored).toMatchObject({ fromName: "Oxleas FOI Team", fromAddress: "foi@oxleas.example", subject: "RE: FOI request – Band 7 posts", bodyHtml: null });
    expect(stored.toAddress).toContain("campaign@lxp.example");
    expect(stored.sentAt.toISOString()).toBe("2021-08-31T09:15:00.000Z");
    expect(stored.bodyText).toContain("Diolch yn fawr: ŵ ŷ.");
    expect(stored.bodyText).not.toContain("\r");
  });

  it("stores the HTML sanitised: no script, handler, javascript: link, style or tracking image", async () => {
    const { editor, request } = await campaign();
    expect((await addMessage(editor, eml(request.id, emlFile("html-script.eml")))).ok).toBe(true);
    const stored = await db.message.findFirstOrThrow({ where: { requestId: request.id }, select: { bodyHtml: true, bodyText: true } });
    expect(stored.bodyText).toContain("Please see our answer at https://www.trust.example/foi.");
    expect(stored.bodyHtml).toContain('<a href="https://www.trust.example/foi" rel="noopener noreferrer nofollow" target="_blank">the FOI page</a>');
    expect(stored.bodyHtml).toContain("<p>Please see ");
    expect(stored.bodyHtml).not.toMatch(/script|alert|onclick|onload|javascript:|<img|<style|Hidden|tracker/i);
  });

  it("stores a PDF attachment with its SHA-256 and size", async () => {
    const { editor, request } = await campaign();
    expect((await addMessage(editor, eml(request.id, emlFile("with-pdf.eml")))).ok).toBe(true);
    const [file] = await db.attachment.findMany({ where: { message: { requestId: request.id } } });
    expect(file).toMatchObject({ filename: "FOI response 2021-1525.pdf", contentType: "application/pdf", size: 218, sha256: "5720db78aad4d195de658c315587241b1f2de193e51a0de5c5f994cf31eff5bc" });
    expect(Buffer.from(file!.data).subarray(0, 8).toString()).toBe("%PDF-1.4");
  });

  it("keeps an .html attachment only as bytes to download (application/octet-stream)", async () => {
    const { editor, request } = await campaign();
    expect((await addMessage(editor, eml(request.id, emlFile("with-html-attachment.eml")))).ok).toBe(true);
    const file = await db.attachment.findFirstOrThrow({ where: { message: { requestId: request.id } }, select: { id: true, filename: true, contentType: true } });
    expect(file).toMatchObject({ filename: "page.html", contentType: "application/octet-stream" });
    const download = await getAttachmentForDownload(editor, file.id);
    expect(attachmentResponseHeaders(download)).toMatchObject({ "Content-Type": "application/octet-stream", "Content-Disposition": `attachment; filename="page.html"; filename*=UTF-8''page.html` });
  });

  it("adds attachments chosen by hand to those in the email", async () => {
    const { editor, request } = await campaign();
    const extra = new File([PDF_BYTES], "our-notes.pdf", { type: "application/pdf" });
    expect((await addMessage(editor, eml(request.id, emlFile("with-pdf.eml"), { attachments: [extra] }))).ok).toBe(true);
    const names = await db.attachment.findMany({ where: { message: { requestId: request.id } }, orderBy: { createdAt: "asc" }, select: { filename: true } });
    expect(names.map((n) => n.filename)).toEqual(["FOI response 2021-1525.pdf", "our-notes.pdf"]);
  });

  it.each([
    ["no file", undefined, /Choose the .eml file/],
    ["an empty file", new File([], "empty.eml"), /The .eml file is empty/],
    ["text that is not an email", new File(["hello world, no headers here"], "notes.eml"), /no email headers/],
    ["a binary file renamed .eml", new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])], "outlook.eml"), /not an email file/],
    ["an email with no date", new File(["From: a@trust.example\r\nSubject: hi\r\n\r\nbody"], "nodate.eml"), /has no date/],
    ["an email dated before the request was sent", new File(["From: a@trust.example\r\nDate: Sun, 01 Aug 2021 10:00:00 +0100\r\n\r\nbody"], "early.eml"), /The email's date: That is before the request was sent/],
    ["an email dated in the future", new File([`From: a@trust.example\r\nDate: ${new Date(Date.now() + 3 * 86_400_000).toUTCString()}\r\n\r\nbody`], "future.eml"), /The email's date: That date is in the future/],
  ])("refuses %s next to the file field", async (_name, file, pattern) => {
    const { editor, request } = await campaign();
    expectRefused(await addMessage(editor, eml(request.id, file as File)), "eml", pattern);
    await expectNothingSaved(request.id);
  });

  it("refuses an attachment over 25 MB inside the email, naming it", async () => {
    const { editor, request } = await campaign();
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x41).toString("base64").replace(/.{76}/g, "$&\r\n");
    const source = `From: a@trust.example\r\nDate: Thu, 02 Sep 2021 14:30:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nAttached.\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="huge.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${big}\r\n--b--\r\n`;
    expectRefused(await addMessage(editor, eml(request.id, new File([source], "huge.eml"))), "eml", /“huge.pdf” is 25(\.0)? MB; each file can be at most 25(\.0)? MB/);
    await expectNothingSaved(request.id);
  });
});

describe("downloading attachments", () => {
  async function withAttachment() {
    const c = await campaign();
    await addMessage(c.editor, pasted(c.request.id, { attachments: [new File([PDF_BYTES], "response.pdf", { type: "application/pdf" })] }));
    const file = await db.attachment.findFirstOrThrow({ where: { message: { requestId: c.request.id } }, select: { id: true } });
    return { ...c, attachmentId: file.id };
  }

  it("a member gets the bytes; another workspace's member and a forged actor do not", async () => {
    const a = await withAttachment();
    const b = await campaign();
    const download = await getAttachmentForDownload(a.viewer, a.attachmentId);
    expect(Buffer.from(download.data).equals(Buffer.from(PDF_BYTES))).toBe(true);
    expect(download).toMatchObject({ filename: "response.pdf", contentType: "application/pdf", size: PDF_BYTES.length, sha256: sha256(PDF_BYTES) });
    await expect(getAttachmentForDownload(b.editor, a.attachmentId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAttachmentForDownload({ userId: b.editor.userId, workspaceId: a.workspace.id }, a.attachmentId)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the route's lookup finds the file's workspace but answers not found to non-members", async () => {
    const a = await withAttachment();
    const b = await campaign();
    await expect(getAttachmentForUserDownload(a.viewer.userId, a.attachmentId)).resolves.toMatchObject({ filename: "response.pdf" });
    await expect(getAttachmentForUserDownload(b.editor.userId, a.attachmentId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAttachmentForUserDownload(a.viewer.userId, "no-such-file")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a deleted request's files are not served", async () => {
    const a = await withAttachment();
    await db.foiRequest.update({ where: { id: a.request.id }, data: { deletedAt: new Date() } });
    await expect(getAttachmentForDownload(a.editor, a.attachmentId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listMessages(a.editor, a.request.id)).toEqual([]);
  });

  it("lists messages oldest first with their files' descriptions, not their bytes", async () => {
    const a = await withAttachment();
    await addMessage(a.editor, pasted(a.request.id, { sentAt: "2021-08-03", direction: "outgoing", subject: "Earlier" }));
    const messages = await listMessages(a.viewer, a.request.id);
    expect(messages.map((m) => m.subject)).toEqual(["Earlier", "Your request"]);
    expect(messages[1]!.attachments).toEqual([{ id: a.attachmentId, filename: "response.pdf", contentType: "application/pdf", size: PDF_BYTES.length }]);
  });
});

describe("attachment download headers", () => {
  const headers = (filename: string, contentType: string) => attachmentResponseHeaders({ filename, contentType, size: 10 });

  it("always a download, never sniffed, sandboxed and not cached", () => {
    expect(headers("response.pdf", "application/pdf")).toEqual({
      "Content-Type": "application/pdf",
      "Content-Length": "10",
      "Content-Disposition": `attachment; filename="response.pdf"; filename*=UTF-8''response.pdf`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cache-Control": "private, no-store",
    });
  });

  it.each([
    ["application/pdf", "application/pdf"],
    ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["image/png", "image/png"],
    ["text/csv; charset=utf-8", "text/csv"],
    ["text/html", "application/octet-stream"],
    ["TEXT/HTML; charset=utf-8", "application/octet-stream"],
    ["application/xhtml+xml", "application/octet-stream"],
    ["image/svg+xml", "application/octet-stream"],
    ["text/xml", "application/octet-stream"],
    ["application/xml", "application/octet-stream"],
    ["text/javascript", "application/octet-stream"],
    ["message/rfc822", "application/octet-stream"],
    ["", "application/octet-stream"],
  ])("stored %j is served as %j", (stored, served) => {
    expect(headers("f.bin", stored)["Content-Type"]).toBe(served);
  });

  it.each([
    ['a "quoted" name.pdf', `attachment; filename="a _quoted_ name.pdf"; filename*=UTF-8''a%20%22quoted%22%20name.pdf`],
    ["Ymateb ŵ.pdf", `attachment; filename="Ymateb w.pdf"; filename*=UTF-8''Ymateb%20%C5%B5.pdf`],
    ["📎 ردّ.pdf", `attachment; filename="_ ___.pdf"; filename*=UTF-8''%F0%9F%93%8E%20%D8%B1%D8%AF%D9%91.pdf`],
    ["x.pdf\r\nSet-Cookie: a=b", `attachment; filename="x.pdf__Set-Cookie: a=b"; filename*=UTF-8''x.pdf%0D%0ASet-Cookie%3A%20a%3Db`],
    ["it's (1)*!.pdf", `attachment; filename="it's (1)*!.pdf"; filename*=UTF-8''it%27s%20%281%29%2A%21.pdf`],
    ["back\\slash;.pdf", `attachment; filename="back_slash;.pdf"; filename*=UTF-8''back%5Cslash%3B.pdf`],
  ])("encodes the filename %j safely", (filename, disposition) => {
    const value = headers(filename, "application/pdf")["Content-Disposition"];
    expect(value).toBe(disposition);
    expect(value).not.toMatch(/[\r\n]/);
  });
});
