"use server";
// Switches the current workspace for someone who belongs to several campaigns.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { requireWorkspace, WORKSPACE_COOKIE } from "@/lib/auth/session";

export async function switchWorkspaceAction(formData: FormData): Promise<void> {
  const { workspaces } = await requireWorkspace();
  const wanted = String(formData.get("workspaceId") ?? "");
  // Only a workspace the user belongs to; requireWorkspace() checks again on every request.
  if (workspaces.some((w) => w.id === wanted)) {
    (await cookies()).set(WORKSPACE_COOKIE, wanted, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 86_400 });
  }
  redirect("/");
}
