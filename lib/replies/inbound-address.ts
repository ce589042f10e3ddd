import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

// Each workspace's inbound address is <slug>@<INBOUND_MAIL_DOMAIN> (the domain defaults to the
// app's own host name): e.g. lxp-revolution@replies.example.org. "anything+<slug>@" reaches the
// same workspace, so a provider that forces a fixed local part (replies+lxp-revolution@) works too.

export function inboundDomain(): string {
  const e = env();
  return (e.INBOUND_MAIL_DOMAIN ?? (new URL(e.NEXTAUTH_URL).hostname || "localhost")).toLowerCase();
}

export function inboundAddress(slug: string): string {
  return `${slug}@${inboundDomain()}`;
}

/** The workspace slug an envelope recipient names, or null when it is not one of ours. */
export function slugOfRecipient(address: string): string | null {
  const at = address.lastIndexOf("@");
  if (at <= 0) return null;
  const domain = address.slice(at + 1).toLowerCase().replace(/\.$/, "");
  if (domain !== inboundDomain()) return null;
  const local = address.slice(0, at).toLowerCase();
  const slug = local.includes("+") ? local.slice(local.lastIndexOf("+") + 1) : local;
  return /^[a-z0-9-]{1,100}$/.test(slug) ? slug : null;
}

const cache = new Map<string, { workspaceId: string | null; at: number }>();
const CACHE_MS = 60_000;

/** The workspace an envelope recipient belongs to (looked up once a minute at most), or null. */
export async function workspaceForRecipient(address: string): Promise<string | null> {
  const slug = slugOfRecipient(address);
  if (!slug) return null;
  const hit = cache.get(slug);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.workspaceId;
  const workspace = await db.workspace.findUnique({ where: { slug }, select: { id: true } });
  cache.set(slug, { workspaceId: workspace?.id ?? null, at: Date.now() });
  return workspace?.id ?? null;
}
