"use server";
// Thin adapters for the findings pages and the request page's "Research answers": parse
// the form, call lib/findings (which checks role and workspace again), revalidate.
import { z } from "zod";
import { workspaceAction } from "@/lib/auth/workspace-action";
import type { ActionOutcome, Revalidate } from "@/lib/edge/define-action";
import { addQuestion, addSuggestedQuestions, deleteQuestion, moveQuestion, updateQuestion } from "@/lib/findings/questions";
import { clearAnswer, saveAnswer } from "@/lib/findings/answers";
import { setPublicPage } from "@/lib/findings/public-page";
import { answerFieldsSchema, moveDirectionSchema, questionSchema } from "@/lib/findings/schemas";
import type { FindingsResult } from "@/lib/findings/types";

const id = z.string({ message: "Missing id." }).trim().min(1, "Missing id.").max(100, "Missing id.");
const batchForm = z.object({ batchId: id });
const questionRef = z.object({ batchId: id, questionId: id });
const answerRef = z.object({ requestId: id, questionId: id });

/** The service's result as the form's state; the pages to refresh only when it saved. */
function toFormState(result: FindingsResult, message: string, revalidate: Revalidate[]): ActionOutcome {
  return result.ok ? { ok: true, message, revalidate } : { ok: false, message: result.message ?? "Check the answers marked below.", fieldErrors: result.fieldErrors };
}

const batchPages = (batchId: string): Revalidate[] => [`/findings/${batchId}`, "/findings"];
const answerPages = (requestId: string): Revalidate[] => [`/requests/${requestId}`, { path: "/findings", type: "layout" }];

/** Adds a research question to a batch. */
export const addQuestionAction = workspaceAction(questionSchema.extend({ batchId: id }), async (actor, { batchId, ...input }) => {
  const result = await addQuestion(actor, batchId, input);
  return toFormState(result, "Question added.", batchPages(batchId));
});

/** Rewords a question or changes its kind of answer. */
export const updateQuestionAction = workspaceAction(questionSchema.extend({ batchId: id, questionId: id }), async (actor, { batchId, questionId, ...input }) => {
  const result = await updateQuestion(actor, questionId, input);
  return toFormState(result, "Question saved.", batchPages(batchId));
});

/** Moves a question one place up or down. */
export const moveQuestionAction = workspaceAction(questionRef.extend({ direction: moveDirectionSchema }), async (actor, { batchId, questionId, direction }) => {
  const result = await moveQuestion(actor, questionId, direction);
  return toFormState(result, "Question moved.", batchPages(batchId));
});

/** Deletes a question and its answers. */
export const deleteQuestionAction = workspaceAction(questionRef, async (actor, { batchId, questionId }) => {
  const result = await deleteQuestion(actor, questionId);
  return toFormState(result, "Question deleted.", batchPages(batchId));
});

/** Adds the campaign's suggested questions (those the batch does not have yet). */
export const addSuggestedQuestionsAction = workspaceAction(batchForm, async (actor, { batchId }) => {
  const result = await addSuggestedQuestions(actor, batchId);
  return toFormState(result, result.ok && result.added === 0 ? "The batch already has the suggested questions." : "The suggested questions were added.", batchPages(batchId));
});

/** Switches the batch's public page on or off (owners only; lib/findings checks). */
export const setPublicPageAction = workspaceAction(batchForm.extend({ on: z.enum(["1", "0"]) }), async (actor, { batchId, on }) => {
  const { token } = await setPublicPage(actor, batchId, on === "1");
  return { ok: true, message: token ? "The public page is on. Anyone with the link can see it." : "The public page is off. Its link no longer works.", revalidate: batchPages(batchId) };
});

/** Records one request's answer to one question, with its quote and evidence. */
export const saveAnswerAction = workspaceAction(answerRef.extend(answerFieldsSchema.shape), async (actor, { requestId, questionId, ...fields }) => {
  // The service checks the fields again against the question's stored type (never the form's).
  const result = await saveAnswer(actor, requestId, questionId, fields);
  return toFormState(result, "Answer saved.", answerPages(requestId));
});

/** Removes one request's answer to one question. */
export const clearAnswerAction = workspaceAction(answerRef, async (actor, { requestId, questionId }) => {
  const result = await clearAnswer(actor, requestId, questionId);
  return toFormState(result, "Answer cleared.", answerPages(requestId));
});
