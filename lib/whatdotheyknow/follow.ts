import "server-only";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { ConflictError, NotFoundError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { fileReply } from "@/lib/replies/file-reply";
import { now } from "@/lib/time";
import { fetchThread, WdtkError, type ClientOptions } from "@/lib/whatdotheyknow/client";
import { isFollowingEnabled, siteBaseUrl } from "@/lib/whatdotheyknow/config";
import { wdtkStatusDiffers } from "@/lib/whatdotheyknow/states";

// Following: every request with an address on the site is read (conditionally: unchanged
// since the last check costs one 304), each new reply goes through the one reply pipeline
// (stored once by its site id, with a suggested event for a person to confirm), and the
// site's own status is kept to show beside ours. Nothing here records a timeline entry or
// touches a clock; a failed check changes nothing but the note of why it failed.

export interface FollowedRequest {
  requestId: string;
  url: string;
  result: "unchanged" | "updated" | "failed";
  newMessages: number;
  siteState: string | null;
  /** The site's status differs from ours (shown on the request, never applied). */
  differs: boolean;
  error?: string;
}

export interface FollowSummary {
  dryRun: boolean;
  checked: number;
  unchanged: number;
  updated: number;
  newMessages: number;
  statusDiffers: number;
  failed: number;
  requests: FollowedRequest[];
}

export interface FollowOptions {
  workspaceId?: string;
  requestIds?: string[];
  batchId?: string;
  /** Reads the site but writes nothing: counts what is new. */
  dryRun?: boolean;
  client?: ClientOptions;
  signal?: AbortSignal;
}

/** Checks the followed requests on the site (all workspaces unless one is named) and files what is new. */
export async function followRequests(options: FollowOptions = {}): Promise<FollowSummary> {
  const summary: FollowSummary = { dryRun: options.dryRun ?? false, checked: 0, unchanged: 0, updated: 0, newMessages: 0, statusDiffers: 0, failed: 0, requests: [] };
  if (!isFollowingEnabled()) return summary;
  const prefix = `${siteBaseUrl()}/request/`;
  const requests = await db.foiRequest.findMany({
    where: {
      externalUrl: { startsWith: prefix },
      deletedAt: null,
      status: { not: "draft" },
      ...(options.workspaceId ? { workspaceId: options.workspaceId } : {}),
      ...(options.requestIds ? { id: { in: options.requestIds } } : {}),
      ...(options.batchId ? { batchId: options.batchId } : {}),
    },
    orderBy: { reference: "asc" },
    select: { id: true, workspaceId: true, status: true, externalUrl: true, wdtkFollow: { select: { etag: true, lastModified: true } } },
  });
  for (const request of requests) {
    if (options.signal?.aborted) break;
    const url = request.externalUrl!.split(/[?#]/)[0].replace(/\/+$/, "");
    summary.checked++;
    const record: FollowedRequest = { requestId: request.id, url, result: "unchanged", newMessages: 0, siteState: null, differs: false };
    summary.requests.push(record);
    try {
      const fetched = await fetchThread(url, request.wdtkFollow ?? {}, options.client);
      if (fetched.status === "not_modified") {
        summary.unchanged++;
        if (!summary.dryRun) await saveFollow(request.id, request.workspaceId, url, { checkedAt: now(), lastError: null, lastErrorKind: null });
        const stored = await db.wdtkFollow.findUnique({ where: { requestId: request.id }, select: { siteState: true } });
        record.siteState = stored?.siteState ?? null;
        record.differs = record.siteState ? wdtkStatusDiffers(record.siteState, request.status) : false;
        if (record.differs) summary.statusDiffers++;
        continue;
      }
      const { thread } = fetched;
      const keys = thread.messages.map((m) => m.sourceKey);
      const known = new Set(
        (await db.message.findMany({ where: { workspaceId: request.workspaceId, source: "whatdotheyknow", sourceKey: { in: keys } }, select: { sourceKey: true } })).map((m) => m.sourceKey),
      );
      const fresh = thread.messages.filter((m) => !known.has(m.sourceKey));
      // The first letter is already on the request (marked sent from the batch, or logged): WhatDoTheyKnow's copy of it is not kept twice.
      const initial = thread.events.find((e) => e.kind === "sent")?.sourceKey;
      const hasOwnLetter = (await db.message.count({ where: { requestId: request.id, direction: "outgoing" } })) > 0;
      const toFile = fresh.filter((m) => !(m.sourceKey === initial && hasOwnLetter));
      record.siteState = thread.state;
      record.differs = wdtkStatusDiffers(thread.state, request.status);
      if (record.differs) summary.statusDiffers++;
      record.newMessages = toFile.length;
      record.result = toFile.length > 0 ? "updated" : "unchanged";
      if (!summary.dryRun) {
        for (const m of toFile) {
          if (m.direction === "incoming") {
            await fileReply(request.workspaceId, {
              source: "whatdotheyknow",
              sourceKey: m.sourceKey,
              requestId: request.id,
              fromName: m.fromName ?? undefined,
              sentAt: new Date(m.sentAt),
              text: m.text,
              externalUrl: m.externalUrl,
              externalAttachments: m.externalAttachments,
              sourceStatus: m.state ?? thread.state,
            });
          } else {
            // A follow-up sent on the site, outside the app: kept as our own letters are, nothing to confirm.
            await db.message.createMany({
              data: [
                {
                  workspaceId: request.workspaceId,
                  requestId: request.id,
                  direction: "outgoing",
                  fromName: m.fromName,
                  sentAt: new Date(m.sentAt),
                  bodyText: m.text,
                  source: "whatdotheyknow",
                  sourceKey: m.sourceKey,
                  externalUrl: m.externalUrl,
                  matchedBy: "source",
                },
              ],
              skipDuplicates: true,
            });
          }
        }
        await saveFollow(request.id, request.workspaceId, url, {
          etag: fetched.etag,
          lastModified: fetched.lastModified,
          siteState: thread.state,
          checkedAt: now(),
          lastError: null,
          lastErrorKind: null,
        });
      }
      if (record.result === "updated") summary.updated++;
      else summary.unchanged++;
      summary.newMessages += toFile.length;
    } catch (error) {
      if (!(error instanceof WdtkError)) throw error;
      summary.failed++;
      record.result = "failed";
      record.error = error.message;
      if (!summary.dryRun) await saveFollow(request.id, request.workspaceId, url, { checkedAt: now(), lastError: error.message, lastErrorKind: error.failure });
    }
  }
  if (!summary.dryRun) {
    const byWorkspace = new Map<string, FollowedRequest[]>();
    for (const r of summary.requests.filter((x) => x.newMessages > 0)) {
      const ws = requests.find((q) => q.id === r.requestId)!.workspaceId;
      byWorkspace.set(ws, [...(byWorkspace.get(ws) ?? []), r]);
    }
    for (const [workspaceId, changed] of byWorkspace) {
      await recordAudit({ workspaceId, userId: null, action: "request.follow_wdtk", entity: "Workspace", entityId: workspaceId, data: { requests: changed.map((c) => ({ requestId: c.requestId, newMessages: c.newMessages })) } });
    }
  }
  return summary;
}

async function saveFollow(
  requestId: string,
  workspaceId: string,
  url: string,
  data: { etag?: string | null; lastModified?: string | null; siteState?: string | null; checkedAt: Date; lastError: string | null; lastErrorKind: string | null },
) {
  await db.wdtkFollow.upsert({ where: { requestId }, create: { requestId, workspaceId, url, ...data }, update: { url, ...data } });
}

/** "Check WhatDoTheyKnow now" on one request. */
export async function followRequestNow(actor: Actor, requestId: string): Promise<FollowSummary> {
  await requireRole(actor, "editor");
  if (!isFollowingEnabled()) throw new ConflictError("Following WhatDoTheyKnow is turned off here (WDTK_BASE_URL=off).");
  const request = await db.foiRequest.findFirst({ where: { id: requestId, workspaceId: actor.workspaceId, deletedAt: null }, select: { id: true, externalUrl: true, status: true } });
  if (!request) throw new NotFoundError("That request is not in this workspace.");
  if (!request.externalUrl?.startsWith(`${siteBaseUrl()}/request/`)) throw new ConflictError(`This request has no address on ${siteBaseUrl()}.`);
  if (request.status === "draft") throw new ConflictError("Mark the request as sent first.");
  return followRequests({ workspaceId: actor.workspaceId, requestIds: [request.id] });
}

/** "Check WhatDoTheyKnow now" for a batch: about a second per request (the site's pace). */
export async function followBatchNow(actor: Actor, batchId: string): Promise<FollowSummary> {
  await requireRole(actor, "editor");
  if (!isFollowingEnabled()) throw new ConflictError("Following WhatDoTheyKnow is turned off here (WDTK_BASE_URL=off).");
  const batch = await db.batch.findFirst({ where: { id: batchId, workspaceId: actor.workspaceId }, select: { id: true } });
  if (!batch) throw new NotFoundError("That batch is not in this workspace.");
  return followRequests({ workspaceId: actor.workspaceId, batchId: batch.id });
}

/** What the request page shows about the site: its status beside ours, and the last check. */
export async function getFollowState(actor: Actor, requestId: string) {
  await requireRole(actor, "viewer");
  const follow = await db.wdtkFollow.findFirst({
    where: { requestId, workspaceId: actor.workspaceId },
    select: { siteState: true, checkedAt: true, lastError: true, lastErrorKind: true, request: { select: { status: true } } },
  });
  if (!follow) return null;
  return { ...follow, differs: follow.siteState ? wdtkStatusDiffers(follow.siteState, follow.request.status) : false };
}
