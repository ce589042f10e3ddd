"use server";
// Changes the signed-in user's own password (forced after a generated one); every other
// session ends, and this browser gets a fresh session.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { changePassword } from "@/lib/workspaces/change-password";
import { issueSessionToken, sessionCookie } from "@/lib/auth/session-cookie";
import type { FormState } from "@/lib/auth/form-state";

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser({ allowPasswordChangePending: true });
  const result = await changePassword(user.id, Object.fromEntries(formData));
  if (!result.ok) return { ok: false, message: "Check the answers marked below.", fieldErrors: result.fieldErrors };
  const cookie = sessionCookie();
  (await cookies()).set(cookie.name, await issueSessionToken(user.id), cookie.options);
  redirect("/?password=changed");
}
