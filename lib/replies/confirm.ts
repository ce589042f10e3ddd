import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { ConflictError, NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { EXEMPTION_KINDS, recordEvent, type RecordEventResult } from "@/lib/requests/record-event";
import { readSuggestion } from "@/lib/replies/suggestion";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * What a person may change before confirming ("Change before confirming"); anything left out
 * is taken from the suggestion. Checked in full by the timeline's own schema (lib/requests).
 */
export const confirmSuggestionSchema = z.object({
  kind: z.preprocess(blank, z.string().optional()),
  date: z.preprocess(blank, z.string().optional()),
  newDueDate: z.preprocess(blank, z.string().optional()),
  exemptions: z.preprocess(blank, z.union([z.string(), z.array(z.string())]).optional()),
  result: z.preprocess(blank, z.string().optional()),
  note: z.preprocess(blank, z.string().optional()),
});

const ALREADY = "This reply has already been confirmed or set aside. Reload the page to see where it stands.";

async function pendingReplyOrThrow(actor: Actor, messageId: string) {
  const message = await db.message.findFirst({
    where: { id: messageId, workspaceId: actor.workspaceId, direction: "incoming", requestId: { not: null }, request: { deletedAt: null } },
    select: { id: true, requestId: true, review: true, suggestion: true },
  });
  if (!message || !message.requestId) throw new NotFoundError("That reply is not in this workspace.");
  if (message.review !== "pending") throw new ConflictError(ALREADY);
  return { ...message, requestId: message.requestId };
}

/**
 * A person confirms what a reply means, as suggested or changed: the entry is recorded through
 * the timeline's one path (lib/requests/record-event: checked against the timeline, then the
 * status and the clock follow), linked to the message, and the reply stops waiting, all in
 * one transaction. Confirming twice records once.
 */
export async function confirmSuggestion(actor: Actor, messageId: string, input: unknown): Promise<RecordEventResult> {
  await requireRole(actor, "editor");
  const message = await pendingReplyOrThrow(actor, messageId);
  const changes = confirmSuggestionSchema.parse(input ?? {});
  const suggestion = readSuggestion(message.suggestion);
  const kind = changes.kind ?? suggestion?.kind;
  const exemptions =
    changes.exemptions !== undefined
      ? changes.exemptions
      : (suggestion?.exemptions ?? []).join(", ");
  const exemptionList = (Array.isArray(exemptions) ? exemptions : exemptions.split(/[,;\n]/)).map((e) => e.trim()).filter(Boolean);
  // Exemptions go with the entries that cite them (an extension names the one whose public
  // interest it weighs, FOIA s10(3)); on any other entry they are kept in the note.
  const keepsExemptions = kind !== undefined && EXEMPTION_KINDS.has(kind);
  const note = [changes.note, !keepsExemptions && exemptionList.length ? `Citing ${exemptionList.join(", ")}.` : undefined].filter(Boolean).join(" ") || undefined;
  const recorded = await recordEvent(
    actor,
    {
      requestId: message.requestId,
      kind,
      date: changes.date ?? suggestion?.on,
      newDueDate: kind === "extension" ? (changes.newDueDate ?? suggestion?.newDueOn) : changes.newDueDate,
      exemptions: keepsExemptions ? exemptionList : [],
      result: changes.result ?? suggestion?.result,
      note,
    },
    {
      messageId: message.id,
      inTransaction: async (tx, eventId) => {
        const updated = await tx.message.updateMany({ where: { id: message.id, workspaceId: actor.workspaceId, review: "pending" }, data: { review: "confirmed" } });
        // Someone else confirmed or set it aside meanwhile: this entry is not recorded.
        if (updated.count === 0) throw new ConflictError(ALREADY);
        await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "reply.confirm", entity: "Message", entityId: message.id, data: { requestId: message.requestId, eventId, kind: kind ?? null } }, tx);
      },
    },
  );
  // Two confirmations at once: the second waits for the first, then its entry is refused by
  // the timeline (two extensions) before it reaches the review check; say what really happened.
  if (!recorded.ok) {
    const current = await db.message.findUnique({ where: { id: message.id }, select: { review: true } });
    if (current?.review !== "pending") throw new ConflictError(ALREADY);
  }
  return recorded;
}

/** "Not this": the suggestion was wrong; the reply stays on the request, and nothing is recorded on the timeline. */
export async function dismissSuggestion(actor: Actor, messageId: string): Promise<{ ok: true }> {
  await requireRole(actor, "editor");
  const message = await pendingReplyOrThrow(actor, messageId);
  await db.$transaction(async (tx) => {
    const updated = await tx.message.updateMany({ where: { id: message.id, workspaceId: actor.workspaceId, review: "pending" }, data: { review: "dismissed" } });
    if (updated.count === 0) throw new ConflictError(ALREADY);
    await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "reply.dismiss", entity: "Message", entityId: message.id, data: { requestId: message.requestId } }, tx);
  });
  return { ok: true };
}
