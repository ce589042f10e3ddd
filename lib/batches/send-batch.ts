import "server-only";
import { z } from "zod";
import { receiptDate } from "@/lib/deadlines";
import { db } from "@/lib/db/client";
import { now } from "@/lib/time";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Channel } from "@/lib/generated/prisma";
import { newRowId } from "@/lib/db/row-id";
import { confirmUnconfirmedSent, queueMails, type Mail } from "@/lib/mail/send-mail";
import { createDraftRequests } from "@/lib/requests/create-request";
import { londonInstant } from "@/lib/requests/dates";
import { markSent } from "@/lib/requests/mark-sent";
import { todayInLondon } from "@/lib/requests/queries";
import { BatchStateError, BatchValidationError } from "@/lib/batches/errors";
import { lockDraftBatch } from "@/lib/batches/edit-batch";
import { effectiveChannel, loadBatchForLetters, renderFor, subjectFor, type LoadedBatch } from "@/lib/batches/render";
import { batchReadiness, type BatchReadiness } from "@/lib/batches/readiness";
import { markSentSchema, resolveUnconfirmedSchema, type ResolveUnconfirmedChoice } from "@/lib/batches/schemas";

/** Where the bodies' replies go: the campaign's mailbox, else the sender's own address. */
async function replyToFor(actor: Actor, mailbox: string | null): Promise<string> {
  if (mailbox) return mailbox;
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } });
  return user.email;
}

/**
 * Sends a draft batch: in ONE transaction, one draft request per recipient (its title and
 * letter rendered, or the recipient's own letter) and, for email recipients, its letter in the
 * outbox with Reply-To and the "[FOI #n]" token. Everything or nothing: a failure on any
 * recipient leaves no request and no email. Each request becomes sent (its clock starting
 * from its own date of receipt) when its email is delivered, or when a person marks a
 * WhatDoTheyKnow or postal letter as sent.
 */
export async function sendBatch(actor: Actor, batchId: string): Promise<{ created: number; queued: number }> {
  await requireRole(actor, "editor");
  // A quick check outside the transaction so an unsendable batch fails without taking the lock.
  prepareLetters(await loadBatchForLetters(actor.workspaceId, batchId));
  const createdAt = now();

  const result = await db.$transaction(
    async (tx) => {
      await lockDraftBatch(tx, actor.workspaceId, batchId);
      // Read and rendered again under the lock: an edit saved (title, letter, law, channel,
      // mailbox, recipients) after the check above is what goes, never the version read before.
      const { batch, rows } = prepareLetters(await loadBatchForLetters(actor.workspaceId, batchId, tx));
      const replyTo = await replyToFor(actor, batch.workspace.mailbox);

      // One statement for every request, returning each reference (the "[FOI #n]" token);
      // references follow the recipients' order.
      const referenceOf = await createDraftRequests(
        tx,
        { workspaceId: actor.workspaceId, createdById: actor.userId, batchId: batch.id, parentId: batch.parentId, law: batch.law, createdAt },
        rows.map((r) => ({ id: r.requestId, bodyId: r.recipient.body.id, title: r.rendered.title, letter: r.rendered.letter, channel: r.channel })),
      );
      await tx.$executeRaw`
        UPDATE "BatchRecipient" AS r SET "requestId" = v.request_id
        FROM (SELECT unnest(${rows.map((row) => row.recipient.id)}::text[]) AS id, unnest(${rows.map((row) => row.requestId)}::text[]) AS request_id) AS v
        WHERE r.id = v.id AND r."batchId" = ${batch.id}`;

      const mails: Mail[] = rows
        .filter((row) => row.channel === "email")
        .map((row) => ({
          to: row.recipient.body.foiEmail!,
          replyTo,
          subject: subjectFor(row.rendered.title, referenceOf.get(row.requestId)!),
          text: row.rendered.letter,
          requestId: row.requestId,
          workspaceId: actor.workspaceId,
          dedupeKey: `request:${row.requestId}`,
        }));
      const queued = await queueMails(mails, tx);
      await tx.batch.update({ where: { id: batch.id }, data: { state: "sent", sentAt: createdAt } });
      await recordAudit(
        { workspaceId: actor.workspaceId, userId: actor.userId, action: "batch.send", entity: "Batch", entityId: batch.id, data: { created: rows.length, queued } },
        tx,
      );
      return { created: rows.length, queued };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return result;
}

/**
 * Checks a batch can be sent and renders every recipient's title and letter. Ids are made here
 * so the requests, the recipients' links and the emails go in three statements whatever the
 * batch's size (1,000 recipients: well under the 2 s target).
 */
function prepareLetters(loaded: LoadedBatch) {
  const { batch, recipients } = loaded;
  throwUnlessReady(
    batchReadiness({
      state: batch.state,
      template: batch.template,
      titleTemplate: batch.titleTemplate,
      recipients: recipients.map((r) => ({ id: r.id, bodyId: r.body.id, bodyName: r.body.name, channel: effectiveChannel(batch, r) as Channel, foiEmail: r.body.foiEmail })),
    }),
  );
  const today = todayInLondon();
  const rows = recipients.map((recipient) => {
    const rendered = renderFor(loaded, recipient, today);
    return { recipient, rendered, channel: effectiveChannel(batch, recipient) as Channel, requestId: newRowId("c") };
  });
  return { batch, rows };
}

/** The first thing that stops sending, as the error the send form shows (letter first, then recipients). */
function throwUnlessReady(readiness: BatchReadiness): void {
  const [first] = readiness.blockers;
  if (!first) return;
  switch (first.kind) {
    case "already_sent":
      throw new BatchStateError(first.message);
    case "template":
      throw new BatchValidationError(readiness.templateErrors, "Fix the merge fields in the letter before sending.");
    case "questions_placeholder":
      throw new BatchValidationError({ template: [first.message] }, "The letter still has no questions.");
    case "no_recipients":
      throw new BatchValidationError({ recipients: [first.message] }, first.message);
    case "no_foi_email": {
      const missing = readiness.blockers.filter((b) => b.kind === "no_foi_email");
      const names = missing.map((b) => b.bodyName);
      throw new BatchValidationError(
        { recipients: missing.map((b) => b.message) },
        `${missing.length} ${missing.length === 1 ? "recipient has" : "recipients have"} no FOI email address: ${names.slice(0, 5).join(", ")}${names.length > 5 ? ", ..." : ""}.`,
      );
    }
    default: {
      const unhandled: never = first;
      throw new Error(`Unknown send blocker: ${JSON.stringify(unhandled)}`);
    }
  }
}

async function findRecipient(actor: Actor, batchId: string, recipientId: string) {
  const recipient = await db.batchRecipient.findFirst({
    where: { id: recipientId, batchId, workspaceId: actor.workspaceId },
    select: {
      id: true,
      channel: true,
      batch: { select: { channel: true, state: true, sentAt: true } },
      body: { select: { name: true } },
      request: { select: { id: true, status: true, letter: true, title: true, deletedAt: true, reference: true, deliveries: { select: { state: true, dedupeKey: true } } } },
    },
  });
  if (!recipient) throw new NotFoundError("That recipient is not in this batch.");
  return recipient;
}

/**
 * A WhatDoTheyKnow or postal letter has gone (or an email one that failed was sent some other
 * way): the request is sent on that date, with the WhatDoTheyKnow address for WhatDoTheyKnow.
 */
export async function markRecipientSent(actor: Actor, batchId: string, recipientId: string, input: unknown): Promise<void> {
  await requireRole(actor, "editor");
  const parsed = markSentSchema.safeParse(input);
  if (!parsed.success) throw new BatchValidationError(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const recipient = await findRecipient(actor, batchId, recipientId);
  const request = recipient.request;
  if (recipient.batch.state !== "sent" || !request || request.deletedAt) throw new BatchStateError("Send the batch first: its requests are created when it is sent.");
  if (request.status !== "draft") throw new BatchStateError(`The letter to ${recipient.body.name} is already marked as sent.`);
  const channel = effectiveChannel(recipient.batch, recipient);
  const letterDelivery = request.deliveries.find((d) => d.dedupeKey === `request:${request.id}`);
  if (channel === "email" && letterDelivery && letterDelivery.state !== "failed") {
    throw new BatchStateError("This letter goes by email from the app: it is marked as sent when the email is delivered.");
  }
  const { sentOn, url } = parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  if (sentOn > todayInLondon()) fieldErrors.sentOn = ["This date is in the future. Mark the letter as sent once it has gone."];
  else if (recipient.batch.sentAt && sentOn < receiptDate(recipient.batch.sentAt)) {
    fieldErrors.sentOn = [`This is before the batch was sent (${receiptDate(recipient.batch.sentAt)}).`];
  }
  if (channel === "whatdotheyknow" && !url) fieldErrors.url = ["Paste the request's address from WhatDoTheyKnow."];
  if (Object.keys(fieldErrors).length > 0) throw new BatchValidationError(fieldErrors);

  await db.$transaction(async (tx) => {
    if (url) await tx.foiRequest.update({ where: { id: request.id }, data: { externalUrl: url } });
    const marked = await markSent(
      [
        {
          requestId: request.id,
          workspaceId: actor.workspaceId,
          sentAt: londonInstant(sentOn),
          message: { text: request.letter, subject: request.title, toAddress: null, fromName: null },
          createdById: actor.userId,
        },
      ],
      tx,
    );
    if (!marked.has(request.id)) throw new BatchStateError(`The letter to ${recipient.body.name} is already marked as sent.`);
    await recordAudit(
      { workspaceId: actor.workspaceId, userId: actor.userId, action: "batch.recipient.sent", entity: "FoiRequest", entityId: request.id, data: { sentOn, channel, url: url ?? null } },
      tx,
    );
  });
}

async function findDelivery(actor: Actor, deliveryId: string) {
  const found = await db.delivery.findFirst({ where: { id: deliveryId, workspaceId: actor.workspaceId }, include: { request: { select: { deletedAt: true } } } });
  if (!found) throw new NotFoundError("That email is not in this workspace.");
  const { request, ...delivery } = found;
  // A deleted request's letter is not sent (lib/mail/outbox.ts) nor recorded as sent.
  if (request?.deletedAt) throw new BatchStateError("That letter's request was deleted: an owner can restore it under Deleted requests, then send it.");
  return delivery;
}

/**
 * The worker stopped while sending this letter. "mark_sent": a person found it in the sent
 * mail, so it is recorded as sent (at the time it was being sent); "send_again": it goes
 * again with the SAME Message-ID, which lets a receiving server drop a copy.
 */
export async function resolveUnconfirmed(actor: Actor, deliveryId: string, choice: ResolveUnconfirmedChoice): Promise<void> {
  await requireRole(actor, "editor");
  const parsedChoice = resolveUnconfirmedSchema.parse(choice);
  const delivery = await findDelivery(actor, deliveryId);
  if (delivery.state !== "unconfirmed") throw new BatchStateError("This email is no longer waiting for a decision.");
  await db.$transaction(async (tx) => {
    if (parsedChoice === "send_again") {
      const changed = await tx.delivery.updateMany({
        where: { id: delivery.id, state: "unconfirmed" },
        data: { state: "pending", nextAttempt: now(), lastError: null, claimedAt: null },
      });
      if (changed.count === 0) throw new BatchStateError("This email is no longer waiting for a decision.");
    } else {
      const confirmed = await confirmUnconfirmedSent(delivery.id, delivery.claimedAt ?? now(), tx);
      if (!confirmed) throw new BatchStateError("This email is no longer waiting for a decision.");
    }
    await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: `delivery.${parsedChoice}`, entity: "Delivery", entityId: delivery.id }, tx);
  });
}

/**
 * A failed email (refused by the server, or out of retries) goes again from the first attempt,
 * to the body's FOI address as the directory has it now (the usual fix for a refusal).
 */
export async function retryFailed(actor: Actor, deliveryId: string): Promise<void> {
  await requireRole(actor, "editor");
  const delivery = await findDelivery(actor, deliveryId);
  if (delivery.state !== "failed") throw new BatchStateError("Only a failed email can be tried again.");
  // A complaint went to the regulator's address, not the body's: it keeps its address.
  const current = delivery.requestId && !delivery.dedupeKey?.startsWith("complaint:")
    ? await db.foiRequest.findFirst({ where: { id: delivery.requestId, workspaceId: actor.workspaceId }, select: { body: { select: { foiEmail: true } } } })
    : null;
  const toAddress = current?.body.foiEmail ?? delivery.toAddress;
  await db.$transaction(async (tx) => {
    const changed = await tx.delivery.updateMany({
      where: { id: delivery.id, state: "failed" },
      data: { state: "pending", attempts: 0, nextAttempt: now(), claimedAt: null, toAddress },
    });
    if (changed.count === 0) throw new BatchStateError("Only a failed email can be tried again.");
    await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "delivery.retry", entity: "Delivery", entityId: delivery.id }, tx);
  });
}
