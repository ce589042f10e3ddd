"use server";
// Saves what an editor fills in about a trust (its FOI address, website, notes).
import { workspaceAction } from "@/lib/auth/workspace-action";
import { updateBodySchema } from "@/lib/bodies/schemas";
import { updateBody } from "@/lib/bodies/update-body";

export const updateBodyAction = workspaceAction(updateBodySchema, async (actor, input) => {
  await updateBody(actor, input);
  return { ok: true, message: "Saved.", revalidate: [`/trusts/${input.bodyId}`] };
});
