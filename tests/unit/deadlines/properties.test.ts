import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addWorkingDays, computeClock, isWorkingDay, workingDaysBetween, type ClockEvent, type Law } from "@/lib/deadlines";
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

// FOIA s10(1), s10(3), s17(1)-(3) with the ICO's 20 further working days: whatever extension
// notices (dated any time, naming any exemption, giving any date), acknowledgements, notes and
// clarifications not reasonably required or asked for late come before it, a response after the
// original due date plus 20 working days never reads "on time".
describe("FOIA s10(3) cap property: nothing makes an answer after day 40 on time", () => {
  const uk = calendarFor("foia");
  const exemptionArb = fc.constantFrom("s43", "s43(2)", "s36", "s21", "s40(2)", "s12", "", "s22A");
  const eventArb = (sentDay: number) =>
    fc.oneof(
      fc.record({
        kind: fc.constant("extension" as const),
        at: fc.integer({ min: 0, max: 90 }).map((d) => formatIsoDate(sentDay + d)),
        newDueDate: fc.option(fc.integer({ min: -10, max: 150 }).map((d) => formatIsoDate(sentDay + d)), { nil: undefined }),
        exemptions: fc.array(exemptionArb, { maxLength: 2 }),
      }),
      fc.record({ kind: fc.constantFrom("acknowledged" as const, "note" as const, "clarification_sent" as const), at: fc.integer({ min: 0, max: 90 }).map((d) => formatIsoDate(sentDay + d)) }),
      fc.record({
        kind: fc.constant("clarification_requested" as const),
        at: fc.integer({ min: 0, max: 90 }).map((d) => formatIsoDate(sentDay + d)),
        notReasonablyRequired: fc.constant(true),
      }),
      // 40 calendar days are always more than 20 working days (Christmas included), so this is late.
      fc.record({ kind: fc.constant("clarification_requested" as const), at: fc.integer({ min: 40, max: 90 }).map((d) => formatIsoDate(sentDay + d)) }),
    );

  it("extensions, late or unneeded clarifications: answered after original due + 20 working days is late or very late", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: FIRST, max: LAST - 400 }).chain((day) => fc.tuple(fc.constant(day), fc.array(eventArb(day), { maxLength: 6 }), fc.integer({ min: 0, max: 200 }))),
        ([day, events, answerGap]) => {
          const date = formatIsoDate(day);
          const original = clockFor("foia", date).due!;
          const answered = formatIsoDate(day + answerGap);
          const clock = clockFor("foia", date, [...events, { kind: "response_successful", at: answered }]);
          expect(clock.due).toBe(original);
          const cap = addWorkingDays(uk, original, 20);
          if (answered > cap) expect(["late", "very_late"]).toContain(clock.state?.timeliness);
          if (clock.extendedDue !== null) expect(clock.extendedDue <= cap && clock.extendedDue >= original).toBe(true);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("any timeline at all: on time means by the clock's own due date + 20, or answered while a clarification was awaited", () => {
    const anyKind = fc.constantFrom<ClockEvent["kind"]>("extension", "clarification_requested", "clarification_sent", "fees_notice", "fee_paid", "acknowledged", "resent", "note");
    fc.assert(
      fc.property(
        fc.integer({ min: FIRST, max: LAST - 400 }),
        fc.array(fc.record({ kind: anyKind, gap: fc.integer({ min: 0, max: 120 }), newDue: fc.integer({ min: -10, max: 150 }), exemption: exemptionArb, flag: fc.boolean() }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 250 }),
        (day, raw, answerGap) => {
          const events: ClockEvent[] = raw.map((r) => ({
            kind: r.kind,
            at: formatIsoDate(day + r.gap),
            ...(r.kind === "extension" ? { newDueDate: formatIsoDate(day + r.newDue), exemptions: [r.exemption] } : {}),
            ...(r.kind === "clarification_requested" ? { notReasonablyRequired: r.flag } : {}),
          }));
          const answered = formatIsoDate(day + answerGap);
          const clock = clockFor("foia", formatIsoDate(day), [...events, { kind: "response_partial", at: answered }]);
          if (clock.state?.timeliness !== "on_time") return;
          const awaited = clock.warnings.some((w) => w.includes("while a clarification was awaited"));
          if (!awaited) expect(answered <= addWorkingDays(uk, clock.due!, 20)).toBe(true);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
