"use server";
// Changes the signed-in user's own password (forced after a generated one); every other
// session ends, and this browser gets a fresh session.
import { cookies } from "next/headers";
import { userAction } from "@/lib/auth/workspace-action";
import { anyForm, refusal } from "@/lib/edge/define-action";
import { changePassword } from "@/lib/workspaces/change-password";
import { issueSessionToken, sessionCookie } from "@/lib/auth/session-cookie";

export const changePasswordAction = userAction(
  anyForm,
  async (user, input) => {
    const result = await changePassword(user.id, input);
    if (!result.ok) return refusal({ fieldErrors: result.fieldErrors });
    const cookie = sessionCookie();
    (await cookies()).set(cookie.name, await issueSessionToken(user.id), cookie.options);
    return { ok: true, redirectTo: "/?password=changed" };
  },
  { allowPasswordChangePending: true },
);
