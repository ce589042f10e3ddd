"use server";
// Thin adapters from the batch forms to lib/batches: each reads the form, calls one service,
// revalidates and redirects or reports. The services check the role, the workspace and the
// batch's state themselves; refusals come back as messages next to the form.
import { z } from "zod";
import { workspaceAction } from "@/lib/auth/workspace-action";
import { readFormWithLists } from "@/lib/edge/define-action";
import { resolveUnconfirmedSchema } from "@/lib/batches/schemas";
import { startBatch } from "@/lib/batches/create-batch";
import { deleteDraftBatch, removeRecipient, updateBatchDetails, updateRecipient } from "@/lib/batches/edit-batch";
import { markRecipientSent, resolveUnconfirmed, retryFailed, sendBatch } from "@/lib/batches/send-batch";
import { applyBulkAction } from "@/lib/batches/bulk-actions";
import { combineIntoSuccessor } from "@/lib/batches/succession";

// The services parse the rest of each form themselves (lib/batches/schemas.ts); the names
// read here only route the form, and a missing one is "" for the service to refuse.
const text = z.string().catch("");
const batchForm = z.looseObject({ batchId: text });
const recipientForm = batchForm.extend({ recipientId: text });
// Tick boxes send one value per ticked row: always read as lists.
const options = { read: readFormWithLists("requestIds", "bodyIds") };

const batchPath = (batchId: string) => `/batches/${encodeURIComponent(batchId)}`;

/** From a request's outcomes (parentId + outcome) or ticked trusts (bodyIds): a draft batch. */
export const startBatchAction = workspaceAction(
  z.looseObject({ parentId: text, outcome: z.string().optional().catch(undefined), bodyIds: z.array(z.string()).catch([]) }),
  async (actor, { parentId, outcome, bodyIds }) => {
    const { id } = await startBatch(actor, parentId ? { parentId, outcome } : { bodyIds });
    return { ok: true, revalidate: ["/batches"], redirectTo: `${batchPath(id)}?started=1` };
  },
  {
    ...options,
    // These buttons show one message: the first field error of the start schema (bodyIds, outcome), if any.
    onRefused: (error) => ({ ok: false, message: Object.values(error.fieldErrors ?? {}).flat().filter(Boolean)[0] ?? error.message ?? "The batch could not be started." }),
  },
);

export const updateBatchDetailsAction = workspaceAction(
  batchForm,
  async (actor, input) => {
    await updateBatchDetails(actor, input.batchId, input);
    return { ok: true, message: "Saved. The previews use this letter now.", revalidate: [batchPath(input.batchId)] };
  },
  options,
);

/** One recipient's own letter and channel; "Go back to the template" clears the letter. */
export const updateRecipientAction = workspaceAction(
  recipientForm.extend({ intent: text, channel: text, letter: text }),
  async (actor, { batchId, recipientId, intent, channel, letter }) => {
    const revalidate = [batchPath(batchId), `${batchPath(batchId)}/recipients/${encodeURIComponent(recipientId)}`];
    if (intent === "template") {
      await updateRecipient(actor, batchId, recipientId, { letter: null });
      return { ok: true, message: "This recipient's letter is the template's again.", revalidate };
    }
    if (intent === "channel") {
      await updateRecipient(actor, batchId, recipientId, { channel });
      return { ok: true, message: "Channel changed.", revalidate };
    }
    await updateRecipient(actor, batchId, recipientId, { letter });
    return { ok: true, message: "Saved. This recipient gets this letter instead of the template.", revalidate };
  },
  options,
);

export const removeRecipientAction = workspaceAction(
  recipientForm,
  async (actor, { batchId, recipientId }) => {
    await removeRecipient(actor, batchId, recipientId);
    return { ok: true, message: "Removed from the batch.", revalidate: [batchPath(batchId)] };
  },
  options,
);

/** One request to a successor covering the predecessors it took over, instead of one each. */
export const combineSuccessorAction = workspaceAction(
  batchForm.extend({ successorId: text }),
  async (actor, { batchId, successorId }) => {
    const { covered } = await combineIntoSuccessor(actor, batchId, successorId);
    return { ok: true, revalidate: [batchPath(batchId)], redirectTo: `${batchPath(batchId)}?combined=${covered}` };
  },
  options,
);

export const deleteDraftBatchAction = workspaceAction(
  batchForm,
  async (actor, { batchId }) => {
    await deleteDraftBatch(actor, batchId);
    return { ok: true, revalidate: ["/batches"], redirectTo: "/batches?deleted=1" };
  },
  options,
);

export const sendBatchAction = workspaceAction(
  batchForm,
  async (actor, { batchId }) => {
    const { created, queued } = await sendBatch(actor, batchId);
    return { ok: true, revalidate: ["/batches", "/requests"], redirectTo: `${batchPath(batchId)}?created=${created}&queued=${queued}` };
  },
  options,
);

/** A WhatDoTheyKnow request (its URL) or a posted letter (its date) marked as sent. */
export const markRecipientSentAction = workspaceAction(
  recipientForm.extend({ sentOn: text, url: text }),
  async (actor, { batchId, recipientId, sentOn, url }) => {
    await markRecipientSent(actor, batchId, recipientId, { sentOn, url });
    return { ok: true, message: "Marked as sent. Its clock is running.", revalidate: [batchPath(batchId)] };
  },
  options,
);

/** A letter that failed or could not be confirmed: send it again, or record it as sent. */
export const resolveDeliveryAction = workspaceAction(
  batchForm.extend({ deliveryId: text, choice: text }),
  async (actor, { batchId, deliveryId, choice }) => {
    if (choice === "retry") {
      await retryFailed(actor, deliveryId);
      return { ok: true, message: "Queued to be sent again.", revalidate: [batchPath(batchId)] };
    }
    const parsed = resolveUnconfirmedSchema.safeParse(choice);
    if (!parsed.success) return { ok: false, message: "Choose Mark as sent or Send again." };
    await resolveUnconfirmed(actor, deliveryId, parsed.data);
    return { ok: true, message: parsed.data === "mark_sent" ? "Marked as sent." : "Queued to be sent again, with the same Message-ID.", revalidate: [batchPath(batchId)] };
  },
  options,
);

/** Applies the bulk action the confirmation page showed, then back to the batch. */
export const applyBulkActionAction = workspaceAction(
  batchForm,
  async (actor, { batchId, ...input }) => {
    const { done } = await applyBulkAction(actor, batchId, input);
    return {
      ok: true,
      revalidate: [batchPath(batchId), "/requests"],
      redirectTo: `${batchPath(batchId)}?bulk=${encodeURIComponent(String(input.action ?? ""))}&done=${done}`,
    };
  },
  options,
);
