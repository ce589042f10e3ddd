"use server";
// Thin adapters for the findings pages and the request page's "Research answers": parse
// the form, call lib/findings (which checks role and workspace again), revalidate.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/auth/workspace-action";
import type { FormState } from "@/lib/auth/form-state";
import { addQuestion, addSuggestedQuestions, deleteQuestion, moveQuestion, updateQuestion } from "@/lib/findings/questions";
import { clearAnswer, saveAnswer } from "@/lib/findings/answers";
import { setPublicPage } from "@/lib/findings/public-page";
import { answerFieldsSchema, moveDirectionSchema, questionSchema } from "@/lib/findings/schemas";
import type { FindingsResult } from "@/lib/findings/types";

const id = z.string({ message: "Missing id." }).trim().min(1, "Missing id.").max(100, "Missing id.");
const batchForm = z.object({ batchId: id });
const questionRef = z.object({ batchId: id, questionId: id });
const answerRef = z.object({ requestId: id, questionId: id });

function toFormState(result: FindingsResult, message: string): FormState {
  return result.ok ? { ok: true, message } : { ok: false, message: result.message ?? "Check the answers marked below.", fieldErrors: result.fieldErrors };
}

function refreshBatch(batchId: string) {
  revalidatePath(`/findings/${batchId}`);
  revalidatePath("/findings");
}

/** Adds a research question to a batch. */
export const addQuestionAction = workspaceAction(questionSchema.extend({ batchId: id }), async (actor, { batchId, ...input }) => {
  const result = await addQuestion(actor, batchId, input);
  if (result.ok) refreshBatch(batchId);
  return toFormState(result, "Question added.");
});

/** Rewords a question or changes its kind of answer. */
export const updateQuestionAction = workspaceAction(questionSchema.extend({ batchId: id, questionId: id }), async (actor, { batchId, questionId, ...input }) => {
  const result = await updateQuestion(actor, questionId, input);
  if (result.ok) refreshBatch(batchId);
  return toFormState(result, "Question saved.");
});

/** Moves a question one place up or down. */
export const moveQuestionAction = workspaceAction(questionRef.extend({ direction: moveDirectionSchema }), async (actor, { batchId, questionId, direction }) => {
  const result = await moveQuestion(actor, questionId, direction);
  if (result.ok) refreshBatch(batchId);
  return toFormState(result, "Question moved.");
});

/** Deletes a question and its answers. */
export const deleteQuestionAction = workspaceAction(questionRef, async (actor, { batchId, questionId }) => {
  const result = await deleteQuestion(actor, questionId);
  if (result.ok) refreshBatch(batchId);
  return toFormState(result, "Question deleted.");
});

/** Adds the campaign's suggested questions (those the batch does not have yet). */
export const addSuggestedQuestionsAction = workspaceAction(batchForm, async (actor, { batchId }) => {
  const result = await addSuggestedQuestions(actor, batchId);
  if (result.ok) refreshBatch(batchId);
  return toFormState(result, result.ok && result.added === 0 ? "The batch already has the suggested questions." : "The suggested questions were added.");
});

/** Switches the batch's public page on or off (owners only; lib/findings checks). */
export const setPublicPageAction = workspaceAction(batchForm.extend({ on: z.enum(["1", "0"]) }), async (actor, { batchId, on }) => {
  const { token } = await setPublicPage(actor, batchId, on === "1");
  refreshBatch(batchId);
  return { ok: true, message: token ? "The public page is on. Anyone with the link can see it." : "The public page is off. Its link no longer works." };
});

/** Records one request's answer to one question, with its quote and evidence. */
export const saveAnswerAction = workspaceAction(answerRef.extend(answerFieldsSchema.shape), async (actor, { requestId, questionId, ...fields }) => {
  // The service checks the fields again against the question's stored type (never the form's).
  const result = await saveAnswer(actor, requestId, questionId, fields);
  if (result.ok) {
    revalidatePath(`/requests/${requestId}`);
    revalidatePath("/findings", "layout");
  }
  return toFormState(result, "Answer saved.");
});

/** Removes one request's answer to one question. */
export const clearAnswerAction = workspaceAction(answerRef, async (actor, { requestId, questionId }) => {
  const result = await clearAnswer(actor, requestId, questionId);
  if (result.ok) {
    revalidatePath(`/requests/${requestId}`);
    revalidatePath("/findings", "layout");
  }
  return toFormState(result, "Answer cleared.");
});
