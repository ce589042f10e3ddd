import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { recordAudit } from "@/lib/audit/record-audit";
import { findBatchOrThrow, findQuestionOrThrow } from "@/lib/findings/batch-access";
import { MAX_QUESTIONS_PER_BATCH, moveDirectionSchema, questionSchema, type QuestionTypeName } from "@/lib/findings/schemas";
import type { FindingsResult } from "@/lib/findings/types";

/**
 * The campaign's research questions for the follow-up to the 31 trusts that did not
 * apply (issue 7). The first asks for the reason in the trust's words, so it is free text.
 */
export const SUGGESTED_QUESTIONS: ReadonlyArray<{ text: string; type: QuestionTypeName }> = [
  { text: "Why did the trust not apply?", type: "text" },
  { text: "Were Lived Experience Professionals involved in the decision?", type: "choice" },
  { text: "Are other Band 7 or higher Lived Experience posts planned?", type: "choice" },
];

export interface QuestionItem {
  id: string;
  /** 1, 2, 3 ... in the order the table shows them. */
  position: number;
  text: string;
  type: QuestionTypeName;
  /** How many requests have an answer recorded: changing the type is refused when > 0. */
  answerCount: number;
}

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  return z.flattenError(error).fieldErrors as Record<string, string[]>;
}

/** A batch's questions in order (viewer and up). Another workspace's batch: NotFoundError. */
export async function listQuestions(actor: Actor, batchId: string): Promise<QuestionItem[]> {
  await requireRole(actor, "viewer");
  await findBatchOrThrow(actor.workspaceId, batchId);
  const questions = await db.question.findMany({
    where: { batchId, workspaceId: actor.workspaceId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, text: true, type: true, _count: { select: { answers: true } } },
  });
  return questions.map((q, i) => ({ id: q.id, position: i + 1, text: q.text, type: q.type, answerCount: q._count.answers }));
}

/** Adds a question at the end (editor). Field errors on `text`/`type`; a duplicate question is refused on `text`. */
export async function addQuestion(actor: Actor, batchId: string, input: unknown): Promise<FindingsResult<{ questionId: string }>> {
  await requireRole(actor, "editor");
  await findBatchOrThrow(actor.workspaceId, batchId);
  const parsed = questionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { text, type } = parsed.data;
  return db.$transaction(async (tx) => {
    // Lock the batch so two editors adding at once get distinct positions.
    await tx.$queryRaw`SELECT id FROM "Batch" WHERE id = ${batchId} FOR UPDATE`;
    const existing = await tx.question.findMany({ where: { batchId, workspaceId: actor.workspaceId }, select: { text: true, position: true } });
    if (existing.length >= MAX_QUESTIONS_PER_BATCH) return { ok: false as const, fieldErrors: { text: [`A batch can have at most ${MAX_QUESTIONS_PER_BATCH} questions.`] } };
    if (existing.some((q) => q.text.toLowerCase() === text.toLowerCase())) return { ok: false as const, fieldErrors: { text: ["This batch already has that question."] } };
    const position = Math.max(0, ...existing.map((q) => q.position)) + 1;
    const question = await tx.question.create({ data: { workspaceId: actor.workspaceId, batchId, position, text, type }, select: { id: true } });
    await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "findings.question.add", entity: "Question", entityId: question.id, data: { batchId, type } }, tx);
    return { ok: true as const, questionId: question.id };
  });
}

/**
 * Rewords a question or changes its type (editor). Changing the type of a question that
 * has answers is refused on `type`: the recorded values would no longer fit it.
 */
export async function updateQuestion(actor: Actor, questionId: string, input: unknown): Promise<FindingsResult<{ questionId: string }>> {
  await requireRole(actor, "editor");
  const question = await findQuestionOrThrow(actor.workspaceId, questionId);
  const parsed = questionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { text, type } = parsed.data;
  return db.$transaction(async (tx): Promise<FindingsResult<{ questionId: string }>> => {
    // The batch lock orders this against other question edits (duplicate text); the
    // question's row lock against saveAnswer, which reads its type FOR SHARE.
    await tx.$queryRaw`SELECT id FROM "Batch" WHERE id = ${question.batchId} FOR UPDATE`;
    await tx.$queryRaw`SELECT id FROM "Question" WHERE id = ${question.id} FOR UPDATE`;
    const current = await tx.question.findUniqueOrThrow({ where: { id: question.id }, select: { type: true, _count: { select: { answers: true } } } });
    if (type !== current.type && current._count.answers > 0) {
      return { ok: false, fieldErrors: { type: ["Answers are already recorded for this question, so its kind of answer cannot change. Clear them first, or add a new question."] } };
    }
    const duplicate = await tx.question.findFirst({
      where: { batchId: question.batchId, workspaceId: actor.workspaceId, id: { not: question.id }, text: { equals: text, mode: "insensitive" } },
      select: { id: true },
    });
    if (duplicate) return { ok: false, fieldErrors: { text: ["This batch already has that question."] } };
    await tx.question.update({ where: { id: question.id }, data: { text, type } });
    await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "findings.question.update", entity: "Question", entityId: question.id, data: { type } }, tx);
    return { ok: true, questionId: question.id };
  });
}

/** Deletes a question and the answers recorded for it (editor); the others close up. */
export async function deleteQuestion(actor: Actor, questionId: string): Promise<FindingsResult> {
  await requireRole(actor, "editor");
  const question = await findQuestionOrThrow(actor.workspaceId, questionId);
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Batch" WHERE id = ${question.batchId} FOR UPDATE`;
    await tx.question.delete({ where: { id: question.id } });
    await renumber(tx, actor.workspaceId, question.batchId);
    await recordAudit(
      { workspaceId: actor.workspaceId, userId: actor.userId, action: "findings.question.delete", entity: "Question", entityId: question.id, data: { batchId: question.batchId, answers: question._count.answers } },
      tx,
    );
  });
  return { ok: true };
}

async function renumber(tx: Prisma.TransactionClient, workspaceId: string, batchId: string) {
  const rest = await tx.question.findMany({ where: { batchId, workspaceId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, position: true } });
  for (const [i, q] of rest.entries()) if (q.position !== i + 1) await tx.question.update({ where: { id: q.id }, data: { position: i + 1 } });
}

/** Moves a question one place up or down (editor); at either end it stays put. */
export async function moveQuestion(actor: Actor, questionId: string, direction: "up" | "down"): Promise<FindingsResult> {
  await requireRole(actor, "editor");
  const dir = moveDirectionSchema.safeParse(direction);
  if (!dir.success) return { ok: false, fieldErrors: { direction: ["Move the question up or down."] } };
  const question = await findQuestionOrThrow(actor.workspaceId, questionId);
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Batch" WHERE id = ${question.batchId} FOR UPDATE`;
    await renumber(tx, actor.workspaceId, question.batchId);
    const ordered = await tx.question.findMany({ where: { batchId: question.batchId, workspaceId: actor.workspaceId }, orderBy: { position: "asc" }, select: { id: true, position: true } });
    const i = ordered.findIndex((q) => q.id === question.id);
    const j = dir.data === "up" ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= ordered.length) return;
    await tx.question.update({ where: { id: ordered[i]!.id }, data: { position: ordered[j]!.position } });
    await tx.question.update({ where: { id: ordered[j]!.id }, data: { position: ordered[i]!.position } });
  });
  return { ok: true };
}

/**
 * Adds the suggested questions a batch does not have yet, at the end (editor). Running it
 * twice adds nothing the second time. Returns how many were added.
 */
export async function addSuggestedQuestions(actor: Actor, batchId: string): Promise<FindingsResult<{ added: number }>> {
  await requireRole(actor, "editor");
  await findBatchOrThrow(actor.workspaceId, batchId);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Batch" WHERE id = ${batchId} FOR UPDATE`;
    const existing = await tx.question.findMany({ where: { batchId, workspaceId: actor.workspaceId }, select: { text: true, position: true } });
    const have = new Set(existing.map((q) => q.text.toLowerCase()));
    const missing = SUGGESTED_QUESTIONS.filter((q) => !have.has(q.text.toLowerCase()));
    if (existing.length + missing.length > MAX_QUESTIONS_PER_BATCH) return { ok: false as const, fieldErrors: { text: [`A batch can have at most ${MAX_QUESTIONS_PER_BATCH} questions.`] } };
    let position = Math.max(0, ...existing.map((q) => q.position));
    for (const q of missing) {
      position += 1;
      await tx.question.create({ data: { workspaceId: actor.workspaceId, batchId, position, text: q.text, type: q.type } });
    }
    if (missing.length > 0) {
      await recordAudit({ workspaceId: actor.workspaceId, userId: actor.userId, action: "findings.question.suggested", entity: "Batch", entityId: batchId, data: { added: missing.length } }, tx);
    }
    return { ok: true as const, added: missing.length };
  });
}
