import "server-only";
import type { Prisma } from "@/lib/generated/prisma";
import { db } from "@/lib/db/client";
import { recordAuditForPerson } from "@/lib/audit/record-audit";

type Writer = Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * Ends every session of this person at once: each session carries the version it was issued
 * under (lib/auth/options.ts) and lib/auth/session.ts refuses an older one on every request.
 * Used by password change, "sign out everywhere", removal from a workspace and role changes.
 * Pass the transaction client so the sessions end in the same commit as the change.
 */
export async function endAllSessions(userId: string, writer: Writer = db): Promise<void> {
  await writer.$executeRaw`UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1 WHERE id = ${userId}`;
}

/** The person's own "sign out everywhere": every session ends, and each workspace's log says so. */
export async function signOutEverywhere(userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await endAllSessions(userId, tx);
    await recordAuditForPerson(userId, { action: "user.sign_out_everywhere", entity: "User", entityId: userId }, tx);
  });
}
