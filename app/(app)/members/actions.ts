"use server";
// Owners invite people, change their roles, remove them, withdraw invitations and hand over ownership.
import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/auth/workspace-action";
import { inviteMember } from "@/lib/workspaces/invitations";
import { changeRoleSchema, inviteSchema, mailboxSchema, removeMemberSchema, revokeInvitationSchema, transferOwnershipSchema } from "@/lib/workspaces/schemas";
import { changeMemberRole, removeMember, revokeInvitation, transferOwnership } from "@/lib/workspaces/members";
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

// Owners managing people: each form posts one row's id, checked with the workspace in lib/.
const changeRole = workspaceAction(changeRoleSchema, async (actor, input) => {
  const result = await changeMemberRole(actor, input);
  if (result.ok) revalidatePath("/members");
  return result;
});

export async function changeRoleAction(...args: Parameters<typeof changeRole>) {
  return changeRole(...args);
}

const remove = workspaceAction(removeMemberSchema, async (actor, input) => {
  const result = await removeMember(actor, input);
  if (result.ok) revalidatePath("/members");
  return result;
});

export async function removeMemberAction(...args: Parameters<typeof remove>) {
  return remove(...args);
}

const revoke = workspaceAction(revokeInvitationSchema, async (actor, input) => {
  const result = await revokeInvitation(actor, input);
  if (result.ok) revalidatePath("/members");
  return result;
});

export async function revokeInvitationAction(...args: Parameters<typeof revoke>) {
  return revoke(...args);
}

const transfer = workspaceAction(transferOwnershipSchema, async (actor, input) => {
  const result = await transferOwnership(actor, input);
  if (result.ok) revalidatePath("/members");
  return result;
});

export async function transferOwnershipAction(...args: Parameters<typeof transfer>) {
  return transfer(...args);
}
