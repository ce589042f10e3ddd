import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { LOGIN_WINDOW_MINUTES } from "@/lib/auth/rate-limit";
import { receiptDate } from "@/lib/deadlines";
import { RESTORE_DAYS } from "@/lib/requests/delete-request";
import { now } from "@/lib/time";

export const PURGE_TASK = "purge";
/** A claim older than this belongs to a worker that died mid-purge; another may take over. */
export const PURGE_LEASE_MINUTES = 10;
const DAY_MS = 86_400_000;
/**
 * Sign-in attempts are only read within the rate limit's window (15 minutes); a day leaves
 * room to look into a burst of guessing after the fact, then they go.
 */
export const LOGIN_ATTEMPT_KEEP_MS = Math.max(DAY_MS, LOGIN_WINDOW_MINUTES * 60_000);
/** Expired or withdrawn invitations stay visible to owners for a month, then go. */
export const INVITATION_KEEP_DAYS = 30;
/** Deleted requests in one transaction: a big purge is many short transactions, not one long lock. */
const REQUESTS_PER_TRANSACTION = 200;

export interface PurgeCounts {
  loginAttempts: number;
  verificationTokens: number;
  invitations: number;
  requests: number;
}

/**
 * Deletes what the app no longer needs: sign-in attempts older than a day, sign-in links
 * that have expired, invitations expired or withdrawn more than 30 days ago, and requests
 * deleted more than 30 days ago (the README's promise) with everything that belongs to
 * them: events, messages and attachments, outcomes, answers, alerts and notifications (by
 * the schema's cascades) and their outbox rows (kept by the schema, so deleted here). One
 * audit entry per workspace names the requests purged. Idempotent: a second run finds nothing.
 */
export async function purgeExpiredData(at: Date = now()): Promise<PurgeCounts> {
  const [loginAttempts, verificationTokens, invitations] = await db.$transaction([
    db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(at.getTime() - LOGIN_ATTEMPT_KEEP_MS) } } }),
    db.verificationToken.deleteMany({ where: { expires: { lt: at } } }),
    db.invitation.deleteMany({
      where: {
        acceptedAt: null,
        OR: [{ expiresAt: { lt: new Date(at.getTime() - INVITATION_KEEP_DAYS * DAY_MS) } }, { revokedAt: { lt: new Date(at.getTime() - INVITATION_KEEP_DAYS * DAY_MS) } }],
      },
    }),
  ]);
  const requests = await purgeDeletedRequests(at);
  return { loginAttempts: loginAttempts.count, verificationTokens: verificationTokens.count, invitations: invitations.count, requests };
}

/** Requests deleted more than RESTORE_DAYS ago, workspace by workspace. Returns how many went. */
async function purgeDeletedRequests(at: Date): Promise<number> {
  const cutoff = new Date(at.getTime() - RESTORE_DAYS * DAY_MS);
  let total = 0;
  for (;;) {
    const due = await db.foiRequest.findMany({
      where: { deletedAt: { lt: cutoff } },
      orderBy: [{ workspaceId: "asc" }, { deletedAt: "asc" }],
      take: REQUESTS_PER_TRANSACTION,
      select: { id: true, workspaceId: true },
    });
    if (due.length === 0) return total;
    const byWorkspace = new Map<string, string[]>();
    for (const r of due) byWorkspace.set(r.workspaceId, [...(byWorkspace.get(r.workspaceId) ?? []), r.id]);
    for (const [workspaceId, ids] of byWorkspace) {
      total += await db.$transaction(async (tx) => {
        // Checked again inside the transaction: an owner may have restored one meanwhile.
        const still = await tx.foiRequest.findMany({ where: { id: { in: ids }, workspaceId, deletedAt: { lt: cutoff } }, select: { id: true } });
        const purged = still.map((r) => r.id);
        if (purged.length === 0) return 0;
        await tx.delivery.deleteMany({ where: { requestId: { in: purged } } });
        const { count } = await tx.foiRequest.deleteMany({ where: { id: { in: purged } } });
        await recordAudit({ workspaceId, userId: null, action: "request.purge", entity: "FoiRequest", data: { count, requestIds: purged, deletedBefore: cutoff.toISOString() } }, tx);
        return count;
      });
    }
  }
}

/**
 * One worker tick: if today's purge (London day) has not run, claim it with the
 * ScheduledRun primary key, so only one worker runs it a day, purge, and mark it finished.
 */
export async function runScheduledPurge(at: Date = now()): Promise<PurgeCounts | null> {
  const today = receiptDate(at);
  const staleBefore = new Date(at.getTime() - PURGE_LEASE_MINUTES * 60_000);
  const claimed = await db.$executeRaw`
    INSERT INTO "ScheduledRun" (task, day, "startedAt") VALUES (${PURGE_TASK}, ${today}::date, ${at})
    ON CONFLICT (task, day) DO UPDATE SET "startedAt" = EXCLUDED."startedAt"
    WHERE "ScheduledRun"."finishedAt" IS NULL AND "ScheduledRun"."startedAt" < ${staleBefore}`;
  if (claimed !== 1) return null;
  const counts = await purgeExpiredData(at);
  await db.$executeRaw`UPDATE "ScheduledRun" SET "finishedAt" = ${now()} WHERE task = ${PURGE_TASK} AND day = ${today}::date`;
  return counts;
}
