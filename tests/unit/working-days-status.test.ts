// workingDaysStatus: the one answer to "overdue?" and "how many working days?" (2021 England
// and Wales calendar: Monday 30 August a bank holiday).
import { describe, expect, it } from "vitest";
import { buildCalendar, computeClock, describeDue, formatWorkingDays, isPastDue, workingDaysStatus } from "@/lib/deadlines";
import { loadShippedHolidayData } from "@/lib/holidays/calendars";

const calendar = buildCalendar(loadShippedHolidayData(), { law: "foia" });

describe("workingDaysStatus", () => {
  it.each([
    ["2021-08-24", "2021-08-31", "not_due", 4, "4 working days left"],
    ["2021-08-27", "2021-08-31", "not_due", 1, "1 working day left"], // Monday 30th a holiday
    ["2021-08-31", "2021-08-31", "due_today", 0, "Due today"],
    ["2021-09-01", "2021-08-31", "overdue", -1, "Overdue by 1 working day"],
    ["2021-09-06", "2021-08-31", "overdue", -4, "Overdue by 4 working days"],
    // Due to the end of Friday: the Saturday after is overdue though no working day has passed.
    ["2021-09-04", "2021-09-03", "overdue", 0, "Overdue"],
    // A date a body gave on a Sunday: nothing left to count on the Friday, but not due today.
    ["2021-09-03", "2021-09-05", "not_due", 0, "Due by the next working day"],
  ] as const)("on %s, due %s: %s, %i, %s", (today, dueOn, state, workingDays, sentence) => {
    expect(workingDaysStatus(dueOn, today, calendar)).toEqual({ state, workingDays, sentence });
  });

  it("reads a clock computed for today, and refuses one computed for another day", () => {
    const clock = computeClock([{ kind: "sent", at: "2021-08-02" }], { law: "foia", calendar }, "2021-09-06");
    expect(workingDaysStatus(clock, "2021-09-06")).toEqual({ state: "overdue", workingDays: -4, sentence: "Overdue by 4 working days" });
    expect(() => workingDaysStatus(clock, "2021-09-07")).toThrow(/computed for 2021-09-06/);
    const paused = computeClock([{ kind: "sent", at: "2021-08-02" }, { kind: "fees_notice", at: "2021-08-05" }], { law: "foia", calendar }, "2021-09-06");
    expect(workingDaysStatus(paused, "2021-09-06")).toBeNull();
  });

  it("gives the long form with the date", () => {
    expect(describeDue(workingDaysStatus("2021-10-04", "2021-09-06", calendar), "2021-10-04")).toBe("Due Monday 4 October 2021: 20 working days left");
    expect(describeDue(workingDaysStatus("2021-08-31", "2021-08-31", calendar), "2021-08-31")).toBe("Due today (Tuesday 31 August 2021)");
    expect(describeDue(workingDaysStatus("2021-08-31", "2021-09-02", calendar), "2021-08-31")).toBe("Overdue by 2 working days (was due Tuesday 31 August 2021)");
    expect(describeDue(workingDaysStatus("2021-09-03", "2021-09-04", calendar), "2021-09-03")).toBe("Overdue (was due Friday 3 September 2021)");
  });

  it("says 1 working day, 2 working days", () => {
    expect([formatWorkingDays(0), formatWorkingDays(1), formatWorkingDays(2)]).toEqual(["0 working days", "1 working day", "2 working days"]);
  });
});

describe("isPastDue (FOIA s10(1): past the 20th working day)", () => {
  it.each([
    ["not_due", false],
    ["due_today", false],
    ["overdue", true],
    ["very_overdue", true],
  ] as const)("%s: %s", (state, expected) => {
    expect(isPastDue({ state })).toBe(expected);
  });

  it("is false without a running clock", () => {
    expect(isPastDue(null)).toBe(false);
    expect(isPastDue(workingDaysStatus("2021-08-31", "2021-08-24", calendar))).toBe(false);
    expect(isPastDue(workingDaysStatus("2021-08-31", "2021-09-06", calendar))).toBe(true);
  });
});
