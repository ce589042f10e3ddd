"use server";
// Thin adapters from the request forms to lib/requests: each parses, calls one service,
// revalidates and redirects; the services check the role and the workspace themselves.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireWorkspace } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { submittedValues, type FormState } from "@/lib/auth/form-state";
import { createRequest } from "@/lib/requests/create-request";
import { updateRequest } from "@/lib/requests/update-request";
import { recordEvent } from "@/lib/requests/record-event";
import { deleteRequest, restoreRequest } from "@/lib/requests/delete-request";
import { removeEvent } from "@/lib/requests/remove-event";

type Outcome = { ok: true; requestId?: string } | { ok: false; fieldErrors?: Record<string, string[]>; message?: string };

async function run(formData: FormData, call: () => Promise<Outcome>): Promise<FormState & { requestId?: string }> {
  try {
    const result = await call();
    if (result.ok) return { ok: true, requestId: result.requestId };
    return { ok: false, message: result.message ?? "Check the answers marked below.", fieldErrors: result.fieldErrors, values: submittedValues(formData) };
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ok: false, message: error.message, values: submittedValues(formData) };
    throw error;
  }
}

export async function createRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireWorkspace();
  const result = await run(formData, () => createRequest(actor, Object.fromEntries(formData)));
  if (!result.ok || !result.requestId) return result;
  revalidatePath("/requests");
  redirect(`/requests/${result.requestId}`);
}

export async function updateRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireWorkspace();
  const result = await run(formData, () => updateRequest(actor, Object.fromEntries(formData)));
  if (!result.ok || !result.requestId) return result;
  revalidatePath(`/requests/${result.requestId}`);
  redirect(`/requests/${result.requestId}`);
}

export async function recordEventAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireWorkspace();
  const requestId = String(formData.get("requestId") ?? "");
  const result = await run(formData, () => recordEvent(actor, Object.fromEntries(formData)));
  if (!result.ok) return result;
  revalidatePath(`/requests/${requestId}`);
  return { ok: true, message: "Added to the timeline. The clock and the status are up to date." };
}

export async function deleteRequestAction(formData: FormData): Promise<void> {
  const { actor } = await requireWorkspace();
  try {
    await deleteRequest(actor, String(formData.get("requestId") ?? ""));
  } catch (error) {
    // Already deleted (a double click) or no longer allowed: the list says what is there.
    if (!(error instanceof NotFoundError || error instanceof ForbiddenError)) throw error;
    redirect("/requests");
  }
  revalidatePath("/requests");
  redirect("/requests?deleted=1");
}

export async function restoreRequestAction(formData: FormData): Promise<void> {
  const { actor } = await requireWorkspace();
  const requestId = String(formData.get("requestId") ?? "");
  try {
    await restoreRequest(actor, requestId);
  } catch (error) {
    if (!(error instanceof NotFoundError || error instanceof ForbiddenError)) throw error;
    redirect("/requests/deleted");
  }
  revalidatePath("/requests");
  redirect(`/requests/${requestId}`);
}

export async function removeEventAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireWorkspace();
  const requestId = String(formData.get("requestId") ?? "");
  const result = await run(formData, async () => {
    const removed = await removeEvent(actor, String(formData.get("eventId") ?? ""));
    return removed.ok ? removed : { ok: false, message: removed.message };
  });
  if (!result.ok) return result;
  revalidatePath(`/requests/${requestId}`);
  return { ok: true, message: "Removed. The clock and the status are up to date." };
}
