"use server";
// Thin adapters from the request forms to lib/requests: each parses, calls one service,
// revalidates and redirects; the services check the role and the workspace themselves.
import { z } from "zod";
import { workspaceAction } from "@/lib/auth/workspace-action";
import { initialFormState } from "@/lib/auth/form-state";
import { anyForm, refusal, withoutState } from "@/lib/edge/define-action";
import { createRequest } from "@/lib/requests/create-request";
import { updateRequest } from "@/lib/requests/update-request";
import { recordEvent } from "@/lib/requests/record-event";
import { deleteRequest, restoreRequest } from "@/lib/requests/delete-request";
import { removeEvent } from "@/lib/requests/remove-event";
import { emailLetter, sendRequestByEmail } from "@/lib/requests/email-letters";
import { resolveUnconfirmed, retryFailed } from "@/lib/batches/send-batch";
import { resolveUnconfirmedSchema } from "@/lib/batches/schemas";

// The services parse the whole form themselves (lib/requests/schemas.ts) and answer with field errors.
const requestIdField = z.object({ requestId: z.string().catch("") });

export const createRequestAction = workspaceAction(anyForm, async (actor, input) => {
  const result = await createRequest(actor, input);
  if (!result.ok) return refusal(result);
  return { ok: true, revalidate: ["/requests"], redirectTo: `/requests/${result.requestId}` };
});

export const updateRequestAction = workspaceAction(anyForm, async (actor, input) => {
  const result = await updateRequest(actor, input);
  if (!result.ok) return refusal(result);
  return { ok: true, revalidate: [`/requests/${result.requestId}`], redirectTo: `/requests/${result.requestId}` };
});

export const recordEventAction = workspaceAction(anyForm, async (actor, input) => {
  const result = await recordEvent(actor, input);
  if (!result.ok) return refusal(result);
  return { ok: true, message: "Added to the timeline. The clock and the status are up to date.", revalidate: [`/requests/${String(input.requestId ?? "")}`] };
});

export const deleteRequestAction = withoutState(
  workspaceAction(
    requestIdField,
    async (actor, { requestId }) => {
      await deleteRequest(actor, requestId);
      return { ok: true, revalidate: ["/requests"], redirectTo: "/requests?deleted=1" };
    },
    // Already deleted (a double click) or no longer allowed: the list says what is there.
    { onRefused: () => ({ ok: false, redirectTo: "/requests" }) },
  ),
  initialFormState,
);

export const restoreRequestAction = withoutState(
  workspaceAction(
    requestIdField,
    async (actor, { requestId }) => {
      await restoreRequest(actor, requestId);
      return { ok: true, revalidate: ["/requests"], redirectTo: `/requests/${requestId}` };
    },
    { onRefused: () => ({ ok: false, redirectTo: "/requests/deleted" }) },
  ),
  initialFormState,
);

export const removeEventAction = workspaceAction(requestIdField.extend({ eventId: z.string().catch("") }), async (actor, { requestId, eventId }) => {
  const removed = await removeEvent(actor, eventId);
  if (!removed.ok) return { ok: false, message: removed.message };
  return { ok: true, message: "Removed. The clock and the status are up to date.", revalidate: [`/requests/${requestId}`] };
});

/** A draft request outside a batch, emailed to its body through the outbox. */
export const sendRequestEmailAction = workspaceAction(requestIdField, async (actor, { requestId }) => {
  const sent = await sendRequestByEmail(actor, { requestId });
  return { ok: true, message: `Queued: the request goes to ${sent.to} in a moment. Its clock starts once it is sent.`, revalidate: [`/requests/${requestId}`] };
});

/** A chaser, internal review, complaint or clarification, as edited on the page, emailed through the outbox. */
export const emailLetterAction = workspaceAction(anyForm, async (actor, input) => {
  const sent = await emailLetter(actor, input);
  return {
    ok: true,
    message: `Queued: the ${sent.noun} goes to ${sent.to} in a moment, and is added to the timeline once sent.`,
    revalidate: [`/requests/${String(input.requestId ?? "")}`],
  };
});

/** One of the request's emails that failed or could not be confirmed: send it again, or record it as sent. */
export const resolveRequestEmailAction = workspaceAction(
  requestIdField.extend({ deliveryId: z.string().catch(""), choice: z.string().catch("") }),
  async (actor, { requestId, deliveryId, choice }) => {
    if (choice === "retry") {
      await retryFailed(actor, deliveryId);
      return { ok: true, message: "Queued to be sent again.", revalidate: [`/requests/${requestId}`] };
    }
    const parsed = resolveUnconfirmedSchema.safeParse(choice);
    if (!parsed.success) return { ok: false, message: "Choose Mark as sent or Send again." };
    await resolveUnconfirmed(actor, deliveryId, parsed.data);
    return { ok: true, message: parsed.data === "mark_sent" ? "Marked as sent." : "Queued to be sent again, with the same Message-ID.", revalidate: [`/requests/${requestId}`] };
  },
);
