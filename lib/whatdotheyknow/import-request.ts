import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { ConflictError, InvalidError } from "@/lib/auth/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { matchTrustNames } from "@/lib/bodies/match-trust-names";
import { aliasesForBodyKey } from "@/lib/outcomes/response-names";
import { markSent } from "@/lib/requests/mark-sent";
import { replayTimeline } from "@/lib/requests/timeline";
import { unsafeRecomputeClock } from "@/lib/requests/unsafe-recompute-clock";
import { now } from "@/lib/time";
import { parseRequestAddress } from "@/lib/whatdotheyknow/addresses";
import { fetchThread, WdtkError, type ClientOptions } from "@/lib/whatdotheyknow/client";
import { siteBaseUrl } from "@/lib/whatdotheyknow/config";
import type { Thread, ThreadMessage } from "@/lib/whatdotheyknow/thread";

type Tx = Prisma.TransactionClient;

/** The one line `npm run wdtk:import` prints, also what the import form reports. */
export interface ImportLine {
  url: string;
  title: string;
  body: string;
  law: string;
  sentOn: string | null;
  events: Array<{ kind: string; on: string }>;
  messages: number;
}

export function importLine(thread: Thread): ImportLine {
  return {
    url: thread.url,
    title: thread.title,
    body: thread.body.name,
    law: thread.law,
    sentOn: thread.events.find((e) => e.kind === "sent")?.on ?? null,
    events: thread.events.map((e) => ({ kind: e.kind, on: e.on })),
    messages: thread.messages.length,
  };
}

export interface ImportResult {
  requestId: string;
  created: boolean;
  bodyCreated: boolean;
  messagesAdded: number;
  eventsAdded: number;
  eventsDated: number;
  line: ImportLine;
}

/** A site failure as the refusal a form shows (the message says what happened and that nothing changed). */
export function asRefusal(error: unknown): never {
  if (error instanceof WdtkError) throw new ConflictError(error.message);
  throw error;
}

/** Reads a request from the site (no database): for `--dry-run` and the import form's first look. */
export async function readRequest(url: string, options: ClientOptions = {}): Promise<{ thread: Thread; etag: string | null; lastModified: string | null }> {
  const address = parseRequestAddress(url, siteBaseUrl());
  if (!address) throw new InvalidError({ url: [`Paste a request's address on ${siteBaseUrl()}, such as ${siteBaseUrl()}/request/...`] }, "That is not a WhatDoTheyKnow request address.");
  const fetched = await fetchThread(address.url, {}, options);
  if (fetched.status !== "ok") throw new ConflictError("The site answered 'not modified' to a first fetch.");
  return fetched;
}

/** Imports a request by its address for a person (an editor) in their workspace. */
export async function importRequest(actor: Actor, input: { url?: unknown }, options: ClientOptions = {}): Promise<ImportResult> {
  await requireRole(actor, "editor");
  const url = typeof input.url === "string" ? input.url.trim() : "";
  if (!url) throw new InvalidError({ url: ["Paste the request's address on WhatDoTheyKnow."] });
  const read = await readRequest(url, options).catch(asRefusal);
  return unsafeImportThread(actor.workspaceId, read, actor.userId);
}

async function findOrCreateBody(tx: Tx, workspaceId: string, thread: Thread): Promise<{ id: string; created: boolean }> {
  const bySlug = await tx.publicBody.findFirst({ where: { workspaceId, wdtkSlug: thread.body.urlName }, select: { id: true } });
  if (bySlug) return { id: bySlug.id, created: false };
  const key = `wdtk-${thread.body.urlName}`.slice(0, 100);
  const earlier = await tx.publicBody.findFirst({ where: { workspaceId, key }, select: { id: true } });
  if (earlier) return { id: earlier.id, created: false };
  const directory = await tx.publicBody.findMany({ where: { workspaceId }, select: { id: true, key: true, name: true, shortName: true, odsCode: true } });
  const match = matchTrustNames(thread.body.name, directory.map(({ key: k, ...b }) => ({ ...b, aliases: aliasesForBodyKey(k) })));
  // Only a certain match: a body that merely looks alike is created as its own, for a person to merge.
  if (match.matched.length === 1 && match.matched[0].how !== "fuzzy") return { id: match.matched[0].bodyId, created: false };
  const body = await tx.publicBody.create({
    data: { workspaceId, key, name: thread.body.name, shortName: thread.body.shortName || null, kind: "other", wdtkSlug: thread.body.urlName },
    select: { id: true },
  });
  return { id: body.id, created: true };
}

function messageRow(workspaceId: string, requestId: string, m: ThreadMessage) {
  return {
    workspaceId,
    requestId,
    direction: m.direction,
    fromName: m.fromName,
    sentAt: new Date(m.sentAt),
    bodyText: m.text,
    source: "whatdotheyknow" as const,
    sourceKey: m.sourceKey,
    externalUrl: m.externalUrl,
    externalAttachments: m.externalAttachments,
    matchedBy: "source",
  };
}

/**
 * Creates (or completes) the request from its thread in one transaction: its body (from the
 * directory, or created), title, law, sent date, every message in and out (each once: the
 * site's message id is the key), and the timeline entries WhatDoTheyKnow's classifications
 * make certain. An entry recorded approximately (the seed's "on or before") takes the real
 * date. Importing again adds nothing. For a workspace the caller has already checked (a
 * person's role, or the command line naming the workspace).
 */
export async function unsafeImportThread(
  workspaceId: string,
  read: { thread: Thread; etag: string | null; lastModified: string | null },
  userId: string | null,
): Promise<ImportResult> {
  const { thread } = read;
  return db.$transaction(
    async (tx) => {
      let request = await tx.foiRequest.findFirst({ where: { workspaceId, externalUrl: thread.url, deletedAt: null }, select: { id: true, status: true } });
      let created = false;
      let bodyCreated = false;
      if (!request) {
        const body = await findOrCreateBody(tx, workspaceId, thread);
        bodyCreated = body.created;
        const letter = thread.messages.find((m) => m.direction === "outgoing")?.text ?? "";
        request = await tx.foiRequest.create({
          data: { workspaceId, bodyId: body.id, law: thread.law, title: thread.title.slice(0, 280), letter, channel: "whatdotheyknow", externalUrl: thread.url, createdById: userId },
          select: { id: true, status: true },
        });
        created = true;
      }
      const requestId = request.id;

      const before = await tx.message.count({ where: { workspaceId, source: "whatdotheyknow", sourceKey: { in: thread.messages.map((m) => m.sourceKey) } } });
      await tx.message.createMany({ data: thread.messages.map((m) => messageRow(workspaceId, requestId, m)), skipDuplicates: true });
      const stored = await tx.message.findMany({ where: { workspaceId, source: "whatdotheyknow", sourceKey: { in: thread.messages.map((m) => m.sourceKey) } }, select: { id: true, sourceKey: true } });
      const messageIdOf = new Map(stored.map((m) => [m.sourceKey, m.id]));

      if (request.status === "draft" && thread.sentAt) await markSent([{ requestId, workspaceId, sentAt: new Date(thread.sentAt), message: null, createdById: userId }], tx);

      const existing = await tx.requestEvent.findMany({ where: { requestId }, select: { id: true, kind: true, occurredAt: true, approximate: true, messageId: true, result: true } });
      let eventsAdded = 0;
      let eventsDated = 0;
      for (const event of thread.events) {
        const messageId = event.sourceKey ? (messageIdOf.get(event.sourceKey) ?? null) : null;
        if (messageId && existing.some((e) => e.messageId === messageId)) continue;
        const sameKind = existing.filter((e) => e.kind === event.kind && (!e.messageId || !stored.some((s) => s.id === e.messageId)));
        // The one `sent` entry, or an entry known only approximately, or one a person recorded the same day: the site's is the same event.
        const same =
          (event.kind === "sent" ? sameKind[0] : undefined) ??
          sameKind.find((e) => e.approximate) ??
          sameKind.find((e) => e.occurredAt.toISOString().slice(0, 10) === event.on || Math.abs(e.occurredAt.getTime() - Date.parse(event.at)) < 36 * 3_600_000);
        if (same) {
          const data: Prisma.RequestEventUpdateInput = {};
          if (messageId && same.messageId !== messageId) data.message = { connect: { id: messageId } };
          if (same.approximate) {
            data.occurredAt = new Date(event.at);
            data.approximate = false;
            eventsDated++;
          }
          if (Object.keys(data).length) await tx.requestEvent.update({ where: { id: same.id }, data });
          same.messageId = messageId ?? same.messageId;
          same.approximate = false;
          continue;
        }
        const row = await tx.requestEvent.create({
          data: { workspaceId, requestId, kind: event.kind, occurredAt: new Date(event.at), result: event.result ?? null, messageId, createdById: userId },
          select: { id: true, kind: true, occurredAt: true, approximate: true, messageId: true, result: true },
        });
        existing.push(row);
        eventsAdded++;
      }
      const all = await tx.requestEvent.findMany({ where: { requestId }, orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }], select: { kind: true, occurredAt: true, result: true } });
      const replay = replayTimeline(all.map((e) => ({ kind: e.kind, at: e.occurredAt.toISOString(), result: e.result })));
      if (!replay.ok) throw new ConflictError(`WhatDoTheyKnow's history does not fit this request's timeline (${replay.reason}). Nothing was imported.`);
      const current = await tx.foiRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } });
      if (current.status !== replay.status) await tx.foiRequest.update({ where: { id: requestId }, data: { status: replay.status } });
      if (eventsAdded + eventsDated > 0 || created) await unsafeRecomputeClock(requestId, tx);

      const follow = { url: thread.url, etag: read.etag, lastModified: read.lastModified, siteState: thread.state, lastError: null, lastErrorKind: null };
      await tx.wdtkFollow.upsert({ where: { requestId }, create: { requestId, workspaceId, checkedAt: now(), ...follow }, update: follow });
      const messagesAdded = stored.length - before;
      if (created || messagesAdded + eventsAdded + eventsDated > 0) {
        await recordAudit(
          { workspaceId, userId, action: "request.import_wdtk", entity: "FoiRequest", entityId: requestId, data: { url: thread.url, created, bodyCreated, messagesAdded, eventsAdded, eventsDated } },
          tx,
        );
      }
      return { requestId, created, bodyCreated, messagesAdded, eventsAdded, eventsDated, line: importLine(thread) };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
