"use server";
// Owners invite people, change their roles, remove them, withdraw invitations and hand over ownership.
import { workspaceAction } from "@/lib/auth/workspace-action";
import { inviteMember } from "@/lib/workspaces/invitations";
import { changeRoleSchema, inviteSchema, mailboxSchema, removeMemberSchema, revokeInvitationSchema, transferOwnershipSchema } from "@/lib/workspaces/schemas";
import { changeMemberRole, removeMember, revokeInvitation, transferOwnership, type MemberChangeResult } from "@/lib/workspaces/members";
import { setWorkspaceMailbox } from "@/lib/workspaces/mailbox";
import type { ActionOutcome } from "@/lib/edge/define-action";
import { anyForm, noFields } from "@/lib/edge/define-action";
import { removeImapMailbox, saveImapMailbox } from "@/lib/replies/imap-settings";

/** A change to the members list: its own message either way, the page refreshed when it was made. */
const refreshedWhenDone = (result: MemberChangeResult): ActionOutcome => (result.ok ? { ...result, revalidate: ["/members"] } : result);

export const inviteMemberAction = workspaceAction(inviteSchema, async (actor, input) => {
  const result = await inviteMember(actor, input);
  if (!result.ok) return { ok: false, message: "Check the answers marked below.", fieldErrors: result.fieldErrors };
  return { ok: true, message: `Invitation sent to ${result.email}.`, revalidate: ["/members"] };
});

export const saveMailboxAction = workspaceAction(mailboxSchema, async (actor, input) => {
  await setWorkspaceMailbox(actor, input);
  return { ok: true, message: input.mailbox ? `Replies will go to ${input.mailbox}.` : "Replies will go to whoever sends each batch.", revalidate: ["/members"] };
});

// Owners managing people: each form posts one row's id, checked with the workspace in lib/.
export const changeRoleAction = workspaceAction(changeRoleSchema, async (actor, input) => refreshedWhenDone(await changeMemberRole(actor, input)));

export const removeMemberAction = workspaceAction(removeMemberSchema, async (actor, input) => refreshedWhenDone(await removeMember(actor, input)));

export const revokeInvitationAction = workspaceAction(revokeInvitationSchema, async (actor, input) => refreshedWhenDone(await revokeInvitation(actor, input)));

export const transferOwnershipAction = workspaceAction(transferOwnershipSchema, async (actor, input) => refreshedWhenDone(await transferOwnership(actor, input)));

// The campaign mailbox over IMAP: "Test connection" and "Save" are two buttons of one form (intent).
export const saveImapMailboxAction = workspaceAction(anyForm, async (actor, input) => {
  const result = await saveImapMailbox(actor, input, { testOnly: input.intent === "test" });
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
  return { ok: true, message: result.message, revalidate: ["/members"] };
});

export const removeImapMailboxAction = workspaceAction(noFields, async (actor) => {
  await removeImapMailbox(actor);
  return { ok: true, message: "Disconnected: the app no longer reads that mailbox.", revalidate: ["/members"] };
});
