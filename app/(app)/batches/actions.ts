"use server";
// Thin adapters from the batch forms to lib/batches: each reads the form, calls one service,
// revalidates and redirects or reports. The services check the role, the workspace and the
// batch's state themselves; refusals come back as messages next to the form.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZodError, z } from "zod";
import { requireWorkspace } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { submittedValues, type FormState } from "@/lib/auth/form-state";
import { BatchStateError, BatchValidationError } from "@/lib/batches/errors";
import { resolveUnconfirmedSchema } from "@/lib/batches/schemas";
import { startBatch } from "@/lib/batches/create-batch";
import { deleteDraftBatch, removeRecipient, updateBatchDetails, updateRecipient } from "@/lib/batches/edit-batch";
import { markRecipientSent, resolveUnconfirmed, retryFailed, sendBatch } from "@/lib/batches/send-batch";
import { applyBulkAction } from "@/lib/batches/bulk-actions";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** The form's fields as an object; repeated names (tick boxes) become arrays. */
function formObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = key === "requestIds" || key === "bodyIds" ? values : (values[0] ?? "");
  }
  return out;
}

/** Known refusals become a message (and field errors); anything else is a real error. */
async function attempt(formData: FormData, call: () => Promise<FormState | void>): Promise<FormState> {
  try {
    return (await call()) ?? { ok: true, message: "Saved." };
  } catch (error) {
    const values = submittedValues(formData);
    if (error instanceof BatchValidationError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values };
    if (error instanceof ZodError) {
      return { ok: false, message: "Check the answers marked below.", fieldErrors: z.flattenError(error).fieldErrors as FormState["fieldErrors"], values };
    }
    if (error instanceof BatchStateError || error instanceof ForbiddenError || error instanceof NotFoundError) return { ok: false, message: error.message, values };
    throw error;
  }
}

const batchPath = (batchId: string) => `/batches/${encodeURIComponent(batchId)}`;

/** From a request's outcomes (parentId + outcome) or ticked trusts (bodyIds): a draft batch. */
export async function startBatchAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireWorkspace();
  const input = formObject(formData);
  let id = "";
  const state = await attempt(formData, async () => {
    id = (await startBatch(actor, input.parentId ? { parentId: input.parentId, outcome: input.outcome } : { bodyIds: input.bodyIds ?? [] })).id;
  });
  if (!id) {
    // Field errors of the start schema (bodyIds, outcome) are read as one message by these buttons.
    const detail = Object.values(state.fieldErrors ?? {}).flat().filter(Boolean)[0];
    return { ok: false, message: detail ?? state.message ?? "The batch could not be started." };
  }
  revalidatePath("/batches");
  redirect(`${batchPath(id)}?started=1`);
}

export async function updateBatchDetailsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireWorkspace();
  const batchId = text(formData, "batchId");
  const result = await attempt(formData, async () => {
    await updateBatchDetails(actor, batchId, formObject(formData));
    return { ok: true, message: "Saved. The previews use this letter now." };
  });
  if (result.ok) revalidatePath(batchPath(batchId));
  return result;
}

/** One recipient's own letter and channel; "Go back to the template" clears the letter. */
export async function updateRecipientAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireWorkspace();
  const batchId = text(formData, "batchId");
  const recipientId = text(formData, "recipientId");
  const intent = text(formData, "intent");
  const result = await attempt(formData, async () => {
    if (intent === "template") {
      await updateRecipient(actor, batchId, recipientId, { letter: null });
      return { ok: true, message: "This recipient's letter is the template's again." };
    }
    if (intent === "channel") {
      await updateRecipient(actor, batchId, recipientId, { channel: text(formData, "channel") });
      return { ok: true, message: "Channel changed." };
    }
    await updateRecipient(actor, batchId, recipientId, { letter: text(formData, "letter") });
    return { ok: true, message: "Saved. This recipient gets this letter instead of the template." };
  });
  if (result.ok) {
    revalidatePath(batchPath(batchId));
    revalidatePath(`${batchPath(batchId)}/recipients/${encodeURIComponent(recipientId)}`);
  }
  return result;
}

export async function removeRecipientAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireWorkspace();
  const batchId = text(formData, "batchId");
  const result = await attempt(formData, async () => {
    await removeRecipient(actor, batchId, text(formData, "recipientId"));
    return { ok: true, message: "Removed from the batch." };
  });
  if (result.ok) revalidatePath(batchPath(batchId));
  return result;
}

export async function deleteDraftBatchAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireWorkspace();
  const batchId = text(formData, "batchId");
  const result = await attempt(formData, () => deleteDraftBatch(actor, batchId));
  if (!result.ok) return result;
  revalidatePath("/batches");
  redirect("/batches?deleted=1");
}

export async function sendBatchAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireWorkspace();
  const batchId = text(formData, "batchId");
  let sent: { created: number; queued: number } | null = null;
  const result = await attempt(formData, async () => {
    sent = await sendBatch(actor, batchId);
  });
  if (!sent) return result;
  const { created, queued } = sent as { created: number; queued: number };
  revalidatePath("/batches");
  revalidatePath("/requests");
  redirect(`${batchPath(batchId)}?created=${created}&queued=${queued}`);
}

/** A WhatDoTheyKnow request (its URL) or a posted letter (its date) marked as sent. */
export async function markRecipientSentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireWorkspace();
  const batchId = text(formData, "batchId");
  const result = await attempt(formData, async () => {
    await markRecipientSent(actor, batchId, text(formData, "recipientId"), { sentOn: text(formData, "sentOn"), url: text(formData, "url") });
    return { ok: true, message: "Marked as sent. Its clock is running." };
  });
  if (result.ok) revalidatePath(batchPath(batchId));
  return result;
}

/** A letter that failed or could not be confirmed: send it again, or record it as sent. */
export async function resolveDeliveryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireWorkspace();
  const batchId = text(formData, "batchId");
  const deliveryId = text(formData, "deliveryId");
  const choice = text(formData, "choice");
  const result = await attempt(formData, async () => {
    if (choice === "retry") {
      await retryFailed(actor, deliveryId);
      return { ok: true, message: "Queued to be sent again." };
    }
    const parsed = resolveUnconfirmedSchema.safeParse(choice);
    if (!parsed.success) return { ok: false, message: "Choose Mark as sent or Send again." };
    await resolveUnconfirmed(actor, deliveryId, parsed.data);
    return { ok: true, message: parsed.data === "mark_sent" ? "Marked as sent." : "Queued to be sent again, with the same Message-ID." };
  });
  if (result.ok) revalidatePath(batchPath(batchId));
  return result;
}

/** Applies the bulk action the confirmation page showed, then back to the batch. */
export async function applyBulkActionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireWorkspace();
  const batchId = text(formData, "batchId");
  const input = formObject(formData);
  delete input.batchId;
  let done: number | null = null;
  const result = await attempt(formData, async () => {
    done = (await applyBulkAction(actor, batchId, input)).done;
  });
  if (done === null) return result;
  revalidatePath(batchPath(batchId));
  revalidatePath("/requests");
  redirect(`${batchPath(batchId)}?bulk=${encodeURIComponent(String(input.action ?? ""))}&done=${done}`);
}
