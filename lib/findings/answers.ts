import "server-only";
import { z } from "zod";
import { formatUkDate, receiptDate } from "@/lib/deadlines";
import { db } from "@/lib/db/client";
import { requireRole, roleAtLeast, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { fromDbDate, toDbDate } from "@/lib/requests/dates";
import { todayInLondon } from "@/lib/requests/queries";
import { displayAnswer } from "@/lib/findings/findings-table";
import { answerSchemaFor, type AnswerChoiceName, type QuestionTypeName } from "@/lib/findings/schemas";
import type { FindingsResult } from "@/lib/findings/types";

export interface SheetAnswer {
  choice: AnswerChoiceName | null;
  text: string | null;
  number: number | null;
  /** YYYY-MM-DD. */
  date: string | null;
  quote: string | null;
  messageId: string | null;
  attachmentId: string | null;
  /** Private to the workspace (never public, never exported). */
  note: string | null;
  /** The answer as one line ("Yes", "12", "Tuesday 31 August 2021", the text). */
  display: string;
  /** ISO timestamp of the last change. */
  updatedAt: string;
}

export interface AnswerSheet {
  batch: { id: string; name: string };
  /** Whether the actor may record answers (editor or owner). */
  canEdit: boolean;
  questions: Array<{ id: string; position: number; text: string; type: QuestionTypeName; answer: SheetAnswer | null }>;
  evidence: {
    /** The request's messages, oldest first; label e.g. "Tuesday 31 August 2021, received: Response - FOI 123". */
    messages: Array<{ id: string; label: string }>;
    attachments: Array<{ id: string; messageId: string; filename: string }>;
  };
}

/**
 * The coded answers of one request (viewer and up), for its page: null when the request is
 * not in a batch or its batch has no questions. Another workspace's request: NotFoundError.
 * Anchor each question on the page as `id="answer-<questionId>"` (the findings table links there).
 */
export async function getAnswerSheet(actor: Actor, requestId: string): Promise<AnswerSheet | null> {
  const role = await requireRole(actor, "viewer");
  const request = await db.foiRequest.findFirst({
    where: { id: requestId, workspaceId: actor.workspaceId, deletedAt: null },
    select: { id: true, batch: { select: { id: true, name: true, workspaceId: true } } },
  });
  if (!request) throw new NotFoundError("That request is not in this workspace.");
  if (!request.batch || request.batch.workspaceId !== actor.workspaceId) return null;
  const [questions, answers, messages] = await Promise.all([
    db.question.findMany({ where: { batchId: request.batch.id, workspaceId: actor.workspaceId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, text: true, type: true } }),
    db.answer.findMany({
      where: { requestId: request.id, workspaceId: actor.workspaceId },
      select: { questionId: true, choice: true, text: true, number: true, date: true, quote: true, messageId: true, attachmentId: true, note: true, updatedAt: true },
    }),
    db.message.findMany({
      where: { requestId: request.id, workspaceId: actor.workspaceId },
      orderBy: [{ sentAt: "asc" }, { createdAt: "asc" }],
      select: { id: true, direction: true, subject: true, sentAt: true, attachments: { orderBy: { createdAt: "asc" }, select: { id: true, filename: true } } },
    }),
  ]);
  if (questions.length === 0) return null;
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  return {
    batch: { id: request.batch.id, name: request.batch.name },
    canEdit: roleAtLeast(role, "editor"),
    questions: questions.map((q, i) => {
      const a = byQuestion.get(q.id);
      return {
        id: q.id,
        position: i + 1,
        text: q.text,
        type: q.type,
        answer: a
          ? {
              choice: a.choice,
              text: a.text,
              number: a.number,
              date: fromDbDate(a.date),
              quote: a.quote,
              messageId: a.messageId,
              attachmentId: a.attachmentId,
              note: a.note,
              display: displayAnswer(q.type, a),
              updatedAt: a.updatedAt.toISOString(),
            }
          : null,
      };
    }),
    evidence: {
      messages: messages.map((m) => ({
        id: m.id,
        label: `${formatUkDate(receiptDate(m.sentAt))}, ${m.direction === "incoming" ? "received" : "sent"}${m.subject ? `: ${m.subject}` : ""}`,
      })),
      attachments: messages.flatMap((m) => m.attachments.map((a) => ({ id: a.id, messageId: m.id, filename: a.filename }))),
    },
  };
}

async function findRequestAndQuestion(actor: Actor, requestId: string, questionId: string) {
  const request = await db.foiRequest.findFirst({ where: { id: requestId, workspaceId: actor.workspaceId, deletedAt: null }, select: { id: true, batchId: true } });
  if (!request) throw new NotFoundError("That request is not in this workspace.");
  const question = await db.question.findFirst({ where: { id: questionId, workspaceId: actor.workspaceId }, select: { id: true, batchId: true, type: true } });
  // A question of another batch is as good as missing for this request.
  if (!question || question.batchId !== request.batchId) throw new NotFoundError("That question is not asked of this request.");
  return { request, question };
}

/**
 * Records (or replaces) the answer of one request to one question (editor and up).
 * `input` is the form's fields (see answerFieldsSchema); the question's stored type
 * decides which value is required. Refused with field errors: the value missing or
 * malformed, a date in the future (`date`), a message or attachment that is not this
 * request's (`messageId` / `attachmentId`), an attachment not of the chosen message.
 * Only the value matching the type is stored. Another workspace's ids: NotFoundError.
 */
export async function saveAnswer(actor: Actor, requestId: string, questionId: string, input: unknown): Promise<FindingsResult<{ answerId: string }>> {
  await requireRole(actor, "editor");
  const { request, question } = await findRequestAndQuestion(actor, requestId, questionId);
  const parsed = answerSchemaFor(question.type).safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, message: "Check the answer marked below." };
  const data = parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  if (data.date && data.date > todayInLondon()) fieldErrors.date = ["This date is in the future. Enter the date the response gives."];
  let messageId = data.messageId ?? null;
  if (messageId) {
    const message = await db.message.findFirst({ where: { id: messageId, requestId: request.id, workspaceId: actor.workspaceId }, select: { id: true } });
    if (!message) fieldErrors.messageId = ["Choose a message from this request's correspondence."];
  }
  if (data.attachmentId) {
    const attachment = await db.attachment.findFirst({
      where: { id: data.attachmentId, workspaceId: actor.workspaceId, message: { requestId: request.id } },
      select: { messageId: true },
    });
    if (!attachment) fieldErrors.attachmentId = ["Choose an attachment from this request's correspondence."];
    else if (messageId && attachment.messageId !== messageId) fieldErrors.attachmentId = ["That attachment came with another message. Choose the message it came with, or leave the message empty."];
    else messageId = attachment.messageId;
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, message: "Check the answer marked below." };

  const noValue = data.choice === "not_answered" || data.choice === "not_held";
  const values = {
    choice: data.choice ?? null,
    text: question.type === "text" && !noValue ? (data.text ?? null) : null,
    number: question.type === "number" && !noValue ? (data.number ?? null) : null,
    date: question.type === "date" && !noValue ? toDbDate(data.date) : null,
    quote: data.quote ?? null,
    messageId,
    attachmentId: data.attachmentId ?? null,
    note: data.note ?? null,
  };
  const answerId = await db.$transaction(async (tx) => {
    // FOR SHARE: a concurrent change of the question's type (updateQuestion) waits, or has won.
    const [locked] = await tx.$queryRaw<Array<{ type: string }>>`SELECT type::text AS type FROM "Question" WHERE id = ${question.id} FOR SHARE`;
    if (!locked || locked.type !== question.type) return null;
    const answer = await tx.answer.upsert({
      where: { questionId_requestId: { questionId: question.id, requestId: request.id } },
      create: { workspaceId: actor.workspaceId, questionId: question.id, requestId: request.id, createdById: actor.userId, ...values },
      update: values,
      select: { id: true },
    });
    await recordAudit(
      { workspaceId: actor.workspaceId, userId: actor.userId, action: "findings.answer.save", entity: "Answer", entityId: answer.id, data: { requestId: request.id, questionId: question.id } },
      tx,
    );
    return answer.id;
  });
  if (answerId === null) return { ok: false, fieldErrors: {}, message: "This question was changed while you were answering it. Reload the page and answer it again." };
  return { ok: true, answerId };
}

/** Removes the answer of one request to one question (editor and up); nothing to remove is fine. */
export async function clearAnswer(actor: Actor, requestId: string, questionId: string): Promise<FindingsResult> {
  await requireRole(actor, "editor");
  const { request, question } = await findRequestAndQuestion(actor, requestId, questionId);
  await db.$transaction(async (tx) => {
    const removed = await tx.answer.deleteMany({ where: { questionId: question.id, requestId: request.id, workspaceId: actor.workspaceId } });
    if (removed.count > 0) {
      await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "findings.answer.clear", entity: "FoiRequest", entityId: request.id, data: { questionId: question.id } }, tx);
    }
  });
  return { ok: true };
}
