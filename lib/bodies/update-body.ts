import "server-only";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { updateBodySchema, type UpdateBodyInput } from "@/lib/bodies/schemas";

/** Editors fill in what the seeds could not know, such as a trust's FOI address. */
export async function updateBody(actor: Actor, input: UpdateBodyInput): Promise<void> {
  await requireRole(actor, "editor");
  const data = updateBodySchema.parse(input);
  await db.$transaction(async (tx) => {
    const updated = await tx.publicBody.updateMany({
      where: { id: data.bodyId, workspaceId: actor.workspaceId },
      data: { foiEmail: data.foiEmail, website: data.website, notes: data.notes },
    });
    if (updated.count === 0) throw new NotFoundError("That trust is not in this workspace's directory.");
    await recordAudit(
      { workspaceId: actor.workspaceId, userId: actor.userId, action: "body.update", entity: "PublicBody", entityId: data.bodyId, data: { foiEmail: data.foiEmail, website: data.website } },
      tx,
    );
  });
}
