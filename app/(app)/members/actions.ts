"use server";
// An owner invites someone to the workspace by email.
import { revalidatePath } from "next/cache";
import { requireWorkspace } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/auth/errors";
import { inviteMember } from "@/lib/workspaces/invitations";
import type { FormState } from "@/lib/auth/form-state";

export async function inviteMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireWorkspace();
  try {
    const result = await inviteMember(actor, Object.fromEntries(formData));
    if (!result.ok) return { ok: false, message: "Check the answers marked below.", fieldErrors: result.fieldErrors };
    revalidatePath("/members");
    return { ok: true, message: `Invitation sent to ${result.email}.` };
  } catch (error) {
    if (error instanceof ForbiddenError) return { ok: false, message: error.message };
    throw error;
  }
}
