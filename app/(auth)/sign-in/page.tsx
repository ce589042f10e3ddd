import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSignedInUser } from "@/lib/auth/session";
import { SignInForms } from "@/components/sign-in-forms";

export const metadata: Metadata = { title: "Sign in" };

// Only same-site paths: an open redirect would make phishing links look like ours.
function safeCallback(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  if (await getSignedInUser()) redirect(safeCallback(params.callbackUrl));
  return (
    <main id="main">
      <h1>Sign in to FOI Tracker</h1>
      <p className="lede">Track your campaign&apos;s Freedom of Information requests and their legal deadlines.</p>
      <SignInForms initialError={params.error} callbackUrl={safeCallback(params.callbackUrl)} />
    </main>
  );
}
