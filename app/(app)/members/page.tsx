import type { Metadata } from "next";
import { formatUkDate, receiptDate } from "@/lib/deadlines";
import { requireWorkspace } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/access";
import { listMembers } from "@/lib/workspaces/invitations";
import { roleLabels } from "@/lib/workspaces/schemas";
import { InviteForm } from "@/components/invite-form";
import { getWorkspaceMailbox } from "@/lib/workspaces/mailbox";
import { MailboxForm } from "@/components/mailbox-form";
import { ImapMailboxForm } from "@/components/imap-mailbox-form";
import { getImapMailbox } from "@/lib/replies/imap-settings";
import { inboundAddress } from "@/lib/replies/inbound-address";
import { ChangeRoleForm, RemoveMemberForm, RevokeInvitationForm, TransferOwnershipForm } from "@/components/member-forms";
import { changeRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction, saveMailboxAction, transferOwnershipAction, saveImapMailboxAction, removeImapMailboxAction } from "./actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const { actor, role, workspace } = await requireWorkspace();
  const { members, invitations } = await listMembers(actor);
  const mailbox = await getWorkspaceMailbox(actor);
  const isOwner = roleAtLeast(role, "owner");
  const candidates = members.filter((m) => m.user.id !== actor.userId).map((m) => ({ value: m.id, label: `${m.user.name ?? m.user.email} (${m.user.email}, ${m.role})` }));
  return (
    <>
      <h1>Members of {workspace.name}</h1>
      {isOwner ? (
        <p>
          <a href="/members/audit">Audit log</a>: who did what in this workspace.
        </p>
      ) : null}
      <table>
        <caption>{members.length} members</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            {isOwner ? <th scope="col">Change</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.user.id}>
              <td>
                {m.user.name ?? "—"}
                {m.user.id === actor.userId ? " (you)" : null}
              </td>
              <td>{m.user.email}</td>
              <td>{roleLabels[m.role]}</td>
              {isOwner ? (
                <td>
                  <ChangeRoleForm action={changeRoleAction} membershipId={m.id} role={m.role} who={m.user.name ?? m.user.email} />
                  <RemoveMemberForm action={removeMemberAction} membershipId={m.id} who={m.user.name ?? m.user.email} isYou={m.user.id === actor.userId} />
                </td>
              ) : null}
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
                {isOwner ? <RevokeInvitationForm action={revokeInvitationAction} invitationId={i.id} email={i.email} /> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {isOwner && candidates.length > 0 ? (
        <>
          <h2>Hand over ownership</h2>
          <p className="muted">Make another member an owner. A workspace always keeps at least one owner.</p>
          <TransferOwnershipForm action={transferOwnershipAction} candidates={candidates} />
        </>
      ) : null}
      <h2>Where replies go</h2>
      {isOwner ? (
        <MailboxForm action={saveMailboxAction} mailbox={mailbox} />
      ) : (
        <p>{mailbox ? `Trusts reply to ${mailbox}.` : "Trusts reply to whoever sent each batch."} Only an owner can change this.</p>
      )}
      {isOwner ? <IncomingMail actor={actor} slug={workspace.slug} /> : null}
      {isOwner ? (
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

/** Owners: where the app reads replies from (an IMAP mailbox) and the address mail can be forwarded to. */
async function IncomingMail({ actor, slug }: { actor: Parameters<typeof getImapMailbox>[0]; slug: string }) {
  const imap = await getImapMailbox(actor);
  return (
    <>
      <h2>Reading replies</h2>
      <p>
        The app can read the campaign mailbox itself and file each reply on its request. Or forward the mailbox (a forwarding rule, or an MX record) to{" "}
        <strong>{inboundAddress(slug)}</strong>, if this app receives mail.
      </p>
      {imap ? (
        <p className={imap.lastError ? "error-summary" : "muted"}>
          {imap.lastError
            ? `The last read failed: ${imap.lastError}`
            : imap.lastPolledAt
              ? `Reading ${imap.username} (${imap.folder}); last read ${formatUkDate(receiptDate(imap.lastPolledAt))} at ${imap.lastPolledAt.toLocaleTimeString("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" })}.`
              : `Reading ${imap.username} (${imap.folder}) from the next minute.`}
        </p>
      ) : null}
      <ImapMailboxForm
        action={saveImapMailboxAction}
        removeAction={removeImapMailboxAction}
        saved={imap ? { host: imap.host, port: imap.port, security: imap.security, username: imap.username, folder: imap.folder } : null}
      />
    </>
  );
}
