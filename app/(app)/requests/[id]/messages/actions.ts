"use server";
// Logs a message received or sent on a request: pasted text or an .eml file, with attachments.
import { z } from "zod";
import { workspaceAction } from "@/lib/auth/workspace-action";
import { refusal } from "@/lib/edge/define-action";
import { addMessage } from "@/lib/messages/add-message";
import { messageInputFromFormData } from "@/lib/messages/form-input";
import type { AddMessageFields } from "@/lib/messages/schemas";

// Read with messageInputFromFormData, which keeps every attached file (one value per name
// would keep only the first); addMessage validates the fields and checks the role itself.
export const addMessageAction = workspaceAction(
  z.custom<AddMessageFields>(),
  async (actor, input) => {
    const result = await addMessage(actor, input);
    if (!result.ok) return refusal(result);
    return { ok: true, message: "Message saved.", revalidate: [`/requests/${input.requestId}`] };
  },
  { read: messageInputFromFormData },
);
