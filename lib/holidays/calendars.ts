import "server-only";
import { cache } from "react";
import fs from "node:fs";
import path from "node:path";
import { buildCalendar, type WorkingDayCalendar } from "@/lib/deadlines";
import { db } from "@/lib/db/client";
import { sqlRows } from "@/lib/db/sql";
import type { Law } from "@/lib/generated/prisma";

// Holiday data: the newest row fetched from GOV.UK wins over the copy shipped in data/.
// Calendars are built once per process per data version (about 10 ms each).
const SHIPPED = path.join(process.cwd(), "data", "uk-bank-holidays.json");

/** The newest row first; the id breaks a tie between rows fetched in the same millisecond. */
export const NEWEST_FIRST = [{ fetchedAt: "desc" as const }, { id: "desc" as const }];

export interface HolidayDataVersion {
  /** The HolidayData row id, or "shipped" for data/uk-bank-holidays.json. */
  version: string;
  data: unknown;
}

interface Loaded extends HolidayDataVersion {
  calendars: Map<Law, WorkingDayCalendar>;
}
let loaded: Loaded | undefined;

export function loadShippedHolidayData(): unknown {
  return JSON.parse(fs.readFileSync(SHIPPED, "utf8"));
}

/** Which data is current: a cheap id lookup, so callers can tell whether a cache is stale. */
export async function currentHolidayDataVersion(): Promise<string> {
  // Plain SQL (lib/db/sql.ts): every page asks. The same order as NEWEST_FIRST.
  const [latest] = await sqlRows<{ id: string }>(`SELECT id FROM "HolidayData" ORDER BY "fetchedAt" DESC, id DESC LIMIT 1`, [], { prepared: true });
  return latest?.id ?? "shipped";
}

/** The holiday data every clock is computed with now. */
export async function loadHolidayData(): Promise<HolidayDataVersion> {
  const latest = await db.holidayData.findFirst({ orderBy: NEWEST_FIRST, select: { id: true, json: true } });
  if (latest) return { version: latest.id, data: latest.json };
  return { version: "shipped", data: loadShippedHolidayData() };
}

/** Checked once per page render (React's cache(); outside a render, on every call). */
const versionThisRequest = cache(currentHolidayDataVersion);

export async function calendarFor(law: Law): Promise<WorkingDayCalendar> {
  // Checked on every request (not cached by time), so a refresh moves every later clock at once.
  const version = await versionThisRequest();
  if (loaded?.version !== version) {
    const current = await loadHolidayData();
    loaded = { ...current, calendars: new Map() };
  }
  const active = loaded;
  let calendar = active.calendars.get(law);
  if (!calendar) {
    calendar = buildCalendar(active.data, { law });
    active.calendars.set(law, calendar);
  }
  return calendar;
}
