"use server";
// Switches the current workspace for someone who belongs to several campaigns.
import { cookies } from "next/headers";
import { z } from "zod";
import { workspaceAction } from "@/lib/auth/workspace-action";
import { initialFormState } from "@/lib/auth/form-state";
import { withoutState } from "@/lib/edge/define-action";
import { requireWorkspace, WORKSPACE_COOKIE } from "@/lib/auth/session";

export const switchWorkspaceAction = withoutState(
  workspaceAction(z.object({ workspaceId: z.string().catch("") }), async (_actor, { workspaceId }) => {
    // Only a workspace the user belongs to (requireWorkspace is cached for this request);
    // requireWorkspace() checks again on every request.
    const { workspaces } = await requireWorkspace();
    if (workspaces.some((w) => w.id === workspaceId)) {
      (await cookies()).set(WORKSPACE_COOKIE, workspaceId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 86_400 });
    }
    return { ok: true, redirectTo: "/" };
  }),
  initialFormState,
);
