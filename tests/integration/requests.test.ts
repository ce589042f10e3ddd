import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { createRequest } from "@/lib/requests/create-request";
import { updateRequest } from "@/lib/requests/update-request";
import { recordEvent } from "@/lib/requests/record-event";
import { removeEvent } from "@/lib/requests/remove-event";
import { deleteRequest, listDeletedRequests, restoreRequest } from "@/lib/requests/delete-request";
import { getRequest } from "@/lib/requests/get-request";
import { listRequests } from "@/lib/requests/queries";
import { makeMember, makeWorkspace } from "../support/factories";

async function campaign() {
  const ws = await makeWorkspace({ withDirectory: true });
  const editor = await makeMember(ws.id, "editor");
  const owner = await makeMember(ws.id, "owner");
  const viewer = await makeMember(ws.id, "viewer");
  const oxleas = await db.publicBody.findFirstOrThrow({ where: { workspaceId: ws.id, key: "oxleas" }, select: { id: true } });
  return { ws, editor, owner, viewer, oxleas };
}

const letter = { title: "Band 7 LXP posts", letter: "Dear Oxleas NHS Foundation Trust, ...", law: "foia", channel: "email" };

async function sentRequest(sentDate = "2021-08-02") {
  const c = await campaign();
  const created = await createRequest(c.editor, { ...letter, bodyId: c.oxleas.id, sentDate });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return { ...c, requestId: created.requestId };
}

const stored = (id: string) =>
  db.foiRequest.findUniqueOrThrow({ where: { id }, select: { status: true, receivedOn: true, dueOn: true, reviewDueOn: true, answeredOn: true } }).then((r) => ({
    status: r.status,
    received: r.receivedOn?.toISOString().slice(0, 10) ?? null,
    due: r.dueOn?.toISOString().slice(0, 10) ?? null,
    reviewDue: r.reviewDueOn?.toISOString().slice(0, 10) ?? null,
    answered: r.answeredOn?.toISOString().slice(0, 10) ?? null,
  }));

describe("logging a request", () => {
  it("a draft has no clock; giving it a sent date starts one, and then its letter is fixed", async () => {
    const c = await campaign();
    const draft = await createRequest(c.editor, { ...letter, bodyId: c.oxleas.id });
    expect(draft.ok).toBe(true);
    const id = (draft as { requestId: string }).requestId;
    expect(await stored(id)).toMatchObject({ status: "draft", due: null });

    const sent = await updateRequest(c.editor, { ...letter, requestId: id, bodyId: c.oxleas.id, letter: "Edited before sending", sentDate: "2021-08-02", sentTime: "09:30" });
    expect(sent.ok).toBe(true);
    // Received Monday 2 August 2021 (Scottish bank holiday, not a working day UK-wide): due Tuesday 31 August.
    expect(await stored(id)).toEqual({ status: "awaiting_response", received: "2021-08-02", due: "2021-08-31", reviewDue: null, answered: null });

    const attempt = await updateRequest(c.editor, { ...letter, requestId: id, bodyId: c.oxleas.id, letter: "Rewriting history", authorityRef: "FOI 123" });
    expect(attempt.ok).toBe(true);
    const after = await db.foiRequest.findUniqueOrThrow({ where: { id }, select: { letter: true, authorityRef: true } });
    expect(after).toEqual({ letter: "Edited before sending", authorityRef: "FOI 123" });
  });

  it("refuses bad input next to the field and saves nothing", async () => {
    const c = await campaign();
    const before = await db.foiRequest.count({ where: { workspaceId: c.ws.id } });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...letter, bodyId: c.oxleas.id, title: "" }, "title"],
      [{ ...letter, bodyId: c.oxleas.id, title: "x".repeat(301) }, "title"],
      [{ ...letter, bodyId: c.oxleas.id, letter: "x".repeat(100_001) }, "letter"],
      [{ ...letter, bodyId: c.oxleas.id, sentDate: "2021-02-30" }, "sentDate"],
      [{ ...letter, bodyId: c.oxleas.id, sentDate: "02/08/2021" }, "sentDate"],
      [{ ...letter, bodyId: c.oxleas.id, sentDate: "2999-01-01" }, "sentDate"],
      [{ ...letter, bodyId: c.oxleas.id, law: "gdpr" }, "law"],
      [{ ...letter, bodyId: c.oxleas.id, externalUrl: "javascript:alert(1)" }, "externalUrl"],
      [{ ...letter, bodyId: c.oxleas.id, channel: "whatdotheyknow", externalUrl: "https://evil.example/request" }, "externalUrl"],
      [{ ...letter, bodyId: "" }, "bodyId"],
    ];
    for (const [input, field] of cases) {
      const result = await createRequest(c.editor, input);
      expect(result.ok, `${field} ${JSON.stringify(input).slice(0, 80)}`).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors)).toContain(field);
    }
    // Another workspace's body.
    const other = await makeWorkspace({ withDirectory: true });
    const foreign = await db.publicBody.findFirstOrThrow({ where: { workspaceId: other.id }, select: { id: true } });
    expect(await createRequest(c.editor, { ...letter, bodyId: foreign.id })).toMatchObject({ ok: false, fieldErrors: { bodyId: [expect.any(String)] } });
    expect(await db.foiRequest.count({ where: { workspaceId: c.ws.id } })).toBe(before);
  });

  it("keeps HTML and Unicode as text", async () => {
    const c = await campaign();
    const title = "<script>alert('x')</script> Ymholiad ŵ 🌈 طلب";
    const created = await createRequest(c.editor, { ...letter, title, bodyId: c.oxleas.id });
    const row = await db.foiRequest.findUniqueOrThrow({ where: { id: (created as { requestId: string }).requestId }, select: { title: true } });
    expect(row.title).toBe(title);
  });

  it("viewers cannot log or change requests; other workspaces cannot see them", async () => {
    const c = await sentRequest();
    await expect(createRequest(c.viewer, { ...letter, bodyId: c.oxleas.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordEvent(c.viewer, { requestId: c.requestId, kind: "acknowledged", date: "2021-08-03" })).rejects.toBeInstanceOf(ForbiddenError);
    const stranger = await makeMember((await makeWorkspace()).id, "owner");
    await expect(recordEvent(stranger, { requestId: c.requestId, kind: "acknowledged", date: "2021-08-03" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRequest(stranger, c.requestId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteRequest(stranger, c.requestId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("each transition and its effect on the clock", () => {
  it("acknowledgement changes nothing; a response stops the clock", async () => {
    const c = await sentRequest();
    expect((await recordEvent(c.editor, { requestId: c.requestId, kind: "acknowledged", date: "2021-08-03" })).ok).toBe(true);
    expect(await stored(c.requestId)).toMatchObject({ status: "awaiting_response", due: "2021-08-31" });
    expect((await recordEvent(c.editor, { requestId: c.requestId, kind: "response_partial", date: "2021-08-27", exemptions: "s40, s43(2)" })).ok).toBe(true);
    expect(await stored(c.requestId)).toMatchObject({ status: "partially_successful", answered: "2021-08-27" });
    const event = await db.requestEvent.findFirstOrThrow({ where: { requestId: c.requestId, kind: "response_partial" }, select: { exemptions: true } });
    expect(event.exemptions).toEqual(["s40", "s43(2)"]);
  });

  it("a clarification pauses the clock and restarts it from the clarification, nothing carried over", async () => {
    const c = await sentRequest();
    await recordEvent(c.editor, { requestId: c.requestId, kind: "clarification_requested", date: "2021-08-10" });
    expect(await stored(c.requestId)).toMatchObject({ status: "awaiting_clarification", due: null });
    await recordEvent(c.editor, { requestId: c.requestId, kind: "clarification_sent", date: "2021-08-16" });
    // Day 0 Monday 16 August 2021; 20 working days (30 August is a bank holiday) end Tuesday 14 September.
    expect(await stored(c.requestId)).toMatchObject({ status: "awaiting_response", received: "2021-08-16", due: "2021-09-14" });
  });

  it("a fees notice pauses the clock; the days from notice to payment are disregarded", async () => {
    const c = await sentRequest();
    await recordEvent(c.editor, { requestId: c.requestId, kind: "fees_notice", date: "2021-08-09" });
    expect(await stored(c.requestId)).toMatchObject({ status: "awaiting_fee", due: null });
    await recordEvent(c.editor, { requestId: c.requestId, kind: "fee_paid", date: "2021-08-11" });
    // 9, 10 and 11 August (three working days) do not count: 31 August moves three working days, to Friday 3 September.
    expect(await stored(c.requestId)).toMatchObject({ status: "awaiting_response", due: "2021-09-03" });
  });

  it("FOIA s10(3), s17(2): an extension naming no exemption leaves the due date; a revised notice naming s43 moves it to the body's date", async () => {
    const c = await sentRequest();
    await recordEvent(c.editor, { requestId: c.requestId, kind: "extension", date: "2021-08-27", newDueDate: "2021-09-20" });
    expect(await stored(c.requestId)).toMatchObject({ status: "extended", due: "2021-08-31" });
    const revised = await recordEvent(c.editor, { requestId: c.requestId, kind: "extension", date: "2021-08-30", newDueDate: "2021-09-20", exemptions: "s43(2)" });
    expect(revised.ok).toBe(true);
    expect(await stored(c.requestId)).toMatchObject({ status: "extended", due: "2021-09-20" });
    const event = await db.requestEvent.findFirst({ where: { requestId: c.requestId, kind: "extension", exemptions: { has: "s43(2)" } }, select: { id: true } });
    expect(event).not.toBeNull();
  });

  it("FOIA s1(3): a clarification recorded as not reasonably required is saved and keeps the due date; the flag goes only with a clarification", async () => {
    const c = await sentRequest();
    const wrong = await recordEvent(c.editor, { requestId: c.requestId, kind: "note", date: "2021-08-10", notReasonablyRequired: "yes" });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { notReasonablyRequired: [expect.stringMatching(/request for clarification/)] } });
    await recordEvent(c.editor, { requestId: c.requestId, kind: "clarification_requested", date: "2021-08-10", notReasonablyRequired: "yes" });
    expect(await stored(c.requestId)).toMatchObject({ status: "awaiting_clarification", due: "2021-08-31" });
  });

  it("a refusal, then an internal review with its own clock, then the ICO", async () => {
    const c = await sentRequest();
    await recordEvent(c.editor, { requestId: c.requestId, kind: "response_refused", date: "2021-08-20", exemptions: "s43" });
    await recordEvent(c.editor, { requestId: c.requestId, kind: "internal_review_requested", date: "2021-08-23" });
    // Review requested Monday 23 August 2021: 20 working days (30 August is a holiday) end Tuesday 21 September.
    expect(await stored(c.requestId)).toMatchObject({ status: "internal_review", reviewDue: "2021-09-21" });
    const noResult = await recordEvent(c.editor, { requestId: c.requestId, kind: "internal_review_answered", date: "2021-09-10" });
    expect(noResult).toMatchObject({ ok: false, fieldErrors: { result: ["Choose what was decided."] } });
    await recordEvent(c.editor, { requestId: c.requestId, kind: "internal_review_answered", date: "2021-09-10", result: "refused" });
    expect(await stored(c.requestId)).toMatchObject({ status: "refused", reviewDue: null });
    await recordEvent(c.editor, { requestId: c.requestId, kind: "ico_complaint", date: "2021-09-13" });
    await recordEvent(c.editor, { requestId: c.requestId, kind: "ico_decision", date: "2021-11-01", result: "successful" });
    expect((await stored(c.requestId)).status).toBe("successful");
    const audit = await db.auditLog.count({ where: { entityId: c.requestId, action: "request.event", userId: c.editor.userId } });
    expect(audit).toBe(5);
  });

  it("refuses impossible sequences and dates with a reason next to the field, saving nothing", async () => {
    const c = await sentRequest();
    const before = await db.requestEvent.count({ where: { requestId: c.requestId } });
    expect(await recordEvent(c.editor, { requestId: c.requestId, kind: "internal_review_answered", date: "2021-08-10", result: "refused" })).toMatchObject({
      ok: false,
      fieldErrors: { kind: [expect.stringMatching(/asked for an internal review first/)] },
    });
    expect(await recordEvent(c.editor, { requestId: c.requestId, kind: "acknowledged", date: "2021-07-30" })).toMatchObject({
      ok: false,
      fieldErrors: { date: [expect.stringMatching(/before the request was sent/)] },
    });
    expect(await recordEvent(c.editor, { requestId: c.requestId, kind: "acknowledged", date: "2999-01-01" })).toMatchObject({ ok: false, fieldErrors: { date: [expect.stringMatching(/future/)] } });
    expect(await recordEvent(c.editor, { requestId: c.requestId, kind: "acknowledged", date: "2021-02-30" })).toMatchObject({ ok: false, fieldErrors: { date: [expect.stringMatching(/does not exist/)] } });
    expect(await recordEvent(c.editor, { requestId: c.requestId, kind: "explode", date: "2021-08-03" })).toMatchObject({ ok: false, fieldErrors: { kind: [expect.any(String)] } });
    expect(await recordEvent(c.editor, { requestId: c.requestId, kind: "acknowledged", date: "2021-08-03", exemptions: "s40" })).toMatchObject({ ok: false, fieldErrors: { exemptions: [expect.any(String)] } });
    expect(await db.requestEvent.count({ where: { requestId: c.requestId } })).toBe(before);
    expect((await stored(c.requestId)).status).toBe("awaiting_response");
  });
});

describe("same-day events and drafts", () => {
  it("an acknowledgement with no time, on the day a request was sent in the afternoon, comes after the sending", async () => {
    const c = await campaign();
    const created = await createRequest(c.editor, { ...letter, bodyId: c.oxleas.id, sentDate: "2021-08-02", sentTime: "16:45" });
    const requestId = (created as { requestId: string }).requestId;
    expect((await recordEvent(c.editor, { requestId, kind: "acknowledged", date: "2021-08-02" })).ok).toBe(true);
    expect((await recordEvent(c.editor, { requestId, kind: "response_successful", date: "2021-08-02" })).ok).toBe(true);
    expect((await stored(requestId)).status).toBe("successful");
  });

  it("a draft takes no timeline entries until it has a sent date", async () => {
    const c = await campaign();
    const draft = await createRequest(c.editor, { ...letter, bodyId: c.oxleas.id });
    const requestId = (draft as { requestId: string }).requestId;
    expect(await recordEvent(c.editor, { requestId, kind: "note", date: "2021-08-02" })).toMatchObject({ ok: false, fieldErrors: { kind: [expect.stringMatching(/date it was sent/)] } });
  });

  it("two editors recording at once are applied one after the other, never both against the old timeline", async () => {
    const c = await sentRequest();
    const results = await Promise.all([
      recordEvent(c.editor, { requestId: c.requestId, kind: "response_successful", date: "2021-08-20" }),
      recordEvent(c.owner, { requestId: c.requestId, kind: "extension", date: "2021-08-21" }),
    ]);
    // The extension after a response is impossible, whichever ran first.
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const events = await db.requestEvent.findMany({ where: { requestId: c.requestId }, select: { kind: true } });
    expect(events).toHaveLength(2);
  });
});

describe("taking back a timeline entry", () => {
  it("removes an entry recorded by mistake, and the status and clock follow", async () => {
    const c = await sentRequest();
    await recordEvent(c.editor, { requestId: c.requestId, kind: "clarification_requested", date: "2021-08-10" });
    expect(await stored(c.requestId)).toMatchObject({ status: "awaiting_clarification", due: null });
    const mistake = await db.requestEvent.findFirstOrThrow({ where: { requestId: c.requestId, kind: "clarification_requested" }, select: { id: true } });
    expect(await removeEvent(c.editor, mistake.id)).toEqual({ ok: true, requestId: c.requestId });
    expect(await stored(c.requestId)).toMatchObject({ status: "awaiting_response", due: "2021-08-31" });
    expect(await db.auditLog.count({ where: { entityId: c.requestId, action: "request.event_remove" } })).toBe(1);
  });

  it("refuses when the rest would not make sense, the sending itself, viewers and other workspaces", async () => {
    const c = await sentRequest();
    await recordEvent(c.editor, { requestId: c.requestId, kind: "response_refused", date: "2021-08-20" });
    await recordEvent(c.editor, { requestId: c.requestId, kind: "internal_review_requested", date: "2021-08-23" });
    const refusal = await db.requestEvent.findFirstOrThrow({ where: { requestId: c.requestId, kind: "response_refused" }, select: { id: true } });
    const sent = await db.requestEvent.findFirstOrThrow({ where: { requestId: c.requestId, kind: "sent" }, select: { id: true } });
    // Without the refusal, the review request stands on a request still in time: that is allowed (a long-delay review).
    const review = await db.requestEvent.findFirstOrThrow({ where: { requestId: c.requestId, kind: "internal_review_requested" }, select: { id: true } });
    await recordEvent(c.editor, { requestId: c.requestId, kind: "internal_review_answered", date: "2021-09-10", result: "refused" });
    expect(await removeEvent(c.editor, review.id)).toMatchObject({ ok: false, message: expect.stringMatching(/Remove the later entries first/) });
    expect(await removeEvent(c.editor, sent.id)).toMatchObject({ ok: false, message: expect.stringMatching(/cannot be taken back/) });
    await expect(removeEvent(c.viewer, refusal.id)).rejects.toBeInstanceOf(ForbiddenError);
    const stranger = await makeMember((await makeWorkspace()).id, "owner");
    await expect(removeEvent(stranger, refusal.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.requestEvent.count({ where: { requestId: c.requestId } })).toBe(4);
  });
});

describe("the requests list", () => {
  it("filters by status, body, law and overdue, by URL parameters", async () => {
    const c = await sentRequest("2021-08-02");
    const other = await db.publicBody.findFirstOrThrow({ where: { workspaceId: c.ws.id, key: "solent" }, select: { id: true } });
    await createRequest(c.editor, { ...letter, bodyId: other.id, law: "eir" });
    expect((await listRequests(c.editor, { overdue: "1" })).rows.map((r) => r.id)).toEqual([c.requestId]);
    expect((await listRequests(c.editor, { status: "draft" })).rows).toHaveLength(1);
    expect((await listRequests(c.editor, { law: "eir" })).rows).toHaveLength(1);
    expect((await listRequests(c.editor, { body: c.oxleas.id })).rows.map((r) => r.id)).toEqual([c.requestId]);
    expect((await listRequests(c.editor, { status: "nonsense", page: "-3" })).total).toBe(2);

    const batch = await db.batch.create({ data: { workspaceId: c.ws.id, name: "Follow-up", titleTemplate: "t", template: "l", state: "sent" } });
    await db.foiRequest.update({ where: { id: c.requestId }, data: { batchId: batch.id } });
    const inBatch = await listRequests(c.editor, { batch: batch.id });
    expect(inBatch.rows.map((r) => r.id)).toEqual([c.requestId]);
    expect(inBatch.batches).toEqual([{ id: batch.id, name: "Follow-up" }]);
    const otherWorkspace = await makeWorkspace();
    const outsider = await makeMember(otherWorkspace.id, "owner");
    expect((await listRequests(outsider, { batch: batch.id })).total).toBe(0);
    expect((await listRequests(outsider)).batches).toEqual([]);
  });
});

describe("deleting", () => {
  it("is a soft delete an owner can undo for 30 days", async () => {
    const c = await sentRequest();
    await deleteRequest(c.editor, c.requestId);
    expect((await listRequests(c.editor)).rows).toHaveLength(0);
    await expect(getRequest(c.editor, c.requestId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(restoreRequest(c.editor, c.requestId)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listDeletedRequests(c.owner)).map((r) => r.id)).toEqual([c.requestId]);
    await restoreRequest(c.owner, c.requestId);
    expect((await getRequest(c.owner, c.requestId)).id).toBe(c.requestId);

    await deleteRequest(c.editor, c.requestId);
    await db.foiRequest.update({ where: { id: c.requestId }, data: { deletedAt: new Date(Date.now() - 31 * 86_400_000) } });
    await expect(restoreRequest(c.owner, c.requestId)).rejects.toThrow(/more than 30 days ago/);
    const actions = await db.auditLog.findMany({ where: { entityId: c.requestId }, select: { action: true }, orderBy: { createdAt: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["request.create", "request.delete", "request.restore", "request.delete"]);
  });
});
