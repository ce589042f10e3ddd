import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getSignedInUser } from "@/lib/auth/session";
import { SignInForms } from "@/components/sign-in-forms";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { SIGN_IN_EMAIL_COOKIE } from "@/lib/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  if (await getSignedInUser()) redirect(safeCallbackPath(params.callbackUrl));
  const typedEmail = (await cookies()).get(SIGN_IN_EMAIL_COOKIE)?.value;
  return (
    <main id="main">
      <h1>Sign in to FOI Tracker</h1>
      <p className="lede">Track your campaign&apos;s Freedom of Information requests and their legal deadlines.</p>
      {params.joined ? (
        <p className="success" role="status">
          Your account is ready. Sign in with the password you chose.
        </p>
      ) : null}
      {params.signedOut === "everywhere" ? (
        <p className="success" role="status">
          You are signed out on every device and browser.
        </p>
      ) : params.signedOut === "password" ? (
        <p className="success" role="status">
          Your password was changed, so you were signed out. Sign in with your new password.
        </p>
      ) : null}
      <SignInForms error={params.error} retryMinutes={params.retry} callbackUrl={safeCallbackPath(params.callbackUrl)} email={params.error ? typedEmail : undefined} />
    </main>
  );
}
