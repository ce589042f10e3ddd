import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { subjectFor, TITLE_MAX_LENGTH } from "@/lib/batches/render";
import type { EventKind, RequestStatus } from "@/lib/generated/prisma";
import { calendarFor } from "@/lib/holidays/calendars";
import { draftLetters, letterFactsFromRequest, UNFILLED_PART } from "@/lib/letters/draft-letters";
import { LETTER_PURPOSES, queueMail } from "@/lib/mail/send-mail";
import { todayInLondon } from "@/lib/requests/queries";
import { emailLetterSchema, requestIdSchema, type EmailLetterKind } from "@/lib/requests/schemas";
import { clockFromTimeline, REQUEST_FIELDS_SELECT, STORED_EVENT_SELECT, TIMELINE_ORDER } from "@/lib/requests/stored-clock";
import { threadHeadersFor } from "@/lib/requests/thread";
import { applyEvent } from "@/lib/requests/timeline";

// Writing to a body (or the regulator) from the request page, by email through the outbox. What
// a letter means for the timeline is recorded when it is delivered (lib/requests/on-delivered.ts),
// never when it is queued: a letter that never leaves changes nothing.

type LetterPurpose = (typeof LETTER_PURPOSES)[number];

/** Each letter's outbox purpose (its dedupe key's prefix) and what it says in plain words. */
export const EMAIL_LETTERS: Record<EmailLetterKind, { purpose: LetterPurpose; noun: string; subject: string; event: EventKind | null }> = {
  chaser: { purpose: "chaser", noun: "chaser", subject: "Overdue", event: null },
  internal_review: { purpose: "review", noun: "request for an internal review", subject: "Internal review", event: "internal_review_requested" },
  ico_complaint: { purpose: "complaint", noun: "complaint", subject: "Complaint", event: "ico_complaint" },
  clarification: { purpose: "clarification", noun: "clarification", subject: "Clarification", event: "clarification_sent" },
};

/** States in which a letter is still on its way (or may have gone): a second one waits. */
const IN_FLIGHT = ["pending", "sending", "unconfirmed"] as const;

async function loadRequest(actor: Actor, requestId: string, client: Pick<Prisma.TransactionClient, "foiRequest"> = db) {
  const request = await client.foiRequest.findFirst({
    where: { id: requestId, workspaceId: actor.workspaceId },
    select: {
      ...REQUEST_FIELDS_SELECT,
      batchId: true,
      deletedAt: true,
      body: { select: { id: true, name: true, foiEmail: true } },
      workspace: { select: { name: true, mailbox: true, receiptConvention: true } },
      events: { orderBy: TIMELINE_ORDER, select: { ...STORED_EVENT_SELECT, result: true } },
    },
  });
  if (!request) throw new NotFoundError("That request is not in this workspace.");
  // A deleted request does nothing (its waiting letters are not sent either): say so plainly.
  if (request.deletedAt) throw new ConflictError("This request is deleted. An owner can restore it under Deleted requests; then you can write to the body.");
  return request;
}

type LoadedRequest = Awaited<ReturnType<typeof loadRequest>>;

/** Where the body's answer goes: the campaign's mailbox, else the sender's own address. */
async function replyToFor(actor: Actor, mailbox: string | null, client: Prisma.TransactionClient): Promise<string> {
  if (mailbox) return mailbox;
  return (await client.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } })).email;
}

export function noFoiEmailMessage(bodyName: string): string {
  return `${bodyName} has no FOI email address in the directory. Add the trust's FOI email on its page under Trusts, then send.`;
}

/**
 * Why this letter cannot go by email now, or null. The drafted letters go only when the page
 * offers them (a chaser once overdue, a review after a refusal or a long delay, a complaint once
 * the review is late or answered); every letter that becomes a timeline entry must fit the
 * timeline as it stands.
 */
export async function emailLetterRefusal(request: LoadedRequest, kind: EmailLetterKind): Promise<string | null> {
  if (request.status === "draft") return "Send the request first.";
  if (kind !== "ico_complaint" && request.channel === "whatdotheyknow") {
    return "This request was made on WhatDoTheyKnow: write to the body there, so the whole exchange stays on its public page.";
  }
  const facts = EMAIL_LETTERS[kind];
  if (facts.event) {
    const step = applyEvent(request.status, { kind: facts.event, at: "" });
    if (!step.ok) return step.reason;
  }
  if (kind === "clarification") return request.status === "awaiting_clarification" ? null : "The body has not asked for clarification.";
  const today = todayInLondon();
  const clock = clockFromTimeline(
    { law: request.law, receiptConvention: request.workspace.receiptConvention, calendar: await calendarFor(request.law), events: request.events },
    today,
  );
  const offered = draftLetters(letterFactsFromRequest({ ...request, clock, today })).map((l) => l.kind);
  if (!offered.includes(kind)) {
    return kind === "chaser"
      ? "A chaser is offered once the response is overdue."
      : kind === "internal_review"
        ? "A request for an internal review is offered after a refusal, a partial answer or a long delay."
        : "A complaint is offered once the internal review is late or answered.";
  }
  return null;
}

/** The letter's first line "Subject: ..." (as drafted) becomes the email's subject; the rest is its text. */
export function splitSubject(text: string, fallback: string): { subject: string; body: string } {
  const match = /^\s*Subject:[ \t]*(.*)\r?\n/i.exec(text);
  const subject = (match?.[1] ?? "").replace(/\s+/g, " ").trim();
  if (!match || !subject) return { subject: fallback, body: text.trim() };
  return { subject, body: text.slice(match[0].length).trim() };
}

/** The subject with the request's "[FOI #n]" token once (a person may have kept it in the text). */
function subjectWithToken(subject: string, reference: number): string {
  const bare = subject.replace(new RegExp(`\\s*\\[FOI #${reference}\\]`, "g"), "").trim();
  return subjectFor(bare.slice(0, TITLE_MAX_LENGTH), reference);
}

/**
 * Queues one letter to the body (the complaint: to the address given) with the request's token,
 * Reply-To and the thread's headers. Once per form (its sendKey) and, for a chaser, once a day
 * (the key the batch page's chasers share); a second letter of the same kind waits until the
 * first has gone. Returns the outbox row and where it goes.
 */
export async function emailLetter(actor: Actor, input: unknown): Promise<{ deliveryId: string; to: string; noun: string }> {
  await requireRole(actor, "editor");
  const parsed = emailLetterSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const data = parsed.data;
  const letter = EMAIL_LETTERS[data.kind];
  const today = todayInLondon();
  const dedupeKey = data.kind === "chaser" ? `chaser:${data.requestId}:${today}` : `${letter.purpose}:${data.requestId}:${data.sendKey}`;

  return db.$transaction(async (tx) => {
    // Locked, so two people sending the same letter at once queue one after the other and the
    // second sees the first.
    const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "FoiRequest" WHERE id = ${data.requestId} AND "workspaceId" = ${actor.workspaceId} FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundError("That request is not in this workspace.");
    const request = await loadRequest(actor, data.requestId, tx);

    const existing = await tx.delivery.findUnique({ where: { dedupeKey }, select: { id: true, workspaceId: true, toAddress: true } });
    if (existing && existing.workspaceId === actor.workspaceId) {
      // The same form sent twice: the first is the letter.
      if (data.kind !== "chaser") return { deliveryId: existing.id, to: existing.toAddress, noun: letter.noun };
      throw new ConflictError("A chaser already went to this body today.");
    }
    const waiting = await tx.delivery.findFirst({
      where: { workspaceId: actor.workspaceId, requestId: request.id, dedupeKey: { startsWith: `${letter.purpose}:` }, state: { in: [...IN_FLIGHT] } },
      select: { id: true },
    });
    if (waiting) throw new ConflictError(`A ${letter.noun} on this request is already waiting to be sent: see "Emails from the app" below.`);
    const refusal = await emailLetterRefusal(request, data.kind);
    if (refusal) throw new ConflictError(refusal);
    const to = data.kind === "ico_complaint" ? data.to : request.body.foiEmail;
    if (!to) {
      if (data.kind === "ico_complaint") throw new InvalidError({ to: ["Give the regulator's email address for complaints."] }, "Give the regulator's email address for complaints.");
      throw new ConflictError(noFoiEmailMessage(request.body.name));
    }

    if (UNFILLED_PART.test(data.text)) throw new InvalidError({ text: ["Replace the parts in [square brackets] with your own words before sending."] });
    const { subject, body } = splitSubject(data.text, `${letter.subject}: ${request.title}`);
    const thread = await threadHeadersFor(tx, actor.workspaceId, request.id);
    const deliveryId = await queueMail(
      {
        to,
        replyTo: await replyToFor(actor, request.workspace.mailbox, tx),
        subject: subjectWithToken(subject, request.reference),
        text: body,
        requestId: request.id,
        workspaceId: actor.workspaceId,
        dedupeKey,
        inReplyTo: thread.inReplyTo,
        references: thread.references,
      },
      tx,
    );
    await recordAudit(
      { workspaceId: actor.workspaceId, userId: actor.userId, action: "request.email_letter", entity: "FoiRequest", entityId: request.id, data: { kind: data.kind, to, deliveryId } },
      tx,
    );
    return { deliveryId, to, noun: letter.noun };
  });
}

/** Why a draft request cannot be emailed from its page, or null. */
export function sendRequestRefusal(request: { status: RequestStatus; batchId: string | null; channel: string; body: { name: string; foiEmail: string | null } }): string | null {
  if (request.status !== "draft") return "This request has already been sent.";
  if (request.batchId) return "This request is part of a batch: send it from the batch's page.";
  if (request.channel !== "email") return "This request is set to go another way than email: choose email under Edit the draft, or record the date you sent it.";
  if (!request.body.foiEmail) return noFoiEmailMessage(request.body.name);
  return null;
}

/**
 * A draft request outside a batch goes by email, like a batch letter: its token in the subject,
 * Reply-To the campaign's mailbox, and the outbox's key "request:<id>", so a double submit or a
 * crash never sends it twice. It becomes sent, and its clock starts, when the email is delivered.
 */
export async function sendRequestByEmail(actor: Actor, input: unknown): Promise<{ deliveryId: string; to: string }> {
  await requireRole(actor, "editor");
  const { requestId } = requestIdSchema.parse(input);
  const dedupeKey = `request:${requestId}`;
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "FoiRequest" WHERE id = ${requestId} AND "workspaceId" = ${actor.workspaceId} FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundError("That request is not in this workspace.");
    const request = await loadRequest(actor, requestId, tx);
    const existing = await tx.delivery.findUnique({ where: { dedupeKey }, select: { id: true, state: true, toAddress: true } });
    if (existing) {
      if (existing.state === "failed") throw new ConflictError('This letter could not be sent: see "Emails from the app" below and use Send again.');
      // Queued already (a double submit): the first is the letter.
      return { deliveryId: existing.id, to: existing.toAddress };
    }
    const refusal = sendRequestRefusal(request);
    if (refusal) throw new ConflictError(refusal);
    const to = request.body.foiEmail!;
    const deliveryId = await queueMail(
      {
        to,
        replyTo: await replyToFor(actor, request.workspace.mailbox, tx),
        subject: subjectFor(request.title.replace(/\s+/g, " ").trim().slice(0, TITLE_MAX_LENGTH), request.reference),
        text: request.letter,
        requestId: request.id,
        workspaceId: actor.workspaceId,
        dedupeKey,
      },
      tx,
    );
    await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "request.email_send", entity: "FoiRequest", entityId: request.id, data: { to, deliveryId } }, tx);
    return { deliveryId, to };
  });
}

/** What the request page shows and offers for emailing: each letter's refusal, the request's, the emails so far. */
export async function emailOptionsFor(actor: Actor, requestId: string) {
  await requireRole(actor, "viewer");
  const request = await loadRequest(actor, requestId);
  const refusals = Object.fromEntries(
    await Promise.all(Object.keys(EMAIL_LETTERS).map(async (kind) => [kind, await emailLetterRefusal(request, kind as EmailLetterKind)] as const)),
  ) as Record<EmailLetterKind, string | null>;
  const emails = await db.delivery.findMany({
    where: { workspaceId: actor.workspaceId, requestId: request.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, toAddress: true, subject: true, state: true, lastError: true, sentAt: true, createdAt: true, dedupeKey: true },
  });
  return {
    foiEmail: request.body.foiEmail,
    bodyId: request.body.id,
    bodyName: request.body.name,
    sendRequestRefusal: request.status === "draft" ? sendRequestRefusal(request) : null,
    letterRefusals: refusals,
    emails,
  };
}
