import "server-only";
import { db } from "@/lib/db/client";
import type { AlertKind } from "@/lib/generated/prisma";
import { ALERT_KIND_VALUES, alertLabel } from "./kinds";
import { alertKindSchema } from "./schemas";
import { appUrl, sign, verify } from "./secrets";
import { recordAuditForPerson } from "@/lib/audit/record-audit";

const PURPOSE = "unsubscribe";

/** A link for an email that stops alert emails (one kind, or all) without signing in. */
export function unsubscribeUrl(userId: string, kind: AlertKind | "all"): string {
  const payload = `${userId}.${kind}`;
  const token = `${Buffer.from(payload).toString("base64url")}.${sign(PURPOSE, payload)}`;
  return appUrl(`/unsubscribe?token=${encodeURIComponent(token)}`);
}

/** The person and kind a token names, or null if it was not made by us for unsubscribing. */
export function readUnsubscribeToken(token: unknown): { userId: string; kind: AlertKind | "all" } | null {
  if (typeof token !== "string" || token.length > 500) return null;
  const [encoded, signature, extra] = token.split(".");
  if (!encoded || !signature || extra !== undefined) return null;
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  if (!verify(PURPOSE, payload, signature)) return null;
  const dot = payload.lastIndexOf(".");
  const userId = payload.slice(0, dot);
  const kindText = payload.slice(dot + 1);
  if (!userId) return null;
  if (kindText === "all") return { userId, kind: "all" };
  const kind = alertKindSchema.safeParse(kindText);
  return kind.success ? { userId, kind: kind.data } : null;
}

/**
 * Turns alert emails off (POST only: mail scanners follow GET links). Alerts stay in the
 * app: a kind that was "email" becomes "app"; one that was "off" stays off.
 */
export async function applyUnsubscribe(token: unknown): Promise<{ ok: boolean; what: string }> {
  const read = readUnsubscribeToken(token);
  if (!read) return { ok: false, what: "This unsubscribe link is not valid. Sign in and change your alert settings instead." };
  const user = await db.user.findUnique({ where: { id: read.userId }, select: { id: true } });
  if (!user) return { ok: false, what: "This unsubscribe link is not valid any more." };
  const kinds = read.kind === "all" ? ALERT_KIND_VALUES : [read.kind];
  // One statement, so a double-clicked button cannot collide with itself; "off" stays off.
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "AlertPreference" ("userId", kind, delivery)
      SELECT ${read.userId}, k::"AlertKind", 'app' FROM unnest(${kinds}::text[]) AS k
      ON CONFLICT ("userId", kind) DO UPDATE SET delivery = 'app' WHERE "AlertPreference".delivery = 'email'`;
    await recordAuditForPerson(read.userId, { action: "alerts.unsubscribe", entity: "AlertPreference", data: { kind: read.kind } }, tx);
  });
  return {
    ok: true,
    what: read.kind === "all" ? "You will get no more alert emails. Alerts still show in the app." : `You will get no more emails about "${alertLabel(read.kind)}". Those alerts still show in the app.`,
  };
}
