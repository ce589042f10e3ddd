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
