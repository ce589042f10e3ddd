import type { Metadata } from "next";
import Link from "next/link";
import { isDevMailboxEnabled } from "@/lib/env";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  const devMailbox = isDevMailboxEnabled();
  return (
    <main id="main">
      <h1>Check your email</h1>
      <p>
        If {email ? <strong>{email}</strong> : "that address"} has an account, we have sent it a sign-in link. The link works once and expires in 15
        minutes.
      </p>
      {devMailbox ? (
        <p className="notice">
          This copy of FOI Tracker has no mail server configured: open the <Link href="/dev/mailbox">dev mailbox</Link> to find the link.
        </p>
      ) : null}
      <p>
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </main>
  );
}
