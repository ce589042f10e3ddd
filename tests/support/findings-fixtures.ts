// A follow-up batch to the 31 trusts that did not apply, with real clocks (requests and
// responses recorded through lib/requests' services) and coded answers recorded through
// lib/findings. The plan below is the fixture's truth: tests derive expected counts from
// it, never from the code under test.
//
// The clock is pinned: set process.env.FOI_NOW = FINDINGS_TODAY before the first call.
import { db } from "@/lib/db/client";
import { createRequest } from "@/lib/requests/create-request";
import { recordEvent } from "@/lib/requests/record-event";
import { addSuggestedQuestions, listQuestions } from "@/lib/findings/questions";
import { saveAnswer } from "@/lib/findings/answers";
import { seedBodies } from "@/prisma/seed/bodies";
import { makeMember, makeWorkspace, unique } from "./factories";

export const FINDINGS_TODAY = "2021-12-01";

export type ResponseKind = "response_successful" | "response_partial" | "response_refused" | "response_not_held";
export type PlannedTimeliness = "on_time" | "late" | "very_late" | "not_answered" | "not_answered_yet";

export interface TrustPlan {
  sent: string;
  response?: { kind: ResponseKind; on: string };
  /** A public interest extension recorded before the response. */
  extension?: { on: string; newDue: string };
  timeliness: PlannedTimeliness;
  /** Working days from receipt to response, counted by hand (no bank holidays Sep-Nov 2021 in England before 30 Nov). */
  days?: number;
  involved?: "yes" | "no" | "partly" | "not_answered" | "not_held";
  planned?: "yes" | "no" | "partly" | "not_answered" | "not_held";
  why?: string;
}

// Sent Wednesday 1 September 2021: due Wednesday 29 September (20th working day), very
// overdue after Wednesday 27 October (40th). Sent Monday 15 November: due in December.
const S = "2021-09-01";
const onTime = (on: string, days: number, kind: ResponseKind = "response_successful"): Pick<TrustPlan, "sent" | "response" | "timeliness" | "days"> => ({ sent: S, response: { kind, on }, timeliness: "on_time", days });

/** Whitespace, commas, quotes and newlines must survive the CSV; formulas must not run. */
export const TRICKY_QUOTES = {
  formulaEquals: '=HYPERLINK("http://evil.example","Click")',
  formulaPlus: "+44 20 7946 0000 was the number given",
  formulaMinus: "-1 posts, as the trust put it",
  formulaAt: "@SUM(A1:A9)",
  punctuation: 'We said "no", then, after review,\nwe said "maybe".',
  html: "<script>alert('x')</script> <b>bold</b>",
  unicode: "Ysbyty Gwynedd — ‘Lived Experience’ 🙂 Ærø",
} as const;

/** Index i of the 31 (in the directory's response order) → what happens to its request. */
export const PLAN: TrustPlan[] = [
  // 0-11: answered in full on Monday 20 September: on time, 13 working days.
  ...Array.from({ length: 12 }, () => onTime("2021-09-20", 13)),
  // 12-15: partly answered on Tuesday 28 September: on time, 19 working days.
  ...Array.from({ length: 4 }, () => onTime("2021-09-28", 19, "response_partial")),
  // 16: extended to 27 October, answered 20 October: on time thanks to the extension, 35 working days.
  { sent: S, extension: { on: "2021-09-20", newDue: "2021-10-27" }, response: { kind: "response_successful", on: "2021-10-20" }, timeliness: "on_time", days: 35 },
  // 17-19 answered, 20-21 refused, on Monday 11 October: late, 28 working days.
  ...Array.from({ length: 3 }, (): TrustPlan => ({ sent: S, response: { kind: "response_successful", on: "2021-10-11" }, timeliness: "late", days: 28 })),
  ...Array.from({ length: 2 }, (): TrustPlan => ({ sent: S, response: { kind: "response_refused", on: "2021-10-11" }, timeliness: "late", days: 28 })),
  // 22: answered Monday 15 November: very late, 53 working days.
  { sent: S, response: { kind: "response_successful", on: "2021-11-15" }, timeliness: "very_late", days: 53 },
  // 23-27: never answered: overdue.
  ...Array.from({ length: 5 }, (): TrustPlan => ({ sent: S, timeliness: "not_answered" })),
  // 28-29: sent later, not due yet on 1 December.
  ...Array.from({ length: 2 }, (): TrustPlan => ({ sent: "2021-11-15", timeliness: "not_answered_yet" })),
  // 30: information not held, Wednesday 15 September: on time, 10 working days.
  onTime("2021-09-15", 10, "response_not_held"),
];

// Coded answers: "Were LXPs involved?" and "Are other posts planned?" (choice), "Why?" (text).
const INVOLVED: Array<TrustPlan["involved"]> = ["yes", "yes", "yes", "yes", "yes", "yes", "yes", "yes", "no", "no", "no", "no", "no", "no", "partly", "partly", "not_answered", "not_answered"];
const PLANNED: Array<TrustPlan["planned"]> = ["yes", "yes", "yes", "yes", "no", "no", "no", "no", "no", "no", "no", "no", "no", "partly"];
for (const [i, v] of INVOLVED.entries()) PLAN[i]!.involved = v;
for (const [i, v] of PLANNED.entries()) PLAN[i]!.planned = v;
PLAN[30]!.involved = "not_held";
PLAN[22]!.planned = "not_held";
const WHY = [
  TRICKY_QUOTES.formulaEquals,
  TRICKY_QUOTES.formulaPlus,
  TRICKY_QUOTES.formulaMinus,
  TRICKY_QUOTES.formulaAt,
  TRICKY_QUOTES.punctuation,
  TRICKY_QUOTES.html,
  TRICKY_QUOTES.unicode,
  "No funding for the band 7 post beyond a year",
  "The deadline was too short",
  "Not a priority for the board",
];
for (const [i, v] of WHY.entries()) PLAN[i]!.why = v;

/** The 31: "did not apply" in NHS England's response (two of them applied and withdrew). */
export const DID_NOT_APPLY = seedBodies.filter((b) => b.kufOutcome === "did_not_apply" || b.kufOutcome === "applied_withdrew");

/** Distinctive private values the fixture stores; none may reach the public page. */
export function privateValues(tag: string) {
  return {
    answerNote: `PRIVATE-ANSWER-NOTE-${tag}`,
    eventNote: `PRIVATE-EVENT-NOTE-${tag}`,
    messageBody: `PRIVATE-MESSAGE-BODY-${tag}`,
    senderName: `PRIVATE-SENDER-NAME-${tag}`,
    senderAddress: `private.sender.${tag}@trust.example`,
    userName: `PRIVATE-USER-NAME-${tag}`,
    letter: `PRIVATE-LETTER-${tag}`,
    title: `PRIVATE-TITLE-${tag}`,
    attachmentName: `private-minutes-${tag}.pdf`,
  };
}

async function ok<T extends { ok: boolean }>(promise: Promise<T>, what: string): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result)}`);
  return result;
}

export async function makeFollowUpBatch() {
  if (process.env.FOI_NOW !== FINDINGS_TODAY) throw new Error(`Set process.env.FOI_NOW = "${FINDINGS_TODAY}" before using the findings fixture.`);
  const tag = unique("f").slice(2);
  const secrets = privateValues(tag);
  const ws = await makeWorkspace({ withDirectory: true });
  const owner = await makeMember(ws.id, "owner");
  const editor = await makeMember(ws.id, "editor");
  const viewer = await makeMember(ws.id, "viewer");
  await db.user.update({ where: { id: owner.userId }, data: { name: secrets.userName } });
  await db.user.update({ where: { id: editor.userId }, data: { name: `${secrets.userName}-editor` } });
  const bodies = new Map((await db.publicBody.findMany({ where: { workspaceId: ws.id }, select: { id: true, key: true } })).map((b) => [b.key, b.id]));
  const batch = await db.batch.create({
    data: {
      workspaceId: ws.id,
      name: "Follow-up: why did the trust not apply?",
      titleTemplate: "Band 7 Lived Experience posts at {{trust}}",
      template: "Dear {{trust}}, ...",
      state: "sent",
      sentAt: new Date(`${S}T09:00:00Z`),
      createdById: owner.userId,
    },
    select: { id: true, name: true },
  });

  const requests: Array<{ index: number; id: string; key: string; name: string; region: string | null; plan: TrustPlan; messageId: string | null; attachmentId: string | null }> = [];
  for (const [index, body] of DID_NOT_APPLY.entries()) {
    const plan = PLAN[index]!;
    const created = await ok(
      createRequest(editor, {
        bodyId: bodies.get(body.key)!,
        title: `${secrets.title} ${body.name}`,
        letter: `${secrets.letter} Dear ${body.name}, why did you not apply?`,
        law: "foia",
        channel: "email",
        sentDate: plan.sent,
        sentTime: "09:00",
      }),
      "createRequest",
    );
    if (!created.ok) throw new Error("unreachable");
    await db.foiRequest.update({ where: { id: created.requestId }, data: { batchId: batch.id } });
    if (plan.extension) {
      await ok(recordEvent(editor, { requestId: created.requestId, kind: "extension", date: plan.extension.on, newDueDate: plan.extension.newDue, exemptions: "s43(2)", note: secrets.eventNote }), "extension");
    }
    let messageId: string | null = null;
    let attachmentId: string | null = null;
    if (plan.response) {
      await ok(recordEvent(editor, { requestId: created.requestId, kind: plan.response.kind, date: plan.response.on, note: secrets.eventNote }), "response");
      const message = await db.message.create({
        data: {
          workspaceId: ws.id,
          requestId: created.requestId,
          direction: "incoming",
          fromName: secrets.senderName,
          fromAddress: secrets.senderAddress,
          toAddress: "campaign@lxp.example",
          subject: `Response to your FOI request ${index}`,
          sentAt: new Date(`${plan.response.on}T10:00:00Z`),
          bodyText: `${secrets.messageBody} Kind regards, ${secrets.senderName}. ${plan.why ?? ""}`,
        },
        select: { id: true },
      });
      messageId = message.id;
      const attachment = await db.attachment.create({
        data: { workspaceId: ws.id, messageId, filename: secrets.attachmentName, contentType: "application/pdf", size: 4, sha256: "0".repeat(64), data: Buffer.from("%PDF") },
        select: { id: true },
      });
      attachmentId = attachment.id;
    }
    requests.push({ index, id: created.requestId, key: body.key, name: body.name, region: body.region, plan, messageId, attachmentId });
  }

  await ok(addSuggestedQuestions(editor, batch.id), "addSuggestedQuestions");
  const [why, involved, planned] = await listQuestions(editor, batch.id);
  const questions = { why: why!, involved: involved!, planned: planned! };

  for (const r of requests) {
    const { plan } = r;
    if (plan.involved) {
      await ok(
        saveAnswer(editor, r.id, questions.involved.id, { choice: plan.involved, quote: `Involvement quote ${r.index}`, messageId: r.messageId ?? undefined, note: secrets.answerNote }),
        "saveAnswer involved",
      );
    }
    if (plan.planned) await ok(saveAnswer(editor, r.id, questions.planned.id, { choice: plan.planned, quote: `Plans quote ${r.index}`, attachmentId: r.attachmentId ?? undefined }), "saveAnswer planned");
    if (plan.why) await ok(saveAnswer(editor, r.id, questions.why.id, { text: `Reason ${r.index}`, quote: plan.why, messageId: r.messageId ?? undefined, note: secrets.answerNote }), "saveAnswer why");
  }

  return { ws, owner, editor, viewer, batch, requests, questions, secrets };
}
export type FollowUpBatch = Awaited<ReturnType<typeof makeFollowUpBatch>>;
