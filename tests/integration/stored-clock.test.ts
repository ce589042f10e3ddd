// The clock dates stored on a request (which the dashboard, the alert sweep and the calendar
// feed read) always equal a recomputation from its timeline, whichever way its entries were
// recorded: logged with a date sent, a batch's email delivered, a WhatDoTheyKnow or postal
// letter marked as sent, an entry recorded one at a time or in bulk, or an entry removed.
import fc from "fast-check";
import { addDays, formatISO, parseISO } from "date-fns";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { addWorkingDays, computeClock } from "@/lib/deadlines";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { calendarFor } from "@/lib/holidays/calendars";
import { processOutbox } from "@/lib/mail/send-mail";
import { startBatch } from "@/lib/batches/create-batch";
import { updateBatchDetails, updateRecipient } from "@/lib/batches/edit-batch";
import { applyBulkAction } from "@/lib/batches/bulk-actions";
import { BatchStateError, BatchValidationError } from "@/lib/batches/errors";
import { markRecipientSent, sendBatch } from "@/lib/batches/send-batch";
import { BULK_STATUS_KINDS } from "@/lib/batches/schemas";
import { createRequest } from "@/lib/requests/create-request";
import { recordEvent } from "@/lib/requests/record-event";
import { removeEvent } from "@/lib/requests/remove-event";
import { DECISION_RESULTS, TIMELINE_EVENT_KINDS } from "@/lib/requests/schemas";
import { updateRequest } from "@/lib/requests/update-request";
import { makeMember, makeWorkspace, unique } from "../support/factories";

afterEach(() => {
  Object.assign(env(), { FOI_NOW: undefined });
});

const day = (iso: string, days: number) => formatISO(addDays(parseISO(iso), days), { representation: "date" });
const dbDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** What the stored columns should be, worked out here from the clock itself (not by the code under test). */
async function expectedColumns(request: {
  law: "foia" | "eir" | "foisa";
  convention: "calendar" | "next_working_day";
  events: { kind: string; occurredAt: Date; newDueOn: Date | null; exemptions: string[]; approximate: boolean; notReasonablyRequired: boolean }[];
}) {
  const clock = computeClock(
    request.events.map((e) => ({
      kind: e.kind as never,
      at: e.occurredAt.toISOString(),
      ...(e.newDueOn ? { newDueDate: dbDate(e.newDueOn)! } : {}),
      exemptions: e.exemptions,
      approximate: e.approximate,
      notReasonablyRequired: e.notReasonablyRequired,
    })),
    { law: request.law, convention: request.convention === "next_working_day" ? "next-working-day" : "calendar", calendar: await calendarFor(request.law) },
  );
  const review = clock.review && !clock.review.answered && !clock.review.withdrawn ? clock.review : null;
  const openPause = clock.waitingFor ? clock.pauses.findLast((p) => p.to === null) : undefined;
  const own = clock.ownDeadlines.find((d) => d.whose === "campaign");
  const calendar = await calendarFor(request.law);
  return {
    receivedOn: clock.received,
    dueOn: clock.extendedDue ?? clock.due,
    veryOverdueOn: clock.veryOverdue,
    reviewDueOn: review?.due ?? null,
    reviewRequestedOn: review?.requested ?? null,
    reviewVeryOverdueOn: review?.veryOverdue ?? null,
    waitingSince: openPause?.from ?? null,
    answeredOn: clock.answeredOn,
    answerApproximate: clock.answerApproximate,
    ownDeadlineOn: own?.due ?? null,
    ownDeadlineKind: own?.kind ?? null,
    ownDeadlineWarnOn: own ? addWorkingDays(calendar, own.due, -5) : null,
    complianceDueOn: clock.ownDeadlines.find((d) => d.kind === "decision_compliance")?.due ?? null,
    clockProjected: clock.projected,
  };
}

async function checkEveryRequest(workspaceId: string, after: string): Promise<void> {
  const requests = await db.foiRequest.findMany({
    where: { workspaceId },
    select: {
      id: true,
      law: true,
      status: true,
      receivedOn: true,
      dueOn: true,
      veryOverdueOn: true,
      reviewDueOn: true,
      reviewRequestedOn: true,
      reviewVeryOverdueOn: true,
      waitingSince: true,
      answeredOn: true,
      answerApproximate: true,
      ownDeadlineOn: true,
      ownDeadlineKind: true,
      ownDeadlineWarnOn: true,
      complianceDueOn: true,
      clockProjected: true,
      workspace: { select: { receiptConvention: true } },
      events: { orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }], select: { kind: true, occurredAt: true, newDueOn: true, exemptions: true, approximate: true, notReasonablyRequired: true } },
    },
  });
  for (const r of requests) {
    const stored = {
      receivedOn: dbDate(r.receivedOn),
      dueOn: dbDate(r.dueOn),
      veryOverdueOn: dbDate(r.veryOverdueOn),
      reviewDueOn: dbDate(r.reviewDueOn),
      reviewRequestedOn: dbDate(r.reviewRequestedOn),
      reviewVeryOverdueOn: dbDate(r.reviewVeryOverdueOn),
      waitingSince: dbDate(r.waitingSince),
      answeredOn: dbDate(r.answeredOn),
      answerApproximate: r.answerApproximate,
      ownDeadlineOn: dbDate(r.ownDeadlineOn),
      ownDeadlineKind: r.ownDeadlineKind,
      ownDeadlineWarnOn: dbDate(r.ownDeadlineWarnOn),
      complianceDueOn: dbDate(r.complianceDueOn),
      clockProjected: r.clockProjected,
    };
    const expected = await expectedColumns({ law: r.law, convention: r.workspace.receiptConvention, events: r.events });
    expect(stored, `${after}: request ${r.id} (${r.status}, ${r.events.map((e) => e.kind).join(" > ") || "no entries"})`).toEqual(expected);
    // A request is sent exactly when its timeline has its `sent` entry.
    expect(r.status === "draft", `${after}: request ${r.id}`).toBe(!r.events.some((e) => e.kind === "sent"));
  }
}

/** The refusals a campaigner sees (a field error, "already sent"): expected for random steps. */
async function tolerated(work: Promise<unknown>): Promise<void> {
  await work.catch((error: unknown) => {
    if (error instanceof BatchStateError || error instanceof BatchValidationError || error instanceof NotFoundError || error instanceof ForbiddenError) return;
    throw error;
  });
}

const step = fc.oneof(
  fc.record({ t: fc.constant("single" as const), back: fc.nat(40) }),
  fc.record({ t: fc.constant("draftThenSend" as const), back: fc.nat(40) }),
  fc.record({ t: fc.constant("sendBatch" as const) }),
  fc.record({ t: fc.constant("deliver" as const) }),
  fc.record({ t: fc.constant("whatdotheyknow" as const), back: fc.nat(10) }),
  fc.record({ t: fc.constant("post" as const), back: fc.nat(10) }),
  fc.record({
    t: fc.constant("event" as const),
    pick: fc.nat(),
    kind: fc.constantFrom(...TIMELINE_EVENT_KINDS),
    back: fc.nat(30),
    result: fc.constantFrom(...DECISION_RESULTS),
    newDueIn: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    // FOIA s10(3): an extension with or without a qualified exemption; s1(3): a clarification not reasonably required.
    exemption: fc.constantFrom(undefined, "s43(2)", "s21"),
    notRequired: fc.boolean(),
  }),
  fc.record({ t: fc.constant("bulk" as const), kind: fc.constantFrom(...BULK_STATUS_KINDS), back: fc.nat(10) }),
  fc.record({ t: fc.constant("remove" as const), pick: fc.nat() }),
);

const scenario = fc.record({
  law: fc.constantFrom("foia" as const, "eir" as const, "foisa" as const),
  convention: fc.constantFrom("calendar" as const, "next_working_day" as const),
  steps: fc.array(fc.record({ advance: fc.nat(25), step }), { minLength: 1, maxLength: 14 }),
});

describe("the stored clock dates", () => {
  it("equal a recomputation from the timeline after any sequence of recorded entries", { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ law, convention, steps }) => {
        let today = "2021-09-01";
        const setToday = () => Object.assign(env(), { FOI_NOW: `${today}T10:00:00Z` });
        setToday();
        const workspace = await makeWorkspace();
        await db.workspace.update({ where: { id: workspace.id }, data: { receiptConvention: convention } });
        const editor = await makeMember(workspace.id, "editor");
        const bodies = await Promise.all(
          [0, 1, 2, 3].map((i) =>
            db.publicBody.create({
              data: { workspaceId: workspace.id, key: unique(`body-${i}`), name: `Trust ${i}`, kind: "nhs_trust", foiEmail: `foi.${i}@trusts.example.org` },
              select: { id: true },
            }),
          ),
        );
        const batch = await startBatch(editor, { bodyIds: bodies.slice(0, 3).map((b) => b.id) });
        await updateBatchDetails(editor, batch.id, { name: "Follow-up", titleTemplate: "Questions for {{body.name}}", template: "Dear {{body.name}},\n\nHow many posts?\n\n{{sender.name}}", law, channel: "email" });
        const recipients = await db.batchRecipient.findMany({ where: { batchId: batch.id }, orderBy: { id: "asc" }, select: { id: true } });
        await updateRecipient(editor, batch.id, recipients[1]!.id, { channel: "whatdotheyknow" });
        await updateRecipient(editor, batch.id, recipients[2]!.id, { channel: "post" });
        const single = { bodyId: bodies[3]!.id, title: "Single request", letter: "Dear Trust 3, ...", law, channel: "email" };

        for (const [index, { advance, step: s }] of steps.entries()) {
          today = day(today, advance);
          setToday();
          const requestIds = (await db.foiRequest.findMany({ where: { workspaceId: workspace.id, deletedAt: null }, orderBy: { id: "asc" }, select: { id: true } })).map((r) => r.id);
          switch (s.t) {
            case "single":
              await createRequest(editor, { ...single, sentDate: day(today, -s.back) });
              break;
            case "draftThenSend": {
              const created = await createRequest(editor, single);
              if (created.ok) await updateRequest(editor, { requestId: created.requestId, ...single, sentDate: day(today, -s.back) });
              break;
            }
            case "sendBatch":
              await tolerated(sendBatch(editor, batch.id));
              break;
            case "deliver":
              await processOutbox(50);
              break;
            case "whatdotheyknow":
              await tolerated(markRecipientSent(editor, batch.id, recipients[1]!.id, { sentOn: day(today, -s.back), url: "https://www.whatdotheyknow.com/request/posts" }));
              break;
            case "post":
              await tolerated(markRecipientSent(editor, batch.id, recipients[2]!.id, { sentOn: day(today, -s.back) }));
              break;
            case "event": {
              const requestId = requestIds[s.pick % Math.max(1, requestIds.length)];
              if (!requestId) break;
              const date = day(today, -s.back);
              await tolerated(
                recordEvent(editor, {
                  requestId,
                  kind: s.kind,
                  date,
                  ...(s.kind === "internal_review_answered" || s.kind === "ico_decision" ? { result: s.result } : {}),
                  ...(s.kind === "extension" && s.newDueIn ? { newDueDate: day(date, s.newDueIn) } : {}),
                  ...(s.kind === "extension" && s.exemption ? { exemptions: s.exemption } : {}),
                  ...(s.kind === "clarification_requested" && s.notRequired ? { notReasonablyRequired: "yes" } : {}),
                }),
              );
              break;
            }
            case "bulk": {
              const inBatch = await db.foiRequest.findMany({ where: { batchId: batch.id, deletedAt: null }, select: { id: true } });
              if (inBatch.length > 0) await tolerated(applyBulkAction(editor, batch.id, { action: "status", requestIds: inBatch.map((r) => r.id), kind: s.kind, on: day(today, -s.back) }));
              break;
            }
            case "remove": {
              const entries = await db.requestEvent.findMany({ where: { workspaceId: workspace.id }, orderBy: { id: "asc" }, select: { id: true } });
              const entry = entries[s.pick % Math.max(1, entries.length)];
              if (entry) await tolerated(removeEvent(editor, entry.id));
              break;
            }
          }
          await checkEveryRequest(workspace.id, `after step ${index + 1} (${s.t})`);
        }
      }),
      { numRuns: Number(process.env.STORED_CLOCK_RUNS ?? 20) },
    );
  });
});

describe("a change to the clock's rules", () => {
  it("FOIA s10(3): dates stored under old rules are worked out again once, by the worker's clock-rules job", async () => {
    const { recomputeClocksAfterRuleChange } = await import("@/lib/requests/recompute-after-rule-change");
    const ws = await makeWorkspace();
    const editor = await makeMember(ws.id, "editor");
    const body = await db.publicBody.create({ data: { workspaceId: ws.id, key: unique("body"), name: "Oxleas NHS Foundation Trust", kind: "nhs_foundation_trust" } });
    const created = await createRequest(editor, { title: "KUF", letter: "Dear Oxleas", law: "foia", channel: "email", bodyId: body.id, sentDate: "2021-08-02" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    // As an older version stored it: an extension without an exemption moved the due date.
    await db.$executeRaw`UPDATE "FoiRequest" SET "dueOn" = '2021-10-29', "veryOverdueOn" = NULL WHERE id = ${created.requestId}`;
    const version = "2099-01-01";
    expect(await recomputeClocksAfterRuleChange(version)).toBeGreaterThanOrEqual(1);
    const stored = await db.foiRequest.findUniqueOrThrow({ where: { id: created.requestId }, select: { dueOn: true, veryOverdueOn: true } });
    expect(dbDate(stored.dueOn)).toBe("2021-08-31");
    expect(dbDate(stored.veryOverdueOn)).toBe("2021-09-28");
    // Once per version: the second run finds nothing to do.
    expect(await recomputeClocksAfterRuleChange(version)).toBeNull();
  });
});
