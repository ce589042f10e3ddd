import "server-only";
import type { Prisma } from "@/lib/generated/prisma";
import { foiStatusOf, seedBodies } from "@/prisma/seed/bodies";

/**
 * Gives a workspace its own copy of the reference directory (NHS England and the 55
 * trusts). Idempotent per body key. Run inside the caller's transaction.
 */
export async function copyDirectoryInto(tx: Prisma.TransactionClient, workspaceId: string): Promise<Map<string, string>> {
  const existing = await tx.publicBody.findMany({ where: { workspaceId }, select: { id: true, key: true } });
  const idByKey = new Map(existing.map((b) => [b.key, b.id]));
  const missing = seedBodies.filter((b) => !idByKey.has(b.key));
  if (missing.length > 0) {
    await tx.publicBody.createMany({
      data: missing.map((b) => ({
        workspaceId,
        key: b.key,
        name: b.name,
        shortName: b.shortName,
        odsCode: b.odsCode,
        region: b.region,
        kind: b.kind,
        website: b.website,
        wdtkSlug: b.wdtkSlug,
        status: b.status,
        statusChangedOn: b.statusChangedOn ? new Date(`${b.statusChangedOn}T00:00:00Z`) : null,
        successorName: b.successorName,
        ...foiStatusOf(b),
        notes: b.notes?.trim() || null,
      })),
    });
    const created = await tx.publicBody.findMany({ where: { workspaceId }, select: { id: true, key: true } });
    for (const b of created) idByKey.set(b.key, b.id);
    for (const b of missing) {
      if (!b.successorKey) continue;
      await tx.publicBody.update({ where: { id: idByKey.get(b.key)! }, data: { successorId: idByKey.get(b.successorKey) } });
    }
  }
  return idByKey;
}
