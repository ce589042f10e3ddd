"use server";
// Accepting an invitation: a new person sets their name and password; an existing
// user who is signed in as the invited email joins the workspace.
import { redirect } from "next/navigation";
import { getSignedInUser } from "@/lib/auth/session";
import { acceptInvitation, acceptInvitationAsUser } from "@/lib/workspaces/invitations";
import { submittedValues, type FormState } from "@/lib/auth/form-state";

export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await acceptInvitation(Object.fromEntries(formData));
  if (!result.ok) return { ok: false, message: result.message ?? "Check the answers marked below.", fieldErrors: result.fieldErrors, values: submittedValues(formData) };
  redirect(`/sign-in?joined=1`);
}

export async function joinAsSignedInUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getSignedInUser();
  if (!user) redirect("/sign-in");
  const result = await acceptInvitationAsUser(user.id, String(formData.get("token") ?? ""));
  if (!result.ok) return { ok: false, message: result.message };
  redirect("/");
}
