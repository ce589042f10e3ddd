import "server-only";
import fs from "node:fs";
import path from "node:path";
import { buildCalendar, type WorkingDayCalendar } from "@/lib/deadlines";
import { db } from "@/lib/db/client";
import type { Law } from "@/lib/generated/prisma";

// Holiday data: the newest row fetched from GOV.UK wins over the copy shipped in data/.
// Calendars are built once per process per data version (about 10 ms each).
const SHIPPED = path.join(process.cwd(), "data", "uk-bank-holidays.json");

interface Loaded {
  version: string;
  calendars: Map<Law, WorkingDayCalendar>;
  data: unknown;
}
let loaded: Loaded | undefined;

async function currentData(): Promise<{ version: string; data: unknown }> {
  const latest = await db.holidayData.findFirst({ orderBy: { fetchedAt: "desc" }, select: { id: true, json: true } });
  if (latest) return { version: latest.id, data: latest.json };
  return { version: "shipped", data: JSON.parse(fs.readFileSync(SHIPPED, "utf8")) };
}

export async function calendarFor(law: Law): Promise<WorkingDayCalendar> {
  const { version, data } = await currentData();
  if (loaded?.version !== version) loaded = { version, data, calendars: new Map() };
  let calendar = loaded.calendars.get(law);
  if (!calendar) {
    calendar = buildCalendar(data, { law });
    loaded.calendars.set(law, calendar);
  }
  return calendar;
}
