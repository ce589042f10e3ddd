import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import type { AlertDelivery, AlertKind } from "@/lib/generated/prisma";
import { ALERT_KIND_VALUES } from "./kinds";
import { alertSettingsSchema, DEFAULT_DELIVERY, DEFAULT_DIGEST_TIME, DEFAULT_DUE_SOON_DAYS } from "./schemas";
import { appUrl } from "./secrets";
import { recordAuditForPerson } from "@/lib/audit/record-audit";

// Settings are a person's own (not a workspace's): every function takes the signed-in
// user's id, which pages take from the session, never from the form.

export interface AlertSettingsView {
  digestTime: string;
  dueSoonDays: number;
  preferences: Record<AlertKind, AlertDelivery>;
  hasCalendarFeed: boolean;
}

export type UpdateAlertSettingsResult = { ok: true } | { ok: false; fieldErrors: Record<string, string[]> };

export async function getAlertSettings(userId: string): Promise<AlertSettingsView> {
  const [settings, rows] = await Promise.all([
    db.alertSettings.findUnique({ where: { userId }, select: { digestTime: true, dueSoonDays: true, calendarTokenHash: true } }),
    db.alertPreference.findMany({ where: { userId }, select: { kind: true, delivery: true } }),
  ]);
  const preferences = Object.fromEntries(ALERT_KIND_VALUES.map((k) => [k, DEFAULT_DELIVERY])) as Record<AlertKind, AlertDelivery>;
  for (const row of rows) preferences[row.kind] = row.delivery;
  return {
    digestTime: settings?.digestTime ?? DEFAULT_DIGEST_TIME,
    dueSoonDays: settings?.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
    preferences,
    hasCalendarFeed: Boolean(settings?.calendarTokenHash),
  };
}

/** Validates everything first; saves settings and all eight preferences in one transaction. */
export async function updateAlertSettings(userId: string, input: unknown): Promise<UpdateAlertSettingsResult> {
  const parsed = alertSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".") || "form";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    return { ok: false, fieldErrors };
  }
  const { digestTime, dueSoonDays, preferences } = parsed.data;
  await db.$transaction([
    db.alertSettings.upsert({ where: { userId }, create: { userId, digestTime, dueSoonDays }, update: { digestTime, dueSoonDays } }),
    ...ALERT_KIND_VALUES.map((kind) =>
      db.alertPreference.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, delivery: preferences[kind] },
        update: { delivery: preferences[kind] },
      }),
    ),
  ]);
  return { ok: true };
}

export function hashCalendarToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function calendarFeedUrl(token: string): string {
  return appUrl(`/calendar/${token}.ics`);
}

/**
 * A new secret feed address; the old one stops working. Only the token's SHA-256 is
 * stored, so the address can be shown only now: pages show it once and otherwise say
 * "a feed exists: regenerate it to see a new address".
 */
export async function regenerateCalendarFeed(userId: string): Promise<{ url: string }> {
  const token = crypto.randomBytes(24).toString("base64url");
  const calendarTokenHash = hashCalendarToken(token);
  await db.$transaction(async (tx) => {
    const before = await tx.alertSettings.findUnique({ where: { userId }, select: { calendarTokenHash: true } });
    await tx.alertSettings.upsert({ where: { userId }, create: { userId, calendarTokenHash }, update: { calendarTokenHash } });
    await recordAuditForPerson(userId, { action: before?.calendarTokenHash ? "calendar_feed.replace" : "calendar_feed.create", entity: "AlertSettings", entityId: userId }, tx);
  });
  return { url: calendarFeedUrl(token) };
}

export async function revokeCalendarFeed(userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const turnedOff = await tx.alertSettings.updateMany({ where: { userId, calendarTokenHash: { not: null } }, data: { calendarTokenHash: null } });
    if (turnedOff.count > 0) await recordAuditForPerson(userId, { action: "calendar_feed.off", entity: "AlertSettings", entityId: userId }, tx);
  });
}
