"use server";
// "Sign out everywhere": ends every session of the signed-in person, this one included.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/auth/sessions";
import { sessionCookie } from "@/lib/auth/session-cookie";

export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser({ allowPasswordChangePending: true });
  await signOutEverywhere(user.id);
  const cookie = sessionCookie();
  (await cookies()).set(cookie.name, "", { ...cookie.options, maxAge: 0 });
  redirect("/sign-in?signedOut=everywhere");
}
