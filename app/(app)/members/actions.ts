"use server";
// An owner invites someone to the workspace by email.
import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/auth/workspace-action";
import { inviteMember } from "@/lib/workspaces/invitations";
import { inviteSchema, mailboxSchema } from "@/lib/workspaces/schemas";
import { setWorkspaceMailbox } from "@/lib/workspaces/mailbox";

const invite = workspaceAction(inviteSchema, async (actor, input) => {
  const result = await inviteMember(actor, input);
  if (!result.ok) return { ok: false, message: "Check the answers marked below.", fieldErrors: result.fieldErrors };
  revalidatePath("/members");
  return { ok: true, message: `Invitation sent to ${result.email}.` };
});

export async function inviteMemberAction(...args: Parameters<typeof invite>) {
  return invite(...args);
}

const saveMailbox = workspaceAction(mailboxSchema, async (actor, input) => {
  await setWorkspaceMailbox(actor, input);
  revalidatePath("/members");
  return { ok: true, message: input.mailbox ? `Replies will go to ${input.mailbox}.` : "Replies will go to whoever sends each batch." };
});

export async function saveMailboxAction(...args: Parameters<typeof saveMailbox>) {
  return saveMailbox(...args);
}
