import "server-only";
import { db } from "@/lib/db/client";
import { requireRole, type Actor } from "@/lib/auth/access";
import { matchReply, OPEN_STATUSES } from "@/lib/replies/match";
import { readSuggestion } from "@/lib/replies/suggestion";

const REPLY_FIELDS = {
  id: true,
  fromName: true,
  fromAddress: true,
  toAddress: true,
  subject: true,
  sentAt: true,
  source: true,
  matchedBy: true,
  suggestion: true,
  review: true,
  bodyText: true,
  externalUrl: true,
} as const;

/** A request's replies whose meaning waits for a person, oldest first, each with its suggestion. */
export async function listPendingReplies(actor: Actor, requestId: string) {
  await requireRole(actor, "viewer");
  const rows = await db.message.findMany({
    where: { requestId, workspaceId: actor.workspaceId, direction: "incoming", review: "pending", request: { deletedAt: null } },
    orderBy: [{ sentAt: "asc" }, { createdAt: "asc" }],
    select: { id: true, fromName: true, fromAddress: true, subject: true, sentAt: true, matchedBy: true, suggestion: true },
  });
  return rows.flatMap((r) => {
    const suggestion = readSuggestion(r.suggestion);
    return suggestion ? [{ ...r, suggestion }] : [];
  });
}

/** How many incoming messages wait in the Unmatched inbox. */
export async function countUnmatched(actor: Actor): Promise<number> {
  await requireRole(actor, "viewer");
  return db.message.count({ where: { workspaceId: actor.workspaceId, requestId: null, direction: "incoming", review: { in: ["none", "pending"] } } });
}

const INBOX_LIMIT = 50;

/**
 * The Unmatched inbox: messages no rule could place with certainty, newest first, each with the
 * requests it most likely belongs to (what matching found but would not decide on), and the
 * workspace's open requests for the choice.
 */
export async function listUnmatched(actor: Actor) {
  await requireRole(actor, "viewer");
  const [total, rows, open, bodies] = await Promise.all([
    countUnmatched(actor),
    db.message.findMany({
      where: { workspaceId: actor.workspaceId, requestId: null, direction: "incoming", review: { in: ["none", "pending"] } },
      orderBy: [{ sentAt: "desc" }, { createdAt: "desc" }],
      take: INBOX_LIMIT,
      select: { ...REPLY_FIELDS, attachments: { select: { id: true, filename: true, size: true } } },
    }),
    db.foiRequest.findMany({
      where: { workspaceId: actor.workspaceId, deletedAt: null, status: { not: "draft" } },
      orderBy: [{ body: { name: "asc" } }, { sentAt: "desc" }],
      take: 1000,
      select: { id: true, title: true, reference: true, status: true, body: { select: { name: true } } },
    }),
    db.publicBody.findMany({ where: { workspaceId: actor.workspaceId }, orderBy: { name: "asc" }, select: { id: true, name: true, foiEmail: true } }),
  ]);
  const requests = new Map(open.map((r) => [r.id, r]));
  const messages = [];
  for (const row of rows) {
    const match = await matchReply(db, actor.workspaceId, { fromAddress: row.fromAddress, subject: row.subject });
    const ids = match.requestId !== null ? [match.requestId] : match.candidates;
    const likely = ids.flatMap((id) => requests.get(id) ?? []);
    messages.push({ ...row, suggestion: readSuggestion(row.suggestion), likely, why: match.requestId !== null ? null : match.reason });
  }
  const openFirst = [...open].sort((a, b) => Number(!OPEN_STATUSES.includes(a.status)) - Number(!OPEN_STATUSES.includes(b.status)));
  return { total, messages, requests: openFirst, bodies: bodies.map((b) => ({ id: b.id, name: b.name })), shown: rows.length };
}
