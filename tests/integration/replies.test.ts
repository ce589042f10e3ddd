import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/auth/errors";
import { createRequest } from "@/lib/requests/create-request";
import { fileReply } from "@/lib/replies/file-reply";
import { confirmSuggestion, dismissSuggestion } from "@/lib/replies/confirm";
import { assignReply, discardReply, startRequestFromReply } from "@/lib/replies/assign";
import { countUnmatched, listUnmatched } from "@/lib/replies/queries";
import { listRequests } from "@/lib/requests/queries";
import type { IncomingReply } from "@/lib/replies/types";
import { makeMember, makeWorkspace } from "../support/factories";

const EXTENSION_TEXT =
  "Dear Campaigner,\n\nWe are considering the public interest test for section 43(2). We need to extend the deadline and now aim to respond by Monday 20 September 2021.\n\nFOI Team";

/** A workspace whose letter to Oxleas went on Monday 2 August 2021, by email, with its Message-ID. */
async function campaign(key = "oxleas") {
  const ws = await makeWorkspace({ withDirectory: true });
  const editor = await makeMember(ws.id, "editor");
  const viewer = await makeMember(ws.id, "viewer");
  const body = await db.publicBody.findFirstOrThrow({ where: { workspaceId: ws.id, key }, select: { id: true } });
  await db.publicBody.update({ where: { id: body.id }, data: { foiEmail: `foi@${key}.example.nhs.uk` } });
  const request = await sentRequest(editor, body.id);
  return { ws, editor, viewer, body, ...request };
}

async function sentRequest(editor: { userId: string; workspaceId: string }, bodyId: string) {
  const created = await createRequest(editor, { title: "Band 7 posts", letter: "Dear trust", law: "foia", channel: "email", bodyId, sentDate: "2021-08-02" });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const messageId = `${crypto.randomUUID()}@foi-tracker.test`;
  const body = await db.publicBody.findUniqueOrThrow({ where: { id: bodyId }, select: { foiEmail: true } });
  await db.delivery.create({
    data: { workspaceId: editor.workspaceId, requestId: created.requestId, toAddress: body.foiEmail ?? "foi@example.org", subject: "Band 7 posts", text: "Dear trust", messageId: `<${messageId}>`, transport: "smtp", state: "sent" },
  });
  const { reference, dueOn } = await db.foiRequest.findUniqueOrThrow({ where: { id: created.requestId }, select: { reference: true, dueOn: true } });
  return { requestId: created.requestId, reference, letterMessageId: messageId, dueOn: dueOn?.toISOString().slice(0, 10) };
}

function reply(overrides: Partial<IncomingReply> = {}): IncomingReply {
  return {
    source: "imap",
    sourceKey: `${crypto.randomUUID()}@trust.example`,
    fromAddress: "someone@unknown.example",
    subject: "Band 7 posts",
    sentAt: new Date("2021-08-27T10:00:00Z"),
    text: EXTENSION_TEXT,
    ...overrides,
  };
}

const clockOf = (id: string) =>
  db.foiRequest.findUniqueOrThrow({ where: { id }, select: { status: true, dueOn: true, _count: { select: { events: true } } } }).then((r) => ({ status: r.status, due: r.dueOn?.toISOString().slice(0, 10), events: r._count.events }));

describe("filing a reply", () => {
  it("files a reply to our letter on its request with a suggested extension, and changes no clock", async () => {
    const c = await campaign();
    const before = await clockOf(c.requestId);
    const filed = await fileReply(c.ws.id, reply({ inReplyTo: `<${c.letterMessageId}>`, html: "<p>Extension</p><script>alert(1)</script>" }));
    expect(filed).toMatchObject({ requestId: c.requestId, created: true, suggestion: { kind: "extension", on: "2021-08-27", newDueOn: "2021-09-20", exemptions: ["s43(2)"] } });
    const stored = await db.message.findUniqueOrThrow({ where: { id: filed.messageId }, select: { matchedBy: true, review: true, bodyHtml: true, source: true, direction: true } });
    expect(stored).toMatchObject({ matchedBy: "in_reply_to", review: "pending", source: "imap", direction: "incoming" });
    expect(stored.bodyHtml).not.toContain("script");
    expect(await clockOf(c.requestId)).toEqual(before);
  });

  it("matches the token of this workspace's request however the subject was mangled", async () => {
    const c = await campaign();
    const filed = await fileReply(c.ws.id, reply({ subject: `RE: FW: AW: Band 7\r\n posts [FOI # ${c.reference}]` }));
    expect(filed.requestId).toBe(c.requestId);
    expect((await db.message.findUniqueOrThrow({ where: { id: filed.messageId } })).matchedBy).toBe("token");
  });

  it("matches by the sender's domain only when the body has exactly one open request", async () => {
    const c = await campaign();
    const byDomain = await fileReply(c.ws.id, reply({ fromAddress: "Jane.Smith@OXLEAS.example.nhs.uk" }));
    expect(byDomain.requestId).toBe(c.requestId);
    const second = await sentRequest(c.editor, c.body.id);
    const ambiguous = await fileReply(c.ws.id, reply({ fromAddress: "jane.smith@oxleas.example.nhs.uk" }));
    expect(ambiguous.requestId).toBeNull();
    expect(second.requestId).not.toBe(c.requestId);
    const shared = await fileReply(c.ws.id, reply({ fromAddress: "someone@nhs.net" }));
    expect(shared.requestId).toBeNull();
  });

  it("never files by another workspace's Message-ID or token, nor trusts the sender of a foreign token", async () => {
    const mine = await campaign();
    const theirs = await campaign();
    const byHeader = await fileReply(mine.ws.id, reply({ inReplyTo: `<${theirs.letterMessageId}>`, references: [`<${theirs.letterMessageId}>`] }));
    expect(byHeader.requestId).toBeNull();
    const byToken = await fileReply(mine.ws.id, reply({ subject: `Re: Band 7 posts [FOI #${theirs.reference}]`, fromAddress: "foi@oxleas.example.nhs.uk" }));
    expect(byToken.requestId).toBeNull();
    expect(await db.message.count({ where: { requestId: theirs.requestId } })).toBe(0);
    // The same message filed into the other workspace does land there.
    const there = await fileReply(theirs.ws.id, reply({ inReplyTo: `<${theirs.letterMessageId}>` }));
    expect(there.requestId).toBe(theirs.requestId);
  });

  it("leaves a reply naming two requests unmatched", async () => {
    const c = await campaign();
    const other = await sentRequest(c.editor, c.body.id);
    const filed = await fileReply(c.ws.id, reply({ subject: `Re: [FOI #${c.reference}] and [FOI #${other.reference}]` }));
    expect(filed.requestId).toBeNull();
  });

  it("stores a message once, however often and however concurrently it is filed", async () => {
    const c = await campaign();
    const same = reply({ inReplyTo: `<${c.letterMessageId}>`, attachments: [{ filename: "letter.pdf", contentType: "application/pdf", data: Buffer.from("%PDF-1.4\n%%EOF\n") }] });
    const results = await Promise.all(Array.from({ length: 6 }, () => fileReply(c.ws.id, same)));
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.message.count({ where: { workspaceId: c.ws.id, sourceKey: same.sourceKey } })).toBe(1);
    expect(await db.attachment.count({ where: { messageId: results[0]!.messageId } })).toBe(1);
    const again = await fileReply(c.ws.id, same);
    expect(again).toMatchObject({ messageId: results[0]!.messageId, created: false, requestId: c.requestId });
  });

  it("files an auto-reply with no suggestion, and refuses a known request of another workspace", async () => {
    const c = await campaign();
    const other = await campaign();
    const auto = await fileReply(c.ws.id, reply({ inReplyTo: `<${c.letterMessageId}>`, autoSubmitted: true }));
    expect(auto).toMatchObject({ requestId: c.requestId, suggestion: null });
    expect((await db.message.findUniqueOrThrow({ where: { id: auto.messageId } })).review).toBe("none");
    await expect(fileReply(c.ws.id, reply({ source: "whatdotheyknow", requestId: other.requestId }))).rejects.toBeInstanceOf(NotFoundError);
    const known = await fileReply(c.ws.id, reply({ source: "whatdotheyknow", sourceKey: "www.whatdotheyknow.com/incoming/1", requestId: c.requestId }));
    expect(known.requestId).toBe(c.requestId);
  });

  it("keeps the message when an attachment is over the limit, and says so", async () => {
    const c = await campaign();
    const big = Buffer.alloc(26 * 1024 * 1024, 1);
    const filed = await fileReply(c.ws.id, reply({ attachments: [{ filename: "huge.pdf", contentType: "application/pdf", data: big }] }));
    const stored = await db.message.findUniqueOrThrow({ where: { id: filed.messageId }, select: { bodyText: true, _count: { select: { attachments: true } } } });
    expect(stored._count.attachments).toBe(0);
    expect(stored.bodyText).toContain("“huge.pdf” (26.0 MB) was not kept");
  });
});

describe("confirming what a reply means", () => {
  it("one confirmation records the extension linked to the message and moves the due date; a second is refused", async () => {
    const c = await campaign();
    const filed = await fileReply(c.ws.id, reply({ inReplyTo: `<${c.letterMessageId}>` }));
    expect(c.dueOn).toBe("2021-08-31");
    await expect(confirmSuggestion(c.viewer, filed.messageId, {})).rejects.toBeInstanceOf(ForbiddenError);
    const results = await Promise.allSettled([confirmSuggestion(c.editor, filed.messageId, {}), confirmSuggestion(c.editor, filed.messageId, {})]);
    expect(results.filter((r) => r.status === "fulfilled" && r.value.ok)).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected && (rejected as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await clockOf(c.requestId)).toEqual({ status: "extended", due: "2021-09-20", events: 2 });
    const event = await db.requestEvent.findFirstOrThrow({ where: { requestId: c.requestId, kind: "extension" } });
    expect(event).toMatchObject({ messageId: filed.messageId, exemptions: ["s43(2)"], note: null });
    expect((await db.message.findUniqueOrThrow({ where: { id: filed.messageId } })).review).toBe("confirmed");
  });

  it("a person can change the suggestion before confirming, and a refused change records nothing", async () => {
    const c = await campaign();
    const filed = await fileReply(c.ws.id, reply({ inReplyTo: `<${c.letterMessageId}>` }));
    const refused = await confirmSuggestion(c.editor, filed.messageId, { newDueDate: "2021-08-01" });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { newDueDate: [expect.any(String)] } });
    expect((await db.message.findUniqueOrThrow({ where: { id: filed.messageId } })).review).toBe("pending");
    expect(await confirmSuggestion(c.editor, filed.messageId, { newDueDate: "2021-09-24" })).toMatchObject({ ok: true });
    expect((await clockOf(c.requestId)).due).toBe("2021-09-24");
  });

  it("'Not this' records nothing and stops the suggestion waiting; other workspaces cannot touch it", async () => {
    const c = await campaign();
    const stranger = await campaign();
    const filed = await fileReply(c.ws.id, reply({ inReplyTo: `<${c.letterMessageId}>` }));
    await expect(dismissSuggestion(stranger.editor, filed.messageId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(confirmSuggestion(stranger.editor, filed.messageId, {})).rejects.toBeInstanceOf(NotFoundError);
    await dismissSuggestion(c.editor, filed.messageId);
    expect((await db.message.findUniqueOrThrow({ where: { id: filed.messageId } })).review).toBe("dismissed");
    expect((await clockOf(c.requestId)).events).toBe(1);
    await expect(confirmSuggestion(c.editor, filed.messageId, {})).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("the Unmatched inbox", () => {
  it("suggests the likely requests, and a person files the message on one: its suggestion and alert follow", async () => {
    const c = await campaign();
    const second = await sentRequest(c.editor, c.body.id);
    const filed = await fileReply(c.ws.id, reply({ fromAddress: "jane@oxleas.example.nhs.uk", text: "The Trust does not hold the information you have requested." }));
    expect(filed.requestId).toBeNull();
    const inbox = await listUnmatched(c.viewer);
    const shown = inbox.messages.find((m) => m.id === filed.messageId)!;
    expect(shown.likely.map((r) => r.id).sort()).toEqual([c.requestId, second.requestId].sort());
    expect(shown.why).toMatch(/more than one open request/);
    await expect(assignReply(c.viewer, { messageId: filed.messageId, requestId: second.requestId })).rejects.toBeInstanceOf(ForbiddenError);
    const stranger = await campaign();
    await expect(assignReply(stranger.editor, { messageId: filed.messageId, requestId: stranger.requestId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignReply(c.editor, { messageId: filed.messageId, requestId: stranger.requestId })).rejects.toBeInstanceOf(InvalidError);
    await assignReply(c.editor, { messageId: filed.messageId, requestId: second.requestId });
    const stored = await db.message.findUniqueOrThrow({ where: { id: filed.messageId } });
    expect(stored).toMatchObject({ requestId: second.requestId, matchedBy: "person", review: "pending", suggestion: { kind: "response_not_held" } });
    expect((await listUnmatched(c.viewer)).messages.some((m) => m.id === filed.messageId)).toBe(false);
    await expect(assignReply(c.editor, { messageId: filed.messageId, requestId: c.requestId })).rejects.toBeInstanceOf(ConflictError);
    const listed = await listRequests(c.viewer, { replies: "1" });
    expect(listed.rows.map((r) => r.id)).toEqual([second.requestId]);
  });

  it("starts a new request for a message and files it there, or saves nothing", async () => {
    const c = await campaign();
    const filed = await fileReply(c.ws.id, reply({ subject: "Your FOI about agency staff" }));
    const refused = await startRequestFromReply(c.editor, filed.messageId, { messageId: filed.messageId, bodyId: "", title: "Agency staff", letter: "x", law: "foia", channel: "email" });
    expect(refused.ok).toBe(false);
    expect((await db.message.findUniqueOrThrow({ where: { id: filed.messageId } })).requestId).toBeNull();
    const created = await startRequestFromReply(c.editor, filed.messageId, { bodyId: c.body.id, title: "Agency staff", letter: "Sent outside", law: "foia", channel: "email", sentDate: "2021-08-10" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect((await db.message.findUniqueOrThrow({ where: { id: filed.messageId } })).requestId).toBe(created.requestId);
  });

  it("discards a message for good: it leaves the inbox and filing it again brings nothing back", async () => {
    const c = await campaign();
    const spam = reply({ subject: "You have won" });
    const filed = await fileReply(c.ws.id, spam);
    await discardReply(c.editor, filed.messageId);
    expect(await countUnmatched(c.viewer)).toBe(0);
    expect((await fileReply(c.ws.id, spam)).created).toBe(false);
    expect(await countUnmatched(c.viewer)).toBe(0);
  });
});

describe("knowing when something arrives", () => {
  it("raises one 'reply received' alert per request and day, with a notification for each member", async () => {
    const c = await campaign();
    await fileReply(c.ws.id, reply({ inReplyTo: `<${c.letterMessageId}>` }));
    await fileReply(c.ws.id, reply({ inReplyTo: `<${c.letterMessageId}>` }));
    const alerts = await db.alert.findMany({ where: { requestId: c.requestId, kind: "reply_received" }, select: { cycle: true, _count: { select: { notifications: true } } } });
    expect(alerts).toEqual([{ cycle: new Date("2021-08-27T00:00:00Z"), _count: { notifications: 2 } }]);
  });
});
