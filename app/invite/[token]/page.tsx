import type { Metadata } from "next";
import Link from "next/link";
import { getSignedInUser } from "@/lib/auth/session";
import { findInvitation } from "@/lib/workspaces/invitations";
import { AcceptInvitationForm } from "@/components/accept-invitation-form";
import { acceptInvitationAction, joinAsSignedInUserAction } from "./actions";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitation(token);
  if (!invitation) {
    return (
      <main id="main">
        <h1>This invitation cannot be used</h1>
        <p>It has expired, was withdrawn by an owner, or has already been used. Ask the workspace owner to invite you again.</p>
      </main>
    );
  }
  const user = await getSignedInUser();
  return (
    <main id="main">
      <h1>Join {invitation.workspaceName}</h1>
      <p className="lede">
        You have been invited as {invitation.role} ({invitation.email}).
      </p>
      {!invitation.hasAccount ? (
        <AcceptInvitationForm action={acceptInvitationAction} token={token} newAccount />
      ) : user?.email === invitation.email ? (
        <AcceptInvitationForm action={joinAsSignedInUserAction} token={token} newAccount={false} />
      ) : (
        <p>
          You already have an account. <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>Sign in as {invitation.email}</Link>, then
          come back to this link.
        </p>
      )}
    </main>
  );
}
