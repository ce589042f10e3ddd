"use server";
// "Sign out everywhere": ends every session of the signed-in person, this one included.
import { cookies } from "next/headers";
import { userAction } from "@/lib/auth/workspace-action";
import { initialFormState } from "@/lib/auth/form-state";
import { noFields, withoutState } from "@/lib/edge/define-action";
import { signOutEverywhere } from "@/lib/auth/sessions";
import { sessionCookie } from "@/lib/auth/session-cookie";

export const signOutEverywhereAction = withoutState(
  userAction(
    noFields,
    async (user) => {
      await signOutEverywhere(user.id);
      const cookie = sessionCookie();
      (await cookies()).set(cookie.name, "", { ...cookie.options, maxAge: 0 });
      return { ok: true, redirectTo: "/sign-in?signedOut=everywhere" };
    },
    { allowPasswordChangePending: true },
  ),
  initialFormState,
);
