"use server";
// Thin adapters from the reply cards (request page) and the Unmatched inbox to lib/replies.
import { z } from "zod";
import { workspaceAction } from "@/lib/auth/workspace-action";
import { anyForm, refusal } from "@/lib/edge/define-action";
import { confirmSuggestion, dismissSuggestion } from "@/lib/replies/confirm";
import { assignReply, discardReply, startRequestFromReply } from "@/lib/replies/assign";

const ids = z.object({ messageId: z.string().catch(""), requestId: z.string().catch("") });

export const confirmReplyAction = workspaceAction(anyForm, async (actor, input) => {
  const { messageId, requestId } = ids.parse(input);
  const result = await confirmSuggestion(actor, messageId, input);
  if (!result.ok) return refusal(result);
  return { ok: true, message: "Confirmed and added to the timeline. The clock and the status are up to date.", revalidate: [`/requests/${requestId}`, "/requests"] };
});

export const dismissReplyAction = workspaceAction(ids, async (actor, { messageId, requestId }) => {
  await dismissSuggestion(actor, messageId);
  return { ok: true, message: "Set aside: nothing was added to the timeline. Record what it means yourself if you need to.", revalidate: [`/requests/${requestId}`, "/requests"] };
});

export const assignReplyAction = workspaceAction(anyForm, async (actor, input) => {
  const { requestId } = await assignReply(actor, input);
  return { ok: true, revalidate: ["/inbox", `/requests/${requestId}`], redirectTo: `/requests/${requestId}#replies-heading` };
});

export const discardReplyAction = workspaceAction(ids, async (actor, { messageId }) => {
  await discardReply(actor, messageId);
  return { ok: true, message: "Discarded.", revalidate: ["/inbox"] };
});

export const newRequestFromReplyAction = workspaceAction(anyForm, async (actor, input) => {
  const { messageId } = ids.parse(input);
  const result = await startRequestFromReply(actor, messageId, input);
  if (!result.ok) return refusal(result);
  return { ok: true, revalidate: ["/inbox", "/requests"], redirectTo: `/requests/${result.requestId}#replies-heading` };
});
