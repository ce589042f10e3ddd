"use server";
// Accepting an invitation: a new person sets their name and password; an existing
// user who is signed in as the invited email joins the workspace.
import { z } from "zod";
import { getSignedInUser } from "@/lib/auth/session";
import { publicAction } from "@/lib/auth/workspace-action";
import { anyForm, refusal } from "@/lib/edge/define-action";
import { acceptInvitation, acceptInvitationAsUser } from "@/lib/workspaces/invitations";

export const acceptInvitationAction = publicAction(anyForm, async (input) => {
  const result = await acceptInvitation(input);
  if (!result.ok) return refusal(result);
  return { ok: true, redirectTo: "/sign-in?joined=1" };
});

// Public, not userAction: someone signed out is sent to sign in, not to a password change.
export const joinAsSignedInUserAction = publicAction(z.object({ token: z.string().catch("") }), async ({ token }) => {
  const user = await getSignedInUser();
  if (!user) return { ok: false, redirectTo: "/sign-in" };
  const result = await acceptInvitationAsUser(user.id, token);
  if (!result.ok) return { ok: false, message: result.message };
  return { ok: true, redirectTo: "/" };
});
