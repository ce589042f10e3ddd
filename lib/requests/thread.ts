import "server-only";
import type { Prisma } from "@/lib/db/client";

// A reply's place in its conversation. Mail clients (and our own matching of replies) follow
// In-Reply-To and References (RFC 5322 section 3.6.4): In-Reply-To names the message answered,
// References the thread so far, oldest first.

/** How many Message-IDs References keeps: the first (the request itself) and the most recent. */
const MAX_REFERENCES = 10;

export interface ThreadHeaders {
  inReplyTo?: string;
  references?: string[];
}

type Reader = Pick<Prisma.TransactionClient, "delivery" | "message">;

/** "<id@host>" from a stored key with or without its angle brackets. */
function bracketed(id: string): string {
  const bare = id.trim().replace(/^<|>$/g, "");
  return `<${bare}>`;
}

/**
 * The thread headers of the next letter on a request: our letters that went (their Message-IDs
 * are in the outbox) and the body's replies read from the mailbox (their Message-ID is the
 * message's sourceKey), in date order. In-Reply-To is the newest message when it is a reply
 * from the mailbox, otherwise our last letter. Empty for the first letter.
 */
export async function threadHeadersFor(client: Reader, workspaceId: string, requestId: string): Promise<ThreadHeaders> {
  const [ours, theirs, latest] = await Promise.all([
    client.delivery.findMany({
      where: { workspaceId, requestId, state: "sent", sentAt: { not: null } },
      orderBy: [{ sentAt: "asc" }, { createdAt: "asc" }],
      select: { messageId: true, sentAt: true },
    }),
    client.message.findMany({
      where: { workspaceId, requestId, direction: "incoming", source: { in: ["imap", "smtp"] }, sourceKey: { not: null } },
      orderBy: [{ sentAt: "asc" }, { createdAt: "asc" }],
      select: { sourceKey: true, sentAt: true },
    }),
    client.message.findFirst({
      where: { workspaceId, requestId },
      orderBy: [{ sentAt: "desc" }, { createdAt: "desc" }],
      select: { direction: true, source: true, sourceKey: true },
    }),
  ]);
  // A message that came without a Message-ID is keyed by its hash: nothing to refer to.
  const replies = theirs.filter((m) => m.sourceKey && !m.sourceKey.startsWith("sha256:"));
  const thread = [...ours.map((d) => ({ id: bracketed(d.messageId), at: d.sentAt!.getTime() })), ...replies.map((m) => ({ id: bracketed(m.sourceKey!), at: m.sentAt.getTime() }))]
    .sort((a, b) => a.at - b.at)
    .map((m) => m.id);
  const ids = [...new Set(thread)];
  if (ids.length === 0) return {};

  const newestIsMailReply =
    latest?.direction === "incoming" && (latest.source === "imap" || latest.source === "smtp") && latest.sourceKey && !latest.sourceKey.startsWith("sha256:");
  const lastOurs = ours.at(-1);
  const inReplyTo = newestIsMailReply ? bracketed(latest.sourceKey!) : lastOurs ? bracketed(lastOurs.messageId) : ids.at(-1)!;

  const others = ids.filter((id) => id !== inReplyTo);
  const kept = others.length < MAX_REFERENCES ? others : [others[0]!, ...others.slice(-(MAX_REFERENCES - 2))];
  return { inReplyTo, references: [...kept, inReplyTo] };
}
