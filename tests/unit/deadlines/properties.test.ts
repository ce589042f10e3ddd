import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeClock, isWorkingDay, workingDaysBetween, type ClockEvent, type Law } from "@/lib/deadlines";
import { dayNumberFromParts, formatIsoDate, parseIsoDate, weekdayOf } from "@/lib/deadlines/iso-date";
import { calendarFor } from "./calendars";

// Receipt dates from 2012 to 2038: GOV.UK years and projected years on both sides.
const FIRST = dayNumberFromParts(2012, 1, 1);
const LAST = dayNumberFromParts(2038, 12, 31);
const dayArb = fc.integer({ min: FIRST, max: LAST });
const dateArb = dayArb.map(formatIsoDate);
const lawArb = fc.constantFrom<Law>("foia", "eir", "foisa");

function clockFor(law: Law, date: string, events: ClockEvent[] = []) {
  return computeClock([{ kind: "sent", at: date }, ...events], { law, calendar: calendarFor(law) });
}

const daysBetween = (a: string, b: string) => parseIsoDate(b) - parseIsoDate(a);

describe("properties of the statutory clock", () => {
  it("the due date is always a working day, under both conventions", () => {
    fc.assert(
      fc.property(lawArb, dateArb, (law, date) => {
        const clock = clockFor(law, date);
        const calendar = calendarFor(law);
        expect(isWorkingDay(calendar, clock.due ?? "")).toBe(true);
        expect(isWorkingDay(calendar, clock.dueIfNextWorkingDay ?? "")).toBe(true);
        expect(isWorkingDay(calendar, clock.veryOverdue ?? "")).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("the due date is exactly 20 working days after day 0", () => {
    fc.assert(
      fc.property(lawArb, dateArb, (law, date) => {
        const clock = clockFor(law, date);
        expect(workingDaysBetween(calendarFor(law), date, clock.due ?? "")).toBe(20);
        expect(workingDaysBetween(calendarFor(law), date, clock.veryOverdue ?? "")).toBe(40);
      }),
      { numRuns: 2000 },
    );
  });

  it("a weekday receipt is due at least 28 calendar days later", () => {
    fc.assert(
      fc.property(
        lawArb,
        dayArb.filter((d) => weekdayOf(d) >= 1 && weekdayOf(d) <= 5),
        (law, day) => {
          const date = formatIsoDate(day);
          expect(daysBetween(date, clockFor(law, date).due ?? "")).toBeGreaterThanOrEqual(28);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("a later receipt is never due earlier", () => {
    fc.assert(
      fc.property(lawArb, dayArb, fc.integer({ min: 0, max: 40 }), (law, day, gap) => {
        const early = clockFor(law, formatIsoDate(day));
        const late = clockFor(law, formatIsoDate(Math.min(LAST, day + gap)));
        expect(late.due! >= early.due!).toBe(true);
        expect(late.dueIfNextWorkingDay! >= early.dueIfNextWorkingDay!).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("the next-working-day convention is never earlier than the calendar one", () => {
    fc.assert(
      fc.property(lawArb, dateArb, (law, date) => {
        const clock = clockFor(law, date);
        expect(clock.dueIfNextWorkingDay! >= clock.dueIfCalendar!).toBe(true);
        expect(clock.dueIfCalendar).toBe(clock.due);
      }),
      { numRuns: 2000 },
    );
  });

  it("a paid fee never brings the due date forward, and pushes it by the working days disregarded", () => {
    fc.assert(
      fc.property(lawArb, dayArb, fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 30 }), (law, day, start, length) => {
        const date = formatIsoDate(day);
        const plain = clockFor(law, date);
        const withFee = clockFor(law, date, [
          { kind: "fees_notice", at: formatIsoDate(day + start) },
          { kind: "fee_paid", at: formatIsoDate(day + start + length) },
        ]);
        expect(withFee.due! >= plain.due!).toBe(true);
        expect(workingDaysBetween(calendarFor(law), date, withFee.due!)).toBe(20 + withFee.pausedWorkingDays);
      }),
      { numRuns: 1000 },
    );
  });

  it("the order events are given in does not matter", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), (day, a, b) => {
        const events: ClockEvent[] = [
          { kind: "sent", at: formatIsoDate(day) },
          { kind: "fees_notice", at: formatIsoDate(day + a) },
          { kind: "fee_paid", at: formatIsoDate(day + a + b) },
          { kind: "response_successful", at: formatIsoDate(day + a + b + 15) },
        ];
        const options = { law: "foia" as const, calendar: calendarFor("foia") };
        expect(computeClock([...events].reverse(), options)).toEqual(computeClock(events, options));
      }),
      { numRuns: 500 },
    );
  });
});
