import "server-only";
import type { Prisma } from "@/lib/db/client";
import type { RequestStatus } from "@/lib/generated/prisma";
import { foiTokens, messageIdsIn } from "@/lib/replies/tokens";

export type MatchedBy = "in_reply_to" | "token" | "sender";

export type MatchResult =
  | { requestId: string; matchedBy: MatchedBy }
  | {
      requestId: null;
      /** Requests of this workspace the message might belong to, most likely first: shown in the Unmatched inbox. */
      candidates: string[];
      /** Why it was not matched, in a person's words. */
      reason: string;
    };

export interface MatchInput {
  fromAddress?: string | null;
  subject?: string | null;
  inReplyTo?: string | null;
  references?: readonly string[] | null;
}

/** Statuses in which a body still has something to send: a reply from it most likely belongs there. */
export const OPEN_STATUSES: RequestStatus[] = ["awaiting_response", "awaiting_clarification", "awaiting_fee", "extended", "internal_review"];

/**
 * Mail domains that many bodies share (every NHS organisation can have @nhs.net addresses) or
 * that anyone can have: the domain alone says nothing about who wrote.
 */
const SHARED_DOMAINS = new Set([
  "nhs.net",
  "nhs.uk",
  "gov.uk",
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "hotmail.co.uk",
  "live.com",
  "live.co.uk",
  "yahoo.com",
  "yahoo.co.uk",
  "icloud.com",
  "me.com",
  "aol.com",
  "btinternet.com",
  "protonmail.com",
  "proton.me",
  "whatdotheyknow.com",
]);

type Reader = Pick<Prisma.TransactionClient, "delivery" | "message" | "foiRequest" | "publicBody">;

/** The distinct requests of this workspace that our letters (or messages already filed) with these Message-IDs belong to. */
async function requestsForMessageIds(client: Reader, workspaceId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const [deliveries, messages] = await Promise.all([
    client.delivery.findMany({
      // The outbox stores Message-IDs with their angle brackets.
      where: { workspaceId, messageId: { in: ids.map((id) => `<${id}>`) }, requestId: { not: null }, request: { deletedAt: null, workspaceId } },
      select: { requestId: true },
    }),
    client.message.findMany({
      where: { workspaceId, sourceKey: { in: ids }, requestId: { not: null }, request: { deletedAt: null, workspaceId } },
      select: { requestId: true },
    }),
  ]);
  return [...new Set([...deliveries, ...messages].map((r) => r.requestId!).filter(Boolean))];
}

function domainOf(address: string): string | null {
  const at = address.lastIndexOf("@");
  return at > 0 ? address.slice(at + 1).toLowerCase() : null;
}

/** The bodies of this workspace that this address (or, for a domain only they use, its domain) is known for. */
async function bodiesForSender(client: Reader, workspaceId: string, address: string): Promise<string[]> {
  const exact = await client.publicBody.findMany({
    where: {
      workspaceId,
      OR: [{ foiEmail: { equals: address, mode: "insensitive" } }, { requests: { some: { workspaceId, deliveries: { some: { toAddress: { equals: address, mode: "insensitive" } } } } } }],
    },
    select: { id: true },
  });
  if (exact.length > 0) return exact.map((b) => b.id);
  const domain = domainOf(address);
  if (!domain || SHARED_DOMAINS.has(domain) || domain.endsWith(".nhs.net")) return [];
  const byDomain = await client.publicBody.findMany({
    where: {
      workspaceId,
      OR: [{ foiEmail: { endsWith: `@${domain}`, mode: "insensitive" } }, { requests: { some: { workspaceId, deliveries: { some: { toAddress: { endsWith: `@${domain}`, mode: "insensitive" } } } } } }],
    },
    select: { id: true },
  });
  return byDomain.map((b) => b.id);
}

/**
 * Which request of this workspace a reply belongs to, in order of certainty: a Message-ID of
 * one of our letters in In-Reply-To or References; the "[FOI #n]" token of one of this
 * workspace's requests in the subject; the sender's address or domain, known for one body
 * with exactly one open request. Anything less certain is left unmatched: a message filed on
 * the wrong request is worse than one a person files. Only this workspace's letters, tokens
 * and bodies are ever looked at.
 */
export async function matchReply(client: Reader, workspaceId: string, input: MatchInput): Promise<MatchResult> {
  // 1. Threading headers: the reply's direct parent first, then the whole thread.
  const parent = await requestsForMessageIds(client, workspaceId, messageIdsIn([input.inReplyTo]));
  if (parent.length === 1) return { requestId: parent[0]!, matchedBy: "in_reply_to" };
  const thread = await requestsForMessageIds(client, workspaceId, messageIdsIn([input.inReplyTo, ...(input.references ?? [])]));
  if (thread.length === 1) return { requestId: thread[0]!, matchedBy: "in_reply_to" };

  // 2. The subject's token, only ever a request of this workspace.
  const tokens = foiTokens(input.subject);
  const tokenRequests = tokens.length
    ? await client.foiRequest.findMany({ where: { workspaceId, reference: { in: tokens }, deletedAt: null }, select: { id: true, reference: true } })
    : [];
  if (tokens.length === 1 && tokenRequests.length === 1 && thread.length === 0) return { requestId: tokenRequests[0]!.id, matchedBy: "token" };
  if (tokens.length === 1 && tokenRequests.length === 1 && thread.includes(tokenRequests[0]!.id)) return { requestId: tokenRequests[0]!.id, matchedBy: "token" };
  const candidates = [...new Set([...thread, ...tokenRequests.map((r) => r.id)])];
  if (thread.length > 1 || tokenRequests.length > 1) {
    return { requestId: null, candidates, reason: "It names more than one of your requests." };
  }
  // A token that is not this workspace's (another campaign's, or a number we never used) is
  // a reason for suspicion, not a clue: the sender is not trusted to place it either.
  if (tokens.length > tokenRequests.length) {
    return { requestId: null, candidates, reason: "Its subject has a reference number that is not one of this workspace's requests." };
  }

  // 3. The sender, when it is known for one body that has exactly one open request here.
  const address = input.fromAddress?.trim().toLowerCase();
  if (!address) return { requestId: null, candidates, reason: "It has no reference number and no sender we know." };
  const bodies = await bodiesForSender(client, workspaceId, address);
  if (bodies.length === 0) return { requestId: null, candidates, reason: "It has no reference number, and the sender is not a body in your directory." };
  const open = await client.foiRequest.findMany({
    where: { workspaceId, bodyId: { in: bodies }, deletedAt: null, status: { in: OPEN_STATUSES } },
    orderBy: { sentAt: "desc" },
    select: { id: true },
    take: 20,
  });
  if (bodies.length === 1 && open.length === 1) return { requestId: open[0]!.id, matchedBy: "sender" };
  return {
    requestId: null,
    candidates: [...new Set([...candidates, ...open.map((r) => r.id)])],
    reason: open.length === 0 ? "The sender's body has no open request." : "The sender's body has more than one open request.",
  };
}
