import "server-only";
import { receiptDate } from "@/lib/deadlines";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { londonInstant } from "@/lib/requests/dates";
import { todayInLondon } from "@/lib/requests/queries";
import { createRequestSchema, type CreateRequestInput } from "@/lib/requests/schemas";
import { unsafeRecomputeClock } from "@/lib/requests/unsafe-recompute-clock";

export type RequestWriteResult = { ok: true; requestId: string } | { ok: false; fieldErrors: Record<string, string[]>; message?: string };

/** The rules every request's fields share, beyond their shapes. */
export function checkRequestFields(input: { sentDate?: string; channel: string; externalUrl?: string }): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (input.sentDate && input.sentDate > todayInLondon()) errors.sentDate = ["The date sent cannot be in the future."];
  if (input.channel === "whatdotheyknow" && input.externalUrl && !/^https:\/\/(www\.)?whatdotheyknow\.com\//i.test(input.externalUrl)) {
    errors.externalUrl = ["A WhatDoTheyKnow address starts with https://www.whatdotheyknow.com/"];
  }
  return errors;
}

/** The columns a request form sets, shared by creating and editing a draft. */
export function requestColumns(data: CreateRequestInput) {
  return {
    bodyId: data.bodyId,
    title: data.title,
    letter: data.letter,
    law: data.law,
    channel: data.channel,
    externalUrl: data.externalUrl ?? null,
    authorityRef: data.authorityRef ?? null,
  };
}

/** Logs a request to a body in the directory: a draft, or sent (with its clock) if a date is given. */
export async function createRequest(actor: Actor, input: unknown): Promise<RequestWriteResult> {
  await requireRole(actor, "editor");
  const parsed = createRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  const data = parsed.data;
  const body = await db.publicBody.findFirst({ where: { id: data.bodyId, workspaceId: actor.workspaceId }, select: { id: true } });
  const fieldErrors = checkRequestFields(data);
  if (!body) fieldErrors.bodyId = ["Choose a body from this workspace's directory."];
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const sentAt = data.sentDate ? londonInstant(data.sentDate, data.sentTime) : null;
  const requestId = await db.$transaction(async (tx) => {
    const request = await tx.foiRequest.create({
      data: {
        workspaceId: actor.workspaceId,
        ...requestColumns(data),
        status: sentAt ? "awaiting_response" : "draft",
        sentAt,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    if (sentAt) {
      await tx.requestEvent.create({
        data: { workspaceId: actor.workspaceId, requestId: request.id, kind: "sent", occurredAt: sentAt, createdById: actor.userId },
      });
      await unsafeRecomputeClock(request.id, tx);
    }
    await recordAudit(
      { workspaceId: actor.workspaceId, userId: actor.userId, action: "request.create", entity: "FoiRequest", entityId: request.id, data: { sent: sentAt ? receiptDate(sentAt) : null } },
      tx,
    );
    return request.id;
  });
  return { ok: true, requestId };
}
