"use server";
// Logs a message received or sent on a request: pasted text or an .eml file, with attachments.
import { revalidatePath } from "next/cache";
import { requireWorkspace } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { submittedValues, type FormState } from "@/lib/auth/form-state";
import { addMessage } from "@/lib/messages/add-message";
import { messageInputFromFormData } from "@/lib/messages/form-input";

// Not workspaceAction: it reads the form with Object.fromEntries, which keeps one of
// several files; this is the same shape otherwise, and addMessage checks the role itself.
export async function addMessageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireWorkspace();
  const input = messageInputFromFormData(formData);
  let result;
  try {
    result = await addMessage(actor, input);
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ok: false, message: error.message, values: submittedValues(formData) };
    throw error;
  }
  if (!result.ok) return { ok: false, message: "Check the answers marked below.", fieldErrors: result.fieldErrors, values: submittedValues(formData) };
  revalidatePath(`/requests/${input.requestId}`);
  return { ok: true, message: "Message saved." };
}
