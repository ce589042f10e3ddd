import Holidays from "date-holidays";
import type { Division } from "./schemas";

export interface ProjectedHoliday {
  date: string;
  title: string;
}

/** A source of holidays for years GOV.UK does not publish (injectable for tests). */
export type HolidayProjector = (year: number, division: Division) => readonly ProjectedHoliday[];

const STATES: Record<Division, readonly string[]> = {
  "england-and-wales": ["ENG", "WLS"],
  scotland: ["SCT"],
  "northern-ireland": ["NIR"],
};

const instances = new Map<string, Holidays>();

function holidaysFor(state: string): Holidays {
  let instance = instances.get(state);
  if (!instance) {
    instance = new Holidays("GB", state);
    instances.set(state, instance);
  }
  return instance;
}

/**
 * Bank holidays projected from rules (date-holidays). Only `public` and `bank` types are
 * bank holidays under the Banking and Financial Dealings Act 1971; `h.date` is the local
 * date, whereas `h.start` is a UTC instant that falls on the previous day during BST.
 */
export const projectHolidays: HolidayProjector = (year, division) => {
  const byDate = new Map<string, string>();
  for (const state of STATES[division]) {
    for (const h of holidaysFor(state).getHolidays(year)) {
      if (h.type !== "public" && h.type !== "bank") continue;
      const date = h.date.slice(0, 10);
      if (!byDate.has(date)) byDate.set(date, h.name);
    }
  }
  return [...byDate].map(([date, title]) => ({ date, title })).sort((a, b) => (a.date < b.date ? -1 : 1));
};
