"use server";
// Thin adapters from the notifications page to lib/alerts: each marks, then refreshes the
// whole signed-in layout so the header's unread count follows. The service scopes every
// change to the signed-in person and their current workspace.
import { revalidatePath } from "next/cache";
import { requireWorkspace } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import { markAllRead, markRead } from "@/lib/alerts/notifications";

export async function markReadAction(formData: FormData): Promise<void> {
  const { actor } = await requireWorkspace();
  try {
    await markRead(actor, String(formData.get("notificationId") ?? ""));
  } catch (error) {
    // Someone else's or an unknown notification (or a double click): the refreshed list shows what is there.
    if (!(error instanceof NotFoundError || error instanceof ForbiddenError)) throw error;
  }
  revalidatePath("/", "layout");
}

export async function markAllReadAction(): Promise<void> {
  const { actor } = await requireWorkspace();
  await markAllRead(actor);
  revalidatePath("/", "layout");
}
