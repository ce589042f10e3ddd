"use server";
// Thin adapters from the notifications page to lib/alerts: each marks, then refreshes the
// whole signed-in layout so the header's unread count follows. The service scopes every
// change to the signed-in person and their current workspace.
import { z } from "zod";
import { workspaceAction } from "@/lib/auth/workspace-action";
import { initialFormState } from "@/lib/auth/form-state";
import { noFields, withoutState, type Revalidate } from "@/lib/edge/define-action";
import { markAllRead, markRead } from "@/lib/alerts/notifications";

const wholeLayout: Revalidate[] = [{ path: "/", type: "layout" }];

export const markReadAction = withoutState(
  workspaceAction(
    z.object({ notificationId: z.string().catch("") }),
    async (actor, { notificationId }) => {
      await markRead(actor, notificationId);
      return { ok: true, revalidate: wholeLayout };
    },
    // Someone else's or an unknown notification (or a double click): the refreshed list shows what is there.
    { onRefused: () => ({ ok: false, revalidate: wholeLayout }) },
  ),
  initialFormState,
);

export const markAllReadAction = withoutState(
  workspaceAction(noFields, async (actor) => {
    await markAllRead(actor);
    return { ok: true, revalidate: wholeLayout };
  }),
  initialFormState,
);
