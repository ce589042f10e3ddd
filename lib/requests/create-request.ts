import "server-only";
import { receiptDate } from "@/lib/deadlines";
import { db, type Prisma } from "@/lib/db/client";
import type { Channel, Law } from "@/lib/generated/prisma";
import { requireRole, type Actor } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { londonInstant } from "@/lib/requests/dates";
import { todayInLondon } from "@/lib/requests/queries";
import { createRequestSchema, type CreateRequestInput } from "@/lib/requests/schemas";
import { markSent } from "@/lib/requests/mark-sent";

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
export async function createRequest(
  actor: Actor,
  input: unknown,
  /** What must commit with the new request (a reply filed on it: lib/replies/assign.ts). */
  inTransaction?: (tx: Prisma.TransactionClient, requestId: string) => Promise<void>,
): Promise<RequestWriteResult> {
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
      data: { workspaceId: actor.workspaceId, ...requestColumns(data), status: "draft", createdById: actor.userId },
      select: { id: true },
    });
    // Logged with its date sent: a draft sent at once, like any other.
    if (sentAt) await markSent([{ requestId: request.id, workspaceId: actor.workspaceId, sentAt, message: null, createdById: actor.userId }], tx);
    await recordAudit(
      { workspaceId: actor.workspaceId, userId: actor.userId, action: "request.create", entity: "FoiRequest", entityId: request.id, data: { sent: sentAt ? receiptDate(sentAt) : null } },
      tx,
    );
    await inTransaction?.(tx, request.id);
    return request.id;
  });
  return { ok: true, requestId };
}

export interface DraftRequestRow {
  /** Made by the caller (lib/db/row-id), so its other rows can point at it in the same statement. */
  id: string;
  bodyId: string;
  title: string;
  letter: string;
  channel: Channel;
}

/**
 * Many draft requests in one statement (a batch of 1,000: one INSERT, not 1,000), within the
 * caller's transaction. Returns each request's reference (the "[FOI #n]" token), in the rows'
 * order. Unscoped beyond `workspaceId`: the caller has checked the actor may write there.
 */
export async function createDraftRequests(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  common: { workspaceId: string; createdById: string; batchId: string | null; parentId: string | null; law: Law; createdAt: Date },
  rows: readonly DraftRequestRow[],
): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const at = common.createdAt.toISOString();
  const inserted = await tx.$queryRaw<Array<{ id: string; reference: number }>>`
    INSERT INTO "FoiRequest" (id, "workspaceId", "bodyId", "parentId", "batchId", law, title, letter, channel, status, "createdById", "createdAt", "updatedAt")
    SELECT u.id, ${common.workspaceId}, u.body_id, ${common.parentId}::text, ${common.batchId}::text, ${common.law}::"Law", u.title, u.letter, u.channel::"Channel", 'draft'::"RequestStatus",
      ${common.createdById}, ${at}::timestamptz AT TIME ZONE 'UTC', ${at}::timestamptz AT TIME ZONE 'UTC'
    FROM unnest(
      ${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.bodyId)}::text[], ${rows.map((r) => r.title)}::text[],
      ${rows.map((r) => r.letter)}::text[], ${rows.map((r) => r.channel)}::text[]
    ) WITH ORDINALITY AS u(id, body_id, title, letter, channel, ord)
    ORDER BY u.ord
    RETURNING id, reference`;
  return new Map(inserted.map((r) => [r.id, Number(r.reference)]));
}
