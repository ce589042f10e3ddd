import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <main id="main">
      <p>
        <Link href="/">Back to the dashboard</Link>
      </p>
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{user.name ?? "Not given"}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
      </dl>
      <h2>Password</h2>
      <p>
        <Link href="/account/password">Change your password</Link>. Changing it signs you out everywhere else.
      </p>
      <h2>Sign out everywhere</h2>
      <p>Signs you out on every device and browser, this one included: use it if you lost a device or signed in on a shared computer.</p>
      <form action={signOutEverywhereAction}>
        <button type="submit" className="secondary">
          Sign out everywhere
        </button>
      </form>
    </main>
  );
}
