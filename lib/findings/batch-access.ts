import "server-only";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/auth/errors";
import type { Prisma } from "@/lib/generated/prisma";

type Reader = Pick<Prisma.TransactionClient, "batch" | "question">;

/** A batch of this workspace, or not-found (another workspace's id included). */
export async function findBatchOrThrow(workspaceId: string, batchId: string, reader: Reader = db) {
  const batch = await reader.batch.findFirst({
    where: { id: batchId, workspaceId },
    select: { id: true, name: true, state: true, sentAt: true, publicToken: true, publicSince: true },
  });
  if (!batch) throw new NotFoundError("That batch is not in this workspace.");
  return batch;
}

/** A question of this workspace with its batch, or not-found. */
export async function findQuestionOrThrow(workspaceId: string, questionId: string, reader: Reader = db) {
  const question = await reader.question.findFirst({
    where: { id: questionId, workspaceId },
    select: { id: true, batchId: true, position: true, text: true, type: true, _count: { select: { answers: true } } },
  });
  if (!question) throw new NotFoundError("That question is not in this workspace.");
  return question;
}
