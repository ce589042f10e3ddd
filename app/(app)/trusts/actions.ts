"use server";
// Saves what an editor fills in about a trust (its FOI address, website, notes).
import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/auth/workspace-action";
import { updateBodySchema } from "@/lib/bodies/schemas";
import { updateBody } from "@/lib/bodies/update-body";

const save = workspaceAction(updateBodySchema, async (actor, input) => {
  await updateBody(actor, input);
  revalidatePath(`/trusts/${input.bodyId}`);
  return { ok: true, message: "Saved." };
});

export async function updateBodyAction(...args: Parameters<typeof save>) {
  return save(...args);
}
