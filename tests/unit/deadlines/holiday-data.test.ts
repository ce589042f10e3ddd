import { describe, expect, it } from "vitest";
import { buildCalendar, diffHolidayData, InvalidHolidayDataError, parseGovUkHolidays } from "@/lib/deadlines";
import { loadGovUkData } from "./calendars";

type Data = Record<string, { division: string; events: { title: string; date: string; notes: string; bunting: boolean }[] }>;
const copy = () => loadGovUkData() as Data;

describe("parseGovUkHolidays", () => {
  it("accepts the GOV.UK file", () => {
    const data = parseGovUkHolidays(loadGovUkData());
    expect(data.scotland.events.some((e) => e.date === "2026-06-15")).toBe(true);
  });

  it.each([
    ["not an object", () => "nope", /at \(root\)/],
    ["a missing division", () => { const d = copy(); delete d.scotland; return d; }, /at scotland/],
    ["an impossible date", () => { const d = copy(); d["northern-ireland"].events[2].date = "2021-02-30"; return d; }, /northern-ireland\.events\.2\.date: expected a real calendar date/],
    ["an empty division", () => { const d = copy(); d["england-and-wales"].events = []; return d; }, /england-and-wales\.events: expected at least one/],
    ["a mislabelled division", () => { const d = copy(); d.scotland.division = "wales"; return d; }, /scotland\.division/],
  ])("rejects %s with a clear error", (_what, make, message) => {
    expect(() => parseGovUkHolidays(make())).toThrow(InvalidHolidayDataError);
    expect(() => parseGovUkHolidays(make())).toThrow(message);
    expect(() => buildCalendar(make(), { law: "foia" })).toThrow(InvalidHolidayDataError);
  });
});

describe("diffHolidayData", () => {
  it("reports nothing for identical data", () => {
    expect(diffHolidayData(loadGovUkData(), loadGovUkData())).toMatchObject({ changed: false, changedDates: [] });
  });

  it("reports added and removed dates per division", () => {
    const after = copy();
    after.scotland.events = after.scotland.events.filter((e) => e.date !== "2026-06-15");
    after["northern-ireland"].events.push({ title: "Extra", date: "2027-06-07", notes: "", bunting: true });
    const diff = diffHolidayData(loadGovUkData(), after);
    expect(diff.changed).toBe(true);
    expect(diff.divisions.scotland).toMatchObject({ added: [], removed: ["2026-06-15"] });
    expect(diff.divisions["northern-ireland"]).toMatchObject({ added: ["2027-06-07"], removed: [] });
    expect(diff.divisions["england-and-wales"]).toMatchObject({ added: [], removed: [] });
    expect(diff.changedDates).toEqual(["2026-06-15", "2027-06-07"]);
    expect(diff.divisions.scotland.coverage).toEqual({ old: { from: 2015, to: 2027 }, new: { from: 2015, to: 2027 } });
  });
});
