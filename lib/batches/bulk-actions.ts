import "server-only";
import { z } from "zod";
import { formatUkDate, receiptDate, type Clock } from "@/lib/deadlines";
import { db, type Prisma } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import type { EventKind, ReceiptConvention } from "@/lib/generated/prisma";
import { calendarFor } from "@/lib/holidays/calendars";
import { draftLetters, letterFactsFromRequest } from "@/lib/letters/draft-letters";
import { queueMail } from "@/lib/mail/send-mail";
import { londonInstant } from "@/lib/requests/dates";
import { eventLabels } from "@/lib/requests/labels";
import { todayInLondon } from "@/lib/requests/queries";
import { clockFromTimeline, STORED_EVENT_SELECT, TIMELINE_ORDER } from "@/lib/requests/stored-clock";
import { replayTimeline } from "@/lib/requests/timeline";
import { unsafeRecomputeClock } from "@/lib/requests/unsafe-recompute-clock";
import { now } from "@/lib/time";
import { BatchValidationError } from "@/lib/batches/errors";
import { progressBucket } from "@/lib/batches/progress";
import { renderAllLetters } from "@/lib/batches/preview";
import { subjectFor, TITLE_MAX_LENGTH } from "@/lib/batches/render";
import { bulkActionSchema, type BulkActionInput, type BulkActionKind } from "@/lib/batches/schemas";
import { formatWorkingDays } from "@/lib/deadlines/working-days-status";

export interface BulkPlanItem {
  requestId: string;
  bodyName: string;
  /** In plain words, for this request: "Email a chaser to foi@trust.nhs.uk: overdue by 3 working days (was due ...)". */
  willDo: string;
}

export interface BulkPlan {
  action: BulkActionKind;
  /** In plain words: "Send a chaser by email to 12 bodies". */
  summary: string;
  items: BulkPlanItem[];
  skipped: { requestId: string; bodyName: string; reason: string }[];
}

type Loaded = Awaited<ReturnType<typeof loadRequests>>;
type LoadedRequest = Loaded["requests"][number];

function parseInput(input: unknown): BulkActionInput {
  const parsed = bulkActionSchema.safeParse(input);
  if (!parsed.success) throw new BatchValidationError(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  return parsed.data;
}

/** The chosen requests, all of which must belong to this batch in the actor's workspace. */
async function loadRequests(actor: Actor, batchId: string, requestIds: string[], client: Pick<Prisma.TransactionClient, "batch" | "foiRequest"> = db) {
  const batch = await client.batch.findFirst({
    where: { id: batchId, workspaceId: actor.workspaceId },
    select: { id: true, workspace: { select: { name: true, mailbox: true, receiptConvention: true } } },
  });
  if (!batch) throw new NotFoundError("That batch is not in this workspace.");
  const wanted = [...new Set(requestIds)];
  const requests = await client.foiRequest.findMany({
    where: { id: { in: wanted }, batchId: batch.id, workspaceId: actor.workspaceId, deletedAt: null },
    orderBy: { body: { name: "asc" } },
    select: {
      id: true,
      reference: true,
      title: true,
      authorityRef: true,
      law: true,
      channel: true,
      externalUrl: true,
      status: true,
      sentAt: true,
      dueOn: true,
      body: { select: { name: true, foiEmail: true, foiStatus: true } },
      events: { orderBy: TIMELINE_ORDER, select: { ...STORED_EVENT_SELECT, result: true } },
    },
  });
  // Another batch's or workspace's request is not found, never silently skipped.
  if (requests.length !== wanted.length) throw new NotFoundError("One of the chosen requests is not in this batch.");
  return { batch, requests };
}

async function clockOf(request: LoadedRequest, convention: ReceiptConvention, today: string): Promise<Clock> {
  return clockFromTimeline({ law: request.law, receiptConvention: convention, calendar: await calendarFor(request.law), events: request.events }, today);
}

interface ChaserDraft {
  to: string;
  subject: string;
  text: string;
  dedupeKey: string;
  clock: Clock;
}

/** The chaser for one overdue request, each filled in with its own dates; or why not. */
async function chaserFor(loaded: Loaded, request: LoadedRequest, today: string): Promise<{ ok: true; chaser: ChaserDraft } | { ok: false; reason: string }> {
  const dueOn = request.dueOn ? request.dueOn.toISOString().slice(0, 10) : null;
  const bucket = progressBucket({ status: request.status, delivery: null, dueOn, acknowledged: false, today });
  if (bucket !== "overdue") return { ok: false, reason: request.status === "draft" ? "Not sent yet." : "Not overdue." };
  if (request.channel !== "email") {
    return { ok: false, reason: request.channel === "whatdotheyknow" ? "Sent via WhatDoTheyKnow: chase it there, on the request's page." : "Not sent by email: chase it the way it was sent." };
  }
  if (!request.body.foiEmail) return { ok: false, reason: "No FOI email address in the directory." };
  const dedupeKey = `chaser:${request.id}:${today}`;
  const clock = await clockOf(request, loaded.batch.workspace.receiptConvention, today);
  const facts = letterFactsFromRequest({ ...request, body: { name: request.body.name, foiStatus: request.body.foiStatus }, workspace: { name: loaded.batch.workspace.name }, clock, today });
  const letter = draftLetters(facts).find((l) => l.kind === "chaser");
  if (!letter) return { ok: false, reason: "Not overdue." };
  const subject = subjectFor(`Overdue: ${request.title}`.slice(0, TITLE_MAX_LENGTH), request.reference);
  return { ok: true, chaser: { to: request.body.foiEmail, subject, text: letter.text, dedupeKey, clock } };
}

/** When a bulk status happens on `date`: after whatever the timeline already has that day. */
function eventInstant(date: string, existing: Date[]): Date {
  const typed = londonInstant(date);
  const sameDay = existing.filter((d) => receiptDate(d) === date).map((d) => d.getTime() + 60_000);
  return new Date(Math.min(Math.max(typed.getTime(), ...sameDay), londonInstant(date, "23:59").getTime()));
}

function statusCheck(request: LoadedRequest, kind: EventKind, on: string, today: string): { ok: true; at: Date } | { ok: false; reason: string } {
  if (request.status === "draft") return { ok: false, reason: "Not sent yet." };
  if (on > today) return { ok: false, reason: "The date is in the future." };
  if (request.sentAt && on < receiptDate(request.sentAt)) return { ok: false, reason: `The date is before the request was sent (${formatUkDate(receiptDate(request.sentAt))}).` };
  const at = eventInstant(on, request.events.map((e) => e.occurredAt));
  const replay = replayTimeline([
    ...request.events.map((e) => ({ kind: e.kind, at: e.occurredAt.toISOString(), result: e.result })),
    { kind, at: at.toISOString(), result: null },
  ]);
  return replay.ok ? { ok: true, at } : { ok: false, reason: replay.reason };
}

/** What the action will do to whom, before anything is done: the confirmation page shows this. */
export async function planBulkAction(actor: Actor, batchId: string, input: unknown): Promise<BulkPlan> {
  await requireRole(actor, "viewer");
  const data = parseInput(input);
  const loaded = await loadRequests(actor, batchId, data.requestIds);
  const today = todayInLondon();
  const items: BulkPlan["items"] = [];
  const skipped: BulkPlan["skipped"] = [];
  const skip = (r: LoadedRequest, reason: string) => skipped.push({ requestId: r.id, bodyName: r.body.name, reason });
  const include = (r: LoadedRequest, willDo: string) => items.push({ requestId: r.id, bodyName: r.body.name, willDo });

  if (data.action === "chaser") {
    const already = new Set(
      (await db.delivery.findMany({ where: { dedupeKey: { in: loaded.requests.map((r) => `chaser:${r.id}:${today}`) } }, select: { requestId: true } })).map((d) => d.requestId),
    );
    for (const request of loaded.requests) {
      if (already.has(request.id)) {
        skip(request, "A chaser already went today.");
        continue;
      }
      const result = await chaserFor(loaded, request, today);
      if (!result.ok) {
        skip(request, result.reason);
        continue;
      }
      const state = result.chaser.clock.state;
      const due = result.chaser.clock.extendedDue ?? result.chaser.clock.due;
      const late = state?.workingDaysOverdue ? `overdue by ${formatWorkingDays(state.workingDaysOverdue)}` : "overdue";
      include(request, `Email a chaser to ${result.chaser.to}: ${late}${due ? ` (was due ${formatUkDate(due)})` : ""}.`);
    }
    return { action: data.action, summary: `Send a chaser by email to ${items.length} ${items.length === 1 ? "body" : "bodies"}.`, items, skipped };
  }
  if (data.action === "status") {
    for (const request of loaded.requests) {
      const check = statusCheck(request, data.kind, data.on, today);
      if (check.ok) include(request, `Record "${eventLabels[data.kind]}" on ${formatUkDate(data.on)}.`);
      else skip(request, check.reason);
    }
    return { action: data.action, summary: `Record "${eventLabels[data.kind]}" on ${formatUkDate(data.on)} for ${items.length} ${items.length === 1 ? "request" : "requests"}.`, items, skipped };
  }
  if (data.action === "note") {
    for (const request of loaded.requests) include(request, "Add the note to its timeline.");
    return { action: data.action, summary: `Add a note to ${items.length} ${items.length === 1 ? "request" : "requests"}.`, items, skipped };
  }
  for (const request of loaded.requests) include(request, "Include its letter in the download.");
  return { action: data.action, summary: `Download ${items.length} ${items.length === 1 ? "letter" : "letters"} as one text file.`, items, skipped };
}

/**
 * Does it, in one transaction: chasers queued (each filled in with its own dates; once per
 * request per day, by the outbox's dedupe key: recorded on the timeline when delivered),
 * a status recorded (status and clock updated), or a note added. Requests the plan skips are
 * skipped here too. "letters" changes nothing (see lettersAsText).
 */
export async function applyBulkAction(actor: Actor, batchId: string, input: unknown): Promise<{ done: number }> {
  await requireRole(actor, "editor");
  const data = parseInput(input);
  if (data.action === "letters") return { done: 0 };
  const today = todayInLondon();
  const done = await db.$transaction(
    async (tx) => {
      // Lock the chosen requests so a concurrent entry on one of them replays after this one.
      await tx.$queryRaw`SELECT id FROM "FoiRequest" WHERE id = ANY(${[...new Set(data.requestIds)]}::text[]) AND "workspaceId" = ${actor.workspaceId} ORDER BY id FOR UPDATE`;
      const loaded = await loadRequests(actor, batchId, data.requestIds, tx);
      let count = 0;
      if (data.action === "chaser") {
        const replyTo = loaded.batch.workspace.mailbox ?? (await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } })).email;
        for (const request of loaded.requests) {
          const result = await chaserFor(loaded, request, today);
          if (!result.ok) continue;
          const existing = await tx.delivery.findUnique({ where: { dedupeKey: result.chaser.dedupeKey }, select: { id: true } });
          if (existing) continue;
          await queueMail(
            { to: result.chaser.to, replyTo, subject: result.chaser.subject, text: result.chaser.text, requestId: request.id, workspaceId: actor.workspaceId, dedupeKey: result.chaser.dedupeKey },
            tx,
          );
          count++;
        }
      } else if (data.action === "status") {
        for (const request of loaded.requests) {
          const check = statusCheck(request, data.kind, data.on, today);
          if (!check.ok) continue;
          const replay = replayTimeline([
            ...request.events.map((e) => ({ kind: e.kind, at: e.occurredAt.toISOString(), result: e.result })),
            { kind: data.kind, at: check.at.toISOString(), result: null },
          ]);
          if (!replay.ok) continue;
          await tx.requestEvent.create({ data: { workspaceId: actor.workspaceId, requestId: request.id, kind: data.kind, occurredAt: check.at, createdById: actor.userId } });
          await tx.foiRequest.update({ where: { id: request.id }, data: { status: replay.status } });
          await unsafeRecomputeClock(request.id, tx);
          count++;
        }
      } else {
        const at = now();
        await tx.requestEvent.createMany({
          data: loaded.requests.map((r) => ({ workspaceId: actor.workspaceId, requestId: r.id, kind: "note" as const, occurredAt: at, note: data.note, createdById: actor.userId })),
        });
        count = loaded.requests.length;
      }
      await recordAudit(
        { workspaceId: actor.workspaceId, userId: actor.userId, action: `batch.bulk.${data.action}`, entity: "Batch", entityId: loaded.batch.id, data: { requests: data.requestIds.length, done: count } },
        tx,
      );
      return count;
    },
    { timeout: 60_000 },
  );
  return { done };
}

/** The chosen letters (every one when none is chosen) as one plain-text file, each on its own page. */
export async function lettersAsText(actor: Actor, batchId: string, requestIds?: string[]): Promise<{ filename: string; text: string }> {
  const letters = await renderAllLetters(actor, batchId, requestIds && requestIds.length > 0 ? requestIds : undefined);
  // A form feed starts each letter on a new page when printed; the rule shows where in an editor.
  const text = letters
    .map((l) => [`To: ${l.bodyName}${l.to ? ` <${l.to}>` : ""}`, `Subject: ${l.subject}`, "", l.letter.trimEnd(), ""].join("\n"))
    .join(`\n${"-".repeat(72)}\n\f`);
  return { filename: `letters-${todayInLondon()}.txt`, text };
}
