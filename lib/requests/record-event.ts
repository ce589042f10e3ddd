import "server-only";
import { receiptDate } from "@/lib/deadlines";
import { db, type Prisma } from "@/lib/db/client";
import type { EventKind, Law, RequestStatus } from "@/lib/generated/prisma";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { londonInstant, toDbDate } from "@/lib/requests/dates";
import { todayInLondon } from "@/lib/requests/queries";
import { recordEventSchema } from "@/lib/requests/schemas";
import { replayTimeline } from "@/lib/requests/timeline";
import { unsafeRecomputeClock } from "@/lib/requests/unsafe-recompute-clock";
import { TIMELINE_ORDER } from "@/lib/requests/stored-clock";

/**
 * When the event happened. Without a time, a date means "that day, after whatever was
 * already recorded on it" (an acknowledgement on the day of sending comes after the sending).
 */
function eventInstant(date: string, time: string | undefined, existing: Date[]): Date {
  const typed = londonInstant(date, time);
  if (time) return typed;
  const sameDay = existing.filter((d) => receiptDate(d) === date).map((d) => d.getTime());
  const latest = Math.max(typed.getTime(), ...sameDay.map((t) => t + 60_000));
  const endOfDay = londonInstant(date, "23:59").getTime();
  return new Date(Math.min(latest, endOfDay));
}

export interface AppendedEvent {
  workspaceId: string;
  requestId: string;
  kind: EventKind;
  /** When it happened, given the times of the entries already on the timeline (read under the lock). */
  at: (existing: Date[]) => Date;
  note?: string | null;
  newDueOn?: Date | null;
  exemptions?: string[];
  /** A clarification the person says was not reasonably required (the clock runs on). */
  notReasonablyRequired?: boolean;
  result?: RequestStatus | null;
  /** The message it came with or went as. */
  messageId?: string | null;
  createdById?: string | null;
}

/**
 * The one way an entry joins a timeline, inside the caller's transaction: the request is
 * locked (two writers replay one after the other, each against the timeline as the other
 * left it), the whole timeline is replayed with the new entry in date order, and only then are
 * the entry, the status and the stored clock written. An impossible step writes nothing and
 * returns its reason. Unscoped beyond the workspace id: callers check the actor first.
 */
export async function appendEvent(tx: Prisma.TransactionClient, entry: AppendedEvent): Promise<{ ok: true; eventId: string; status: RequestStatus } | { ok: false; reason: string }> {
  const locked = await tx.$queryRaw<Array<{ id: string; law: Law }>>`
    SELECT id, law FROM "FoiRequest" WHERE id = ${entry.requestId} AND "workspaceId" = ${entry.workspaceId} AND "deletedAt" IS NULL FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError("That request is not in this workspace.");
  const events = await tx.requestEvent.findMany({
    where: { requestId: entry.requestId },
    orderBy: TIMELINE_ORDER,
    select: { kind: true, occurredAt: true, result: true },
  });
  const occurredAt = entry.at(events.map((e) => e.occurredAt));
  const replay = replayTimeline([
    ...events.map((e) => ({ kind: e.kind, at: e.occurredAt.toISOString(), result: e.result })),
    { kind: entry.kind, at: occurredAt.toISOString(), result: entry.result ?? null },
  ], { law: locked[0]!.law });
  if (!replay.ok) return { ok: false, reason: replay.reason };
  const event = await tx.requestEvent.create({
    data: {
      workspaceId: entry.workspaceId,
      requestId: entry.requestId,
      kind: entry.kind,
      occurredAt,
      note: entry.note ?? null,
      newDueOn: entry.newDueOn ?? null,
      exemptions: entry.exemptions ?? [],
      notReasonablyRequired: entry.notReasonablyRequired ?? false,
      result: entry.result ?? null,
      messageId: entry.messageId ?? null,
      createdById: entry.createdById ?? null,
    },
    select: { id: true },
  });
  await tx.foiRequest.update({ where: { id: entry.requestId }, data: { status: replay.status } });
  await unsafeRecomputeClock(entry.requestId, tx);
  return { ok: true, eventId: event.id, status: replay.status };
}

export type RecordEventResult = { ok: true; eventId: string } | { ok: false; fieldErrors: Record<string, string[]>; message?: string };

/**
 * An entry that comes from a message (a reply a person confirmed): the entry links to it, and
 * `inTransaction` writes what else must commit with the entry (the message's review state).
 */
export interface EventFromMessage {
  messageId: string;
  inTransaction?: (tx: Prisma.TransactionClient, eventId: string) => Promise<void>;
}

const RESULT_KINDS = new Set(["internal_review_answered", "ico_decision"]);
// An extension notice names the qualified exemption whose public interest it weighs (FOIA s10(3), s17(2)).
/** The entries that carry the exemptions they cite. */
export const EXEMPTION_KINDS: ReadonlySet<string> = new Set(["response_refused", "response_partial", "internal_review_answered", "ico_decision", "extension"]);

/**
 * Adds what happened to a request's timeline. The whole timeline is replayed with the new
 * entry in date order, so an impossible sequence is refused with its reason; then the
 * status and the stored clock are updated in the same transaction.
 */
export async function recordEvent(actor: Actor, input: unknown, fromMessage?: EventFromMessage): Promise<RecordEventResult> {
  await requireRole(actor, "editor");
  const parsed = recordEventSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  const data = parsed.data;
  const request = await db.foiRequest.findFirst({
    where: { id: data.requestId, workspaceId: actor.workspaceId, deletedAt: null },
    select: { id: true, sentAt: true, status: true, law: true },
  });
  if (!request) throw new NotFoundError("That request is not in this workspace.");
  if (request.status === "draft") return { ok: false, fieldErrors: { kind: ["Give the date it was sent first (Edit the draft)."] } };

  const fieldErrors: Record<string, string[]> = {};
  const today = todayInLondon();
  if (data.date > today) fieldErrors.date = ["This date is in the future. Record things once they have happened."];
  else if (request.sentAt && data.date < receiptDate(request.sentAt)) fieldErrors.date = [`This is before the request was sent (${receiptDate(request.sentAt)}).`];
  // An extension's new date, or the date a decision notice sets for the body's steps (FOIA s50(4); FOISA s49(3)(b)).
  if (data.newDueDate && data.kind !== "extension" && data.kind !== "ico_decision") fieldErrors.newDueDate = ["A date only goes with an extension or a decision notice."];
  if (data.kind === "ico_decision" && data.newDueDate && data.newDueDate <= data.date) fieldErrors.newDueDate = ["The date for the steps must be after the decision."];
  if (data.kind === "extension" && data.newDueDate && data.newDueDate <= data.date) fieldErrors.newDueDate = ["The new due date must be after the date of the extension."];
  if (RESULT_KINDS.has(data.kind) && !data.result) fieldErrors.result = ["Choose what was decided."];
  if (data.exemptions.length > 0 && !EXEMPTION_KINDS.has(data.kind)) fieldErrors.exemptions = ["Exemptions only go with a refusal, a partial answer or an extension."];
  if (data.notReasonablyRequired && data.kind !== "clarification_requested") fieldErrors.notReasonablyRequired = ["This only goes with a request for clarification."];
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  const result = await db.$transaction(async (tx) => {
    const appended = await appendEvent(tx, {
      workspaceId: actor.workspaceId,
      requestId: request.id,
      kind: data.kind,
      at: (existing) => eventInstant(data.date, data.time, existing),
      note: data.note ?? null,
      newDueOn: toDbDate(data.newDueDate),
      exemptions: data.exemptions,
      notReasonablyRequired: data.notReasonablyRequired,
      result: data.result ?? null,
      messageId: fromMessage?.messageId ?? null,
      createdById: actor.userId,
    });
    if (!appended.ok) return appended;
    await fromMessage?.inTransaction?.(tx, appended.eventId);
    await recordAudit(
      { workspaceId: actor.workspaceId, userId: actor.userId, action: "request.event", entity: "FoiRequest", entityId: request.id, data: { kind: data.kind, date: data.date, status: appended.status } },
      tx,
    );
    return appended;
  });
  if (!result.ok) return { ok: false, fieldErrors: { kind: [result.reason] }, message: result.reason };
  const eventId = result.eventId;
  return { ok: true, eventId };
}
