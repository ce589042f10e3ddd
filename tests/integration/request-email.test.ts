import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/auth/errors";
import { closeSmtpTransport } from "@/lib/mail/transport";
import { createRequest } from "@/lib/requests/create-request";
import { deleteRequest } from "@/lib/requests/delete-request";
import { emailLetter, sendRequestByEmail } from "@/lib/requests/email-letters";
import { recordEvent } from "@/lib/requests/record-event";
import { retryFailed } from "@/lib/batches/send-batch";
import { drain, makeCampaign, startSmtpServer, type TestSmtpServer } from "../support/batch-fixtures";
import { makeWorkspace, makeMember } from "../support/factories";

// Writing to a trust from its request page, over a real SMTP server: the single request, the
// answer to a clarification, the chaser, the internal review and the complaint, each threaded
// (the token in the subject, In-Reply-To and References) and recorded on the timeline once sent.

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  Object.assign(env(), { SMTP_URL: smtp.url });
});

afterAll(async () => {
  Object.assign(env(), { SMTP_URL: undefined, FOI_NOW: undefined });
  closeSmtpTransport();
  await smtp.close();
});

const at = (iso: string) => Object.assign(env(), { FOI_NOW: iso });
const sendKey = () => crypto.randomUUID();
const receivedFor = (to: string) => smtp.received.filter((m) => m.to === to);
const deliveryOf = (id: string) => db.delivery.findUniqueOrThrow({ where: { id }, select: { messageId: true, state: true, subject: true } });
const statusOf = async (id: string) => (await db.foiRequest.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

async function refusal(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => null,
    (e: unknown) => e as Error,
  );
  if (!outcome) throw new Error("Expected a refusal, but it was accepted.");
  return outcome;
}

async function singleRequest(foiEmail: string | null) {
  const campaign = await makeCampaign({ mailbox: "replies@campaign.example" });
  const bodyId = campaign.ids.get("oxleas")!;
  await db.publicBody.update({ where: { id: bodyId }, data: { foiEmail } });
  const created = await createRequest(campaign.editor, { bodyId, title: "Band 7 LXP posts", letter: "Dear Oxleas NHS Foundation Trust,\n\nPlease tell me ...", law: "foia", channel: "email" });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return { ...campaign, requestId: created.requestId };
}

describe("answering from the app", () => {
  it("sends a single request once, then threads the clarification, chaser, review and complaint with the token, In-Reply-To and References", async () => {
    const to = `foi.${crypto.randomUUID().slice(0, 8)}@oxleas.example.org`;
    const { editor, requestId, workspace } = await singleRequest(to);
    const { reference } = await db.foiRequest.findUniqueOrThrow({ where: { id: requestId }, select: { reference: true } });
    const token = `[FOI #${reference}]`;

    // The request itself: a double submit queues one email; the clock starts when it is delivered.
    at("2021-08-02T10:00:00Z");
    const first = await sendRequestByEmail(editor, { requestId });
    expect((await sendRequestByEmail(editor, { requestId })).deliveryId).toBe(first.deliveryId);
    expect(await statusOf(requestId)).toBe("draft");
    await drain();
    const letter = await deliveryOf(first.deliveryId);
    expect(receivedFor(to)).toHaveLength(1);
    expect(receivedFor(to)[0]).toMatchObject({ messageId: letter.messageId, subject: `Band 7 LXP posts ${token}`, replyTo: "replies@campaign.example", inReplyTo: "" });
    const sent = await db.foiRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, dueOn: true } });
    expect(sent.status).toBe("awaiting_response");
    expect(sent.dueOn?.toISOString().slice(0, 10)).toBe("2021-08-31");
    // Its Message-ID is kept on the outgoing message, where a reply naming it is matched.
    const outgoing = await db.message.findFirstOrThrow({ where: { requestId, direction: "outgoing" }, select: { sourceKey: true } });
    expect(`<${outgoing.sourceKey}>`).toBe(letter.messageId);

    // The trust's reply arrives from the mailbox and asks for clarification.
    at("2021-08-10T10:00:00Z");
    const replyId = `${crypto.randomUUID()}@mail.oxleas.example.org`;
    await db.message.create({
      data: { workspaceId: workspace.id, requestId, direction: "incoming", source: "imap", sourceKey: replyId, sentAt: new Date("2021-08-10T09:00:00Z"), bodyText: "Which years do you mean?" },
    });
    expect(await recordEvent(editor, { requestId, kind: "clarification_requested", date: "2021-08-10" })).toMatchObject({ ok: true });

    // The drafted start is not an answer: its [square brackets] must be replaced first.
    const unfilled = await refusal(emailLetter(editor, { requestId, kind: "clarification", text: "Dear FOI team,\n\n[Write your answer here.]", sendKey: sendKey() }));
    expect((unfilled as InvalidError).fieldErrors.text?.[0]).toMatch(/square brackets/);

    // The answer: its own subject line from the text, the token once, threaded under the reply.
    const key = sendKey();
    const text = `Subject: Clarification of my request ${token}\n\nDear FOI team,\n\nThe years 2021 to 2023.\n`;
    const clarification = await emailLetter(editor, { requestId, kind: "clarification", text, sendKey: key });
    expect((await emailLetter(editor, { requestId, kind: "clarification", text, sendKey: key })).deliveryId).toBe(clarification.deliveryId);
    await drain();
    const answer = receivedFor(to).at(-1)!;
    expect(receivedFor(to)).toHaveLength(2);
    expect(answer.subject).toBe(`Clarification of my request ${token}`);
    expect(answer.text).not.toMatch(/^Subject:/);
    expect(answer.inReplyTo).toBe(`<${replyId}>`);
    expect(answer.references).toEqual([letter.messageId, `<${replyId}>`]);
    expect(await statusOf(requestId)).toBe("awaiting_response");
    const clarificationEvent = await db.requestEvent.findFirstOrThrow({ where: { requestId, kind: "clarification_sent" }, select: { messageId: true, occurredAt: true } });
    // The same day, after the request for clarification (typed with a date only, so at midday).
    expect(clarificationEvent.occurredAt.toISOString()).toBe("2021-08-10T11:01:00.000Z");
    expect(clarificationEvent.messageId).not.toBeNull();
    const clarificationSent = (await deliveryOf(clarification.deliveryId)).messageId;

    // Overdue: a chaser (once a day), threaded under our last letter (nothing newer came in).
    at("2021-09-10T10:00:00Z");
    const chaserText = "Subject: Overdue request\n\nDear FOI team, ...";
    await emailLetter(editor, { requestId, kind: "chaser", text: chaserText, sendKey: sendKey() });
    expect(await refusal(emailLetter(editor, { requestId, kind: "chaser", text: chaserText, sendKey: sendKey() }))).toBeInstanceOf(ConflictError);
    await drain();
    const chaser = receivedFor(to).at(-1)!;
    expect(receivedFor(to)).toHaveLength(3);
    expect(chaser.subject).toBe(`Overdue request ${token}`);
    expect(chaser.inReplyTo).toBe(clarificationSent);
    expect(chaser.references).toEqual([letter.messageId, `<${replyId}>`, clarificationSent]);
    expect(await db.requestEvent.count({ where: { requestId, kind: "note", note: { contains: "Chaser sent by email" } } })).toBe(1);

    // Refused: the internal review goes and the review clock starts.
    at("2021-09-20T10:00:00Z");
    expect(await recordEvent(editor, { requestId, kind: "response_refused", date: "2021-09-20", exemptions: "s43" })).toMatchObject({ ok: true });
    // A complaint is not offered before the review.
    expect((await refusal(emailLetter(editor, { requestId, kind: "ico_complaint", text: "x", to: "casework@regulator.example", sendKey: sendKey() }))).message).toMatch(/internal review/);
    await emailLetter(editor, { requestId, kind: "internal_review", text: "Dear FOI team,\n\nPlease review ...", sendKey: sendKey() });
    await drain();
    expect(receivedFor(to).at(-1)!.subject).toBe(`Internal review: Band 7 LXP posts ${token}`);
    expect(await statusOf(requestId)).toBe("internal_review");
    const review = await db.foiRequest.findUniqueOrThrow({ where: { id: requestId }, select: { reviewRequestedOn: true } });
    expect(review.reviewRequestedOn?.toISOString().slice(0, 10)).toBe("2021-09-20");

    // The review upholds the refusal: the complaint goes to the address the person gives.
    at("2021-10-12T10:00:00Z");
    expect(await recordEvent(editor, { requestId, kind: "internal_review_answered", date: "2021-10-12", result: "refused" })).toMatchObject({ ok: true });
    const noAddress = await refusal(emailLetter(editor, { requestId, kind: "ico_complaint", text: "Dear Commissioner, ...", sendKey: sendKey() }));
    expect(noAddress).toBeInstanceOf(InvalidError);
    expect((noAddress as InvalidError).fieldErrors.to?.[0]).toMatch(/regulator/);
    const regulator = `casework.${crypto.randomUUID().slice(0, 8)}@regulator.example`;
    // The regulator's server refuses it at first; "Send again" keeps the regulator's address (not the trust's).
    smtp.refuse = (address) => (address === regulator ? { code: 550, message: "No such mailbox" } : null);
    const sentComplaint = await emailLetter(editor, { requestId, kind: "ico_complaint", text: "Dear Commissioner, ...", to: regulator, sendKey: sendKey() });
    await drain();
    smtp.refuse = null;
    expect(await deliveryOf(sentComplaint.deliveryId)).toMatchObject({ state: "failed" });
    // Not sent, so not on the timeline: the review's answer still stands.
    expect(await statusOf(requestId)).toBe("refused");
    await retryFailed(editor, sentComplaint.deliveryId);
    await drain();
    const complaint = receivedFor(regulator);
    expect(complaint).toHaveLength(1);
    expect(complaint[0]!.subject).toContain(token);
    expect(await statusOf(requestId)).toBe("ico_complaint");

    // Every letter went once, each with its own Message-ID, all stored.
    const deliveries = await db.delivery.findMany({ where: { requestId }, select: { messageId: true, state: true } });
    expect(deliveries).toHaveLength(5);
    expect(deliveries.every((d) => d.state === "sent")).toBe(true);
    for (const d of deliveries) expect(smtp.countsByMessageId().get(d.messageId)).toBe(1);
    const kept = await db.message.findMany({ where: { requestId, direction: "outgoing" }, select: { sourceKey: true } });
    expect(new Set(kept.map((m) => `<${m.sourceKey}>`))).toEqual(new Set(deliveries.map((d) => d.messageId)));
  });

  it("refuses clearly: no FOI address, a deleted request, a viewer, another workspace's request, a letter the timeline does not allow", async () => {
    at("2021-08-02T10:00:00Z");
    const { editor, viewer, owner, requestId } = await singleRequest(null);
    const noEmail = await refusal(sendRequestByEmail(editor, { requestId }));
    expect(noEmail).toBeInstanceOf(ConflictError);
    expect(noEmail.message).toMatch(/has no FOI email address.*Add the trust's FOI email on its page/);
    expect(await db.delivery.count({ where: { requestId } })).toBe(0);

    expect(await refusal(sendRequestByEmail(viewer, { requestId }))).toBeInstanceOf(ForbiddenError);
    const stranger = await makeMember((await makeWorkspace()).id, "owner");
    expect(await refusal(sendRequestByEmail(stranger, { requestId }))).toBeInstanceOf(NotFoundError);
    expect(await refusal(emailLetter(stranger, { requestId, kind: "chaser", text: "x", sendKey: sendKey() }))).toBeInstanceOf(NotFoundError);

    // A draft has nothing to chase; a clarification needs the body to have asked.
    expect((await refusal(emailLetter(editor, { requestId, kind: "chaser", text: "x", sendKey: sendKey() }))).message).toMatch(/Send the request first/);
    const badKey = await refusal(emailLetter(editor, { requestId, kind: "chaser", text: "", sendKey: "not-a-key" }));
    expect((badKey as InvalidError).fieldErrors).toMatchObject({ text: [expect.stringMatching(/Write the letter/)], sendKey: [expect.any(String)] });

    await deleteRequest(owner, requestId);
    const deleted = await refusal(emailLetter(editor, { requestId, kind: "clarification", text: "x", sendKey: sendKey() }));
    expect(deleted.message).toMatch(/deleted/);
    expect((await refusal(sendRequestByEmail(editor, { requestId }))).message).toMatch(/deleted/);
    expect(await db.delivery.count({ where: { requestId } })).toBe(0);
  });
});
