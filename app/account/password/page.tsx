import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/components/change-password-form";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Change your password" };

export default async function ChangePasswordPage() {
  const user = await requireUser({ allowPasswordChangePending: true });
  return (
    <main id="main">
      <h1>{user.mustChangePassword ? "Choose your own password" : "Change your password"}</h1>
      {user.mustChangePassword ? <p className="lede">You signed in with a password we generated for you. Choose your own before you carry on.</p> : null}
      <ChangePasswordForm action={changePasswordAction} needsCurrent={!user.mustChangePassword} />
    </main>
  );
}
