import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { SignOutButton } from "@/components/sign-out-button";

export const metadata: Metadata = { title: "No workspace" };

export default async function NoWorkspacePage() {
  const user = await requireUser();
  return (
    <main id="main">
      <h1>You are not in a campaign yet</h1>
      <p>
        You are signed in as {user.email}, but no workspace has added you. Ask a workspace owner to invite you, then open the link in the
        invitation email.
      </p>
      <SignOutButton />
    </main>
  );
}
