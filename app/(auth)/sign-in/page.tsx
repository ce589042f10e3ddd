import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSignedInUser } from "@/lib/auth/session";
import { SignInForms } from "@/components/sign-in-forms";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  if (await getSignedInUser()) redirect(safeCallbackPath(params.callbackUrl));
  return (
    <main id="main">
      <h1>Sign in to FOI Tracker</h1>
      <p className="lede">Track your campaign&apos;s Freedom of Information requests and their legal deadlines.</p>
      {params.joined ? (
        <p className="success" role="status">
          Your account is ready. Sign in with the password you chose.
        </p>
      ) : null}
      <SignInForms initialError={params.error} callbackUrl={safeCallbackPath(params.callbackUrl)} />
    </main>
  );
}
