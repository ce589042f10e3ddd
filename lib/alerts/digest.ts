import "server-only";
import { formatUkDate } from "@/lib/deadlines";
import { db } from "@/lib/db/client";
import type { AlertKind, Law } from "@/lib/generated/prisma";
import { calendarFor } from "@/lib/holidays/calendars";
import { queueMail } from "@/lib/mail/send-mail";
import { fromDbDate } from "@/lib/requests/dates";
import { lateNote, londonParts, workingDaysFrom } from "./dates";
import { ALERT_KINDS, alertKindInfo, whatToDo } from "./kinds";
import { DEFAULT_DIGEST_TIME } from "./schemas";
import { appUrl } from "./secrets";
import { unsubscribeUrl } from "./unsubscribe";
import { visibleNotificationsWhere } from "./visibility";

export interface DigestLine {
  kind: AlertKind;
  bodyName: string;
  requestTitle: string;
  batchName: string | null;
  requestId: string;
  dueOn: string;
  law: Law;
  /** Set when a catch-up raised the alert after the day it became true. */
  lateNote?: string | null;
}

/** The digest's plain text: alerts grouped by kind, each with its dates, working days and link. */
export async function digestText(userId: string, today: string, lines: DigestLine[]): Promise<{ subject: string; text: string }> {
  const out: string[] = [`Your FOI alerts for ${formatUkDate(today)}`, ""];
  for (const info of ALERT_KINDS) {
    const group = lines.filter((l) => l.kind === info.kind);
    if (group.length === 0) continue;
    // One law in the group: its own route; mixed laws: each line says its own.
    const laws = new Set(group.map((l) => l.law));
    const single = laws.size === 1 ? [...laws][0] : undefined;
    out.push(`${info.label} (${group.length})`, "-".repeat(info.label.length + String(group.length).length + 3), whatToDo(info.kind, single), "");
    for (const line of group.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.bodyName.localeCompare(b.bodyName))) {
      const days = workingDaysFrom(await calendarFor(line.law), today, line.dueOn);
      out.push(`* ${line.bodyName}: ${line.requestTitle}`);
      if (line.batchName) out.push(`  Batch: ${line.batchName}`);
      out.push(`  ${alertKindInfo(info.kind).digestDateWords} ${formatUkDate(line.dueOn)} (${days.label})`);
      if (line.lateNote) out.push(`  ${line.lateNote}`);
      if (!single && whatToDo(info.kind, line.law) !== whatToDo(info.kind)) out.push(`  What to do: ${whatToDo(info.kind, line.law)}`);
      out.push(`  ${appUrl(`/requests/${line.requestId}`)}`);
      out.push("");
    }
    out.push(`Stop emails about "${info.label}": ${unsubscribeUrl(userId, info.kind)}`, "");
  }
  out.push("You get this email because alert emails are on in your FOI Tracker alert settings.");
  out.push(`Stop all alert emails (one click, no sign-in): ${unsubscribeUrl(userId, "all")}`);
  out.push(`Change what you get and when: ${appUrl("/settings/alerts")}`);
  const subject = `FOI alerts: ${lines.length} new for ${formatUkDate(today)}`;
  return { subject, text: out.join("\n") };
}

/**
 * Sends the digest of everyone whose digest time (Europe/London) has come today, has not
 * had one today, and has new alerts they chose email for. One per person per day: the
 * claim on AlertSettings.lastDigestOn (a row lock) stops a second worker, and the outbox's
 * dedupeKey "digest:<user>:<day>" stops a second message; the notifications are marked
 * digested in the same transaction, so none is lost or sent twice.
 */
export async function sendDueDigests(at: Date): Promise<{ queued: number }> {
  const { day: today, time } = londonParts(at);
  const candidates = await db.notification.findMany({
    where: { digestedAt: null, readAt: null },
    distinct: ["userId"],
    select: { userId: true },
  });
  let queued = 0;
  for (const { userId } of candidates) {
    const [user, settings, prefs] = await Promise.all([
      db.user.findUnique({ where: { id: userId }, select: { email: true } }),
      db.alertSettings.findUnique({ where: { userId }, select: { digestTime: true, lastDigestOn: true } }),
      db.alertPreference.findMany({ where: { userId, delivery: { not: "email" } }, select: { kind: true } }),
    ]);
    const notEmail = prefs.map((p) => p.kind);
    // Kinds switched away from email after their alerts were raised: mark those digested too,
    // so the scan above stops finding them and a later switch back does not mail the backlog.
    if (notEmail.length > 0) {
      await db.notification.updateMany({ where: { userId, digestedAt: null, alert: { kind: { in: notEmail } } }, data: { digestedAt: at } });
    }
    if (!user) continue;
    if (time < (settings?.digestTime ?? DEFAULT_DIGEST_TIME)) continue;
    if (settings?.lastDigestOn && fromDbDate(settings.lastDigestOn)! >= today) continue;
    const visible = await visibleNotificationsWhere(userId, today);
    const rows = await db.notification.findMany({
      where: {
        userId,
        digestedAt: null,
        readAt: null,
        // Only workspaces the person still belongs to, and requests still there.
        alert: { kind: { notIn: notEmail }, request: { deletedAt: null, workspace: { memberships: { some: { userId } } } } },
        AND: [visible],
      },
      select: {
        id: true,
        alert: {
          select: {
            kind: true,
            dueOn: true,
            raisedOn: true,
            expectedOn: true,
            request: { select: { id: true, title: true, law: true, body: { select: { name: true } }, batch: { select: { name: true } } } },
          },
        },
      },
      take: 500,
    });
    if (rows.length === 0) continue;
    const { subject, text } = await digestText(
      userId,
      today,
      rows.map((r) => ({
        kind: r.alert.kind,
        bodyName: r.alert.request.body.name,
        requestTitle: r.alert.request.title,
        batchName: r.alert.request.batch?.name ?? null,
        requestId: r.alert.request.id,
        dueOn: fromDbDate(r.alert.dueOn)!,
        law: r.alert.request.law,
        lateNote: lateNote(fromDbDate(r.alert.expectedOn), fromDbDate(r.alert.raisedOn)!),
      })),
    );
    const sent = await db.$transaction(async (tx) => {
      // Not upsert: two workers creating the row at once would collide; this cannot.
      await tx.$executeRaw`INSERT INTO "AlertSettings" ("userId", "updatedAt") VALUES (${userId}, CURRENT_TIMESTAMP) ON CONFLICT ("userId") DO NOTHING`;
      const claimed = await tx.$executeRaw`
        UPDATE "AlertSettings" SET "lastDigestOn" = ${today}::date, "updatedAt" = CURRENT_TIMESTAMP
        WHERE "userId" = ${userId} AND ("lastDigestOn" IS NULL OR "lastDigestOn" < ${today}::date)`;
      if (claimed === 0) return false;
      await queueMail({ to: user.email, subject, text, dedupeKey: `digest:${userId}:${today}` }, tx);
      await tx.notification.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { digestedAt: at } });
      return true;
    });
    if (sent) queued++;
  }
  return { queued };
}

