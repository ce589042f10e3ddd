import type { Metadata } from "next";
import { formatUkDate, receiptDate } from "@/lib/deadlines";
import { requireWorkspace } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/access";
import { listMembers } from "@/lib/workspaces/invitations";
import { roleLabels } from "@/lib/workspaces/schemas";
import { InviteForm } from "@/components/invite-form";
import { getWorkspaceMailbox } from "@/lib/workspaces/mailbox";
import { MailboxForm } from "@/components/mailbox-form";
import { inviteMemberAction, saveMailboxAction } from "./actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const { actor, role, workspace } = await requireWorkspace();
  const { members, invitations } = await listMembers(actor);
  const mailbox = await getWorkspaceMailbox(actor);
  return (
    <>
      <h1>Members of {workspace.name}</h1>
      <table>
        <caption>{members.length} members</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.user.id}>
              <td>{m.user.name ?? "—"}</td>
              <td>{m.user.email}</td>
              <td>{roleLabels[m.role]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {invitations.length > 0 ? (
        <>
          <h2>Invitations waiting to be accepted</h2>
          <ul>
            {invitations.map((i) => (
              <li key={i.id}>
                {i.email} as {i.role}, until {formatUkDate(receiptDate(i.expiresAt))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Where replies go</h2>
      {roleAtLeast(role, "owner") ? (
        <MailboxForm action={saveMailboxAction} mailbox={mailbox} />
      ) : (
        <p>{mailbox ? `Trusts reply to ${mailbox}.` : "Trusts reply to whoever sent each batch."} Only an owner can change this.</p>
      )}
      {roleAtLeast(role, "owner") ? (
        <>
          <h2>Invite someone</h2>
          <p className="muted">They get an email with a link that works once, for 7 days.</p>
          <InviteForm action={inviteMemberAction} />
        </>
      ) : (
        <p className="muted">Only an owner can invite people.</p>
      )}
    </>
  );
}
